"""Words per second of graphbuild's extraction against plain ``nlp.pipe``.

All runs use the same model, the same texts (the first N articles of the
AllSides corpus) and the same batch size, in this one process, interleaved in
chunks of ``--chunk`` articles so a busy machine slows them alike; the
baseline is spaCy's own pipeline with nothing of graphbuild's. Prints the
rates of plain ``nlp.pipe``, graphbuild with rules only, and graphbuild with
the direction model, and the ratio (goal with the model: >= 0.80).

    python benchmarks/extract_throughput.py [--n 300] [--batch-size 32]

With ``--workers-compare`` it measures ``--workers`` instead: words per second
of graphbuild's extraction on 1 and on 2 worker processes (goal: 2 workers >=
1.6x one), and the peak memory (RSS) of each worker process after 500, 1,000
and 2,000 articles per worker (goal: flat), with the machine's load average:

    python benchmarks/extract_throughput.py --workers-compare --n 2000
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import threading
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


class WorkerMemory:
    """Samples the RSS of the pool's worker processes; keeps each one's peak."""

    def __init__(self, pool, every: float = 0.2):
        import psutil

        self.pool, self.every, self.psutil = pool, every, psutil
        self.peak: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.every)

    def sample(self) -> None:
        for pid in list(getattr(self.pool, "_processes", {}) or {}):
            try:
                rss = self.psutil.Process(pid).memory_info().rss
            except self.psutil.Error:
                continue
            self.peak[pid] = max(self.peak.get(pid, 0), rss)

    def mib(self) -> str:
        """Each worker's peak and current RSS in MiB."""
        self.sample()
        now = {}
        for pid in self.peak:
            try:
                now[pid] = self.psutil.Process(pid).memory_info().rss
            except self.psutil.Error:
                now[pid] = 0
        return ", ".join(f"{self.peak[p] / 2**20:.0f} (now {now[p] / 2**20:.0f})" for p in self.peak)


def compare_workers(articles, args) -> None:
    """Words per second and worker peak RSS for 1 and 2 worker processes."""
    from graphbuild.parallel import ExtractOptions, ProcessRunner, _chunks, run_ordered

    words = sum(len(a.text.split()) for a in articles)
    opts = ExtractOptions.resolve(args.model, args.batch_size)
    print(
        f"articles {len(articles)}  words {words}  batch size {args.batch_size}  chunk size "
        f"{args.chunk_size}  model {args.model}  cores {os.cpu_count()}"
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rates, outputs = {}, {}
    for n in (1, 2):
        runner = ProcessRunner(opts, n)
        # Start every worker and load its model before the clock starts.
        for f in [runner.submit(articles[:2]) for _ in range(n)]:
            f.result()
        memory = WorkerMemory(runner.pool)
        marks = {m * n: None for m in (500, 1000, 2000) if m * n <= len(articles)}
        done, lines = 0, []
        t0 = time.perf_counter()
        for _, results in run_ordered(((None, c) for c in _chunks(articles, args.chunk_size)), runner):
            for r in results:
                done += 1
                lines.append(json.dumps([e.to_json() for e in r]) if not isinstance(r, str) else r)
                if done in marks:
                    marks[done] = memory.mib()
        seconds = time.perf_counter() - t0
        memory.stop.set()
        runner.close()
        rates[n], outputs[n] = words / seconds, lines
        edges = sum(len(json.loads(l)) for l in lines if l.startswith("["))
        print(
            f"{n} worker{'s' if n > 1 else ' '}: {rates[n]:8.0f} words/s  ({seconds:.1f} s, {edges} edges)  "
            f"load average after: {os.getloadavg()[0]:.2f}"
        )
        for total, mib in marks.items():
            print(f"    RSS per worker after {total // n:5d} articles each, MiB: {mib}")
    print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x  (goal >= 1.6)")
    differ = [a.id for a, x, y in zip(articles, outputs[1], outputs[2]) if x != y]
    print(
        "edges identical with 1 and 2 workers: "
        + (
            "yes"
            if not differ
            else f"NO, {len(differ)} articles differ (first: {differ[:3]}): extraction that depends on "
            "set order (compare runs under two PYTHONHASHSEED values), or graphbuild/extract edited meanwhile"
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles to process")
    ap.add_argument("--batch-size", type=int, default=resolve("batch_size"))
    ap.add_argument("--model", default=resolve("model"))
    ap.add_argument(
        "--workers-compare", action="store_true", help="compare 1 and 2 worker processes (speed and memory) instead"
    )
    ap.add_argument("--chunk-size", type=int, default=resolve("chunk_size"))
    ap.add_argument("--chunk", type=int, default=50, help="articles per interleaved timing round")
    args = ap.parse_args()
    if args.workers_compare:
        compare_workers(first_articles(args.n), args)
        return

    articles = first_articles(args.n)
    texts = [a.text for a in articles]

    plain = spacy.load(args.model)
    rules = load_pipeline(args.model, direction_model="off")
    ours = load_pipeline(args.model)
    # Warm all up so that none pays first-call costs in the timed run.
    list(plain.pipe(texts[:5], batch_size=args.batch_size))
    list(extract_edges(articles[:5], rules, batch_size=args.batch_size))
    list(extract_edges(articles[:5], ours, batch_size=args.batch_size))

    # Interleaved in chunks, so that a busy, shared machine slows all three alike.
    times = {"plain": 0.0, "rules": 0.0, "ours": 0.0}
    words, n_edges, n_rules = 0, 0, 0
    step = max(1, args.chunk)
    for i in range(0, len(articles), step):
        chunk = articles[i : i + step]
        words += sum(len(a.text.split()) for a in chunk)
        t0 = time.perf_counter()
        for _ in plain.pipe([a.text for a in chunk], batch_size=args.batch_size):
            pass
        times["plain"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        n_rules += sum(len(edges) for _, edges in extract_edges(chunk, rules, batch_size=args.batch_size))
        times["rules"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        n_edges += sum(len(edges) for _, edges in extract_edges(chunk, ours, batch_size=args.batch_size))
        times["ours"] += time.perf_counter() - t0

    wps = {k: words / v for k, v in times.items()}
    print(
        f"articles {len(articles)}  words {words}  batch size {args.batch_size}  model {args.model}  "
        f"interleaved in chunks of {step}"
    )
    print(f"plain nlp.pipe:                     {wps['plain']:10.0f} words/s  ({times['plain']:.1f} s)")
    print(
        f"graphbuild, rules only:             {wps['rules']:10.0f} words/s  ({times['rules']:.1f} s, {n_rules} edges)"
    )
    print(f"graphbuild, rules + direction model: {wps['ours']:9.0f} words/s  ({times['ours']:.1f} s, {n_edges} edges)")
    print(
        f"ratio with the model: {wps['ours'] / wps['plain']:.3f}  (goal >= 0.80); "
        f"rules only: {wps['rules'] / wps['plain']:.3f}"
    )


if __name__ == "__main__":
    main()
