"""Peak memory (RSS) of `graphbuild extract` on one very long article, with default settings.

Each run is its own subprocess (``python -m graphbuild extract FILE --no-cache``),
and its peak RSS is the kernel's figure for that child (``os.wait4``). The
baseline, in the same run, is the same command on a short article (about
20,000 characters): the model and libraries alone. The long articles are
paragraphs of the dev corpus (../shared/corpus/dev) repeated up to the size.
Goal (issue 13): a 2,000,000-character article stays under 1.5 GB.

    python benchmarks/long_article_memory.py [--sizes 1000000,2000000] [--batch-size N]

Prints one line per size: characters, peak RSS in MB, ratio to the baseline, seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def article_text(chars: int) -> str:
    paragraphs = []
    for f in sorted(DEV.glob("*.txt")):
        paragraphs += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if not paragraphs:
        sys.exit(f"no articles in {DEV}")
    out, n, i = [], 0, 0
    while n < chars:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def peak_rss(path: Path, extra: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit status) of one extract run on ``path``."""
    out = path.with_suffix(".edges.jsonl")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "extract", str(path), "--out", str(out), "--no-cache", "--quiet", *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(err, file=sys.stderr)
    return usage.ru_maxrss / 1024, seconds, code  # ru_maxrss is in KB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000000,2000000")
    ap.add_argument("--batch-size", type=int, default=None, help="pass --batch-size (default: the setting)")
    args = ap.parse_args(argv)
    extra = ["--batch-size", str(args.batch_size)] if args.batch_size else []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "short.txt"
        base.write_text(article_text(20_000), encoding="utf-8")
        base_mb, base_s, _ = peak_rss(base, extra)
        print(f"baseline: 20,000 characters: peak RSS {base_mb:,.0f} MB, {base_s:.0f} s")
        worst = 0.0
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"long-{size}.txt"
            path.write_text(article_text(size), encoding="utf-8")
            mb, seconds, code = peak_rss(path, extra)
            worst = max(worst, mb)
            print(
                f"{size:,} characters: peak RSS {mb:,.0f} MB ({mb / base_mb:.1f}x baseline), "
                f"{seconds:.0f} s, exit {code}"
            )
            path.unlink()
        print(f"goal: under 1,536 MB for 2,000,000 characters: {'met' if worst < 1536 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
