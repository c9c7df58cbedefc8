"""What linking (graphbuild.linking) adds to extraction time, measured in one run.

Extracts the first N AllSides articles once and counts the CPU time spent in
the linking stage (gathering each person's cues, what clustering asks the
knowledge base about surnames and titles (``linking.KBCues``), linking to the
knowledge base) against the CPU time of the whole extraction;
prints the share linking adds (goal: <= 10%), and the knowledge base's load
time and memory. CPU time, not wall time, so that a busy machine skews less.

    python benchmarks/linking_cost.py [--n 300]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_throughput import first_articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles to process")
    args = ap.parse_args()

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    from graphbuild.kb import load_kb

    kb = load_kb()
    kb.by_surname("trump")  # the lazily built indices
    kb_cpu = time.process_time() - t0
    kb_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024

    import graphbuild.extract as ex
    import graphbuild.linking as linking

    spent = {"linking": 0.0}

    def timed(fn):
        def wrapper(*a, **k):
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent["linking"] += time.process_time() - start

        return wrapper

    ex.link_people = timed(ex.link_people)
    ex.person_cues = timed(ex.person_cues)
    for name in ("namesake", "office", "holder", "contradicts", "known", "held", "minor", "denotes", "gender"):
        setattr(linking.KBCues, name, timed(getattr(linking.KBCues, name)))

    articles = first_articles(args.n)
    nlp = ex.load_pipeline()
    start = time.process_time()
    edges = sum(len(es) for _, es in ex.extract_edges(articles, nlp))
    total = time.process_time() - start
    rest = total - spent["linking"]
    print(f"articles {len(articles)}  edges {edges}")
    print(f"extraction CPU {total:.1f} s, of which linking {spent['linking']:.2f} s")
    print(f"linking adds {100 * spent['linking'] / rest:.1f}% to extraction without it (goal <= 10%)")
    print(f"knowledge base: load and first lookups {kb_cpu:.2f} s CPU, +{kb_mib:.0f} MiB RSS")


if __name__ == "__main__":
    main()
