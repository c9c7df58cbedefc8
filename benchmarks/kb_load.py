"""Knowledge-base load time and memory, against loading the spaCy model in the same run.

    python benchmarks/kb_load.py [--repeat 3]

Every extraction worker loads both the spaCy pipeline and the knowledge base,
so the KB is measured as a share of what a worker already pays. Each step runs
in a fresh Python process (best of ``--repeat``), timing only the step, with
the process's peak RSS growth over a bare interpreter that imported the same
modules:

- ``kb load``: ``load_kb()`` (reads the shipped files, indexes ids);
- ``kb load + lookups``: plus one ``by_name``, ``by_surname``, ``by_first_last``,
  ``holders`` and ``is_place`` (parses the name and role indices on first use);
- ``spacy load``: ``spacy.load(settings model)``, the baseline.

Goal: ``kb load + lookups`` under 0.5 s and under 0.5x the spaCy load.
It also prints the entry count and the size of the shipped files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, resource, sys, time
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
{imports}
before = rss_mb()
t0 = time.perf_counter()
{step}
seconds = time.perf_counter() - t0
print(json.dumps({{"seconds": seconds, "rss_mb": rss_mb() - before}}))
"""

STEPS = {
    "kb load": ("from graphbuild.kb import load_kb", "kb = load_kb()"),
    "kb load + lookups": (
        "from datetime import date\nfrom graphbuild.kb import load_kb",
        "kb = load_kb()\n"
        "assert kb.by_name('Joseph R. Biden')\n"
        "assert kb.by_surname('Sessions')\n"
        "assert kb.by_first_last('Bill', 'Clinton')\n"
        "assert kb.holders('president', date(2012, 6, 1))\n"
        "assert kb.is_place('Manchester') and kb.role_of('Sen.')"),
    "spacy load": ("import spacy\nfrom graphbuild.settings import resolve",
                   "nlp = spacy.load(resolve('model'))"),
}


def run_step(name: str) -> dict:
    imports, step = STEPS[name]
    code = PROBE.format(imports=imports, step=step)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for name in STEPS:
            r = run_step(name)
            if name not in best or r["seconds"] < best[name]["seconds"]:
                best[name] = r
    base = best["spacy load"]
    for name, r in best.items():
        print(f"{name:20s} {r['seconds']:6.3f} s  {r['seconds'] / base['seconds']:5.2f}x spacy  "
              f"peak RSS +{r['rss_mb']:6.1f} MB")
    sys.path.insert(0, str(ROOT))
    from graphbuild.kb import load_kb
    from graphbuild.kb.lookup import PEOPLE_PATH, WORDS_PATH

    print(f"entries: {len(load_kb())}")
    for path in (PEOPLE_PATH, WORDS_PATH):
        print(f"{path.name}: {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
