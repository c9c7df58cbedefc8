"""Words per second of graphbuild's extraction against plain ``nlp.pipe``.

Both runs use the same model, the same texts (the first N articles of the
AllSides corpus) and the same batch size, in this one process; the baseline
is spaCy's own pipeline with nothing of graphbuild's. Prints both rates and
the ratio (goal: >= 0.70).

    python benchmarks/extract_throughput.py [--n 300] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import spacy

from graphbuild.extract import extract_edges, load_pipeline
from graphbuild.records import Article
from graphbuild.settings import resolve

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "allsides-politics-3000.jsonl.gz"


def first_articles(n: int, path: Path = CORPUS) -> list[Article]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                out.append(Article(id=rec["id"], text=rec["text"], published=rec.get("date")))
            if len(out) == n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles to process")
    ap.add_argument("--batch-size", type=int, default=resolve("batch_size"))
    ap.add_argument("--model", default=resolve("model"))
    args = ap.parse_args()

    articles = first_articles(args.n)
    words = sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]

    plain = spacy.load(args.model)
    ours = load_pipeline(args.model)
    # Warm both up so that neither pays first-call costs in the timed run.
    list(plain.pipe(texts[:5], batch_size=args.batch_size))
    list(extract_edges(articles[:5], ours, batch_size=args.batch_size))

    t0 = time.perf_counter()
    for _ in plain.pipe(texts, batch_size=args.batch_size):
        pass
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_edges = sum(len(edges) for _, edges in extract_edges(articles, ours, batch_size=args.batch_size))
    graphbuild_s = time.perf_counter() - t0

    base_wps, ours_wps = words / baseline, words / graphbuild_s
    print(f"articles {len(articles)}  words {words}  batch size {args.batch_size}  model {args.model}")
    print(f"plain nlp.pipe:        {base_wps:10.0f} words/s  ({baseline:.1f} s)")
    print(f"graphbuild extraction: {ours_wps:10.0f} words/s  ({graphbuild_s:.1f} s, {n_edges} edges)")
    print(f"ratio: {ours_wps / base_wps:.3f}  (goal >= 0.70)")


if __name__ == "__main__":
    main()
