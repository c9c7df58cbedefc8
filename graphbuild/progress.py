"""Progress while extracting, and the end-of-run summary, on stderr so stdout stays data.

On a terminal the bar is determinate when the input size is known: it counts
the bytes of the input files (a file is done when the next one starts; inside
a file, the bytes of the article texts read so far), with an ETA. When stderr
is not a terminal (a log file, CI), a plain line is printed every
``LOG_EVERY`` seconds instead.

>>> plural(1, "piece of evidence", "pieces of evidence"), plural(2, "article")
('1 piece of evidence', '2 articles')
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .records import Article, Edge, Rejection

console = Console(stderr=True, highlight=False, soft_wrap=True)

LOG_EVERY = 10.0  # seconds between plain progress lines when stderr is not a terminal
_ORIGIN_SUFFIX = re.compile(r"(:\d+|#\d+)$")  # path:line (JSONL record), path#n (feed entry)


def plural(n: int, singular: str, many: str | None = None) -> str:
    """``n`` with the word in the right number: "1 article", "2 articles"."""
    return f"{n} {singular if n == 1 else (many or singular + 's')}"


def input_size(files: list[Path]) -> dict[str, int]:
    """Bytes of each input file, by its path as articles name their origin."""
    return {str(f): f.stat().st_size for f in files}


@dataclass
class Tick:
    """Called once per article done; moves the bar (or prints a line now and then)."""

    bar: Progress | None = None
    task: TaskID | None = None
    sizes: dict[str, int] = field(default_factory=dict)  # empty: the size is unknown
    log: bool = False  # plain lines instead of a bar
    articles: int = 0
    done_bytes: int = 0  # bytes of the files finished
    current: str | None = None
    current_bytes: int = 0  # bytes read of the current file, at most its size
    started: float = field(default_factory=time.perf_counter)
    last_log: float = field(default_factory=time.perf_counter)

    @property
    def total(self) -> int | None:
        return sum(self.sizes.values()) if self.sizes else None

    @property
    def position(self) -> int:
        return self.done_bytes + self.current_bytes

    def __call__(self, article: Article, edges: int) -> None:
        self.articles += 1
        if self.sizes:
            origin = _ORIGIN_SUFFIX.sub("", article.origin or "")
            if origin != self.current:
                if self.current is not None:
                    self.done_bytes += self.sizes.get(self.current, 0)
                self.current, self.current_bytes = origin, 0
            cap = self.sizes.get(origin, 0)
            self.current_bytes = min(cap, self.current_bytes + len(article.text.encode("utf-8")))
        if self.bar is not None and self.task is not None:
            if self.sizes:
                self.bar.update(self.task, completed=self.position, edges=edges, articles=self.articles)
            else:
                self.bar.update(self.task, advance=1, edges=edges)
        elif self.log and time.perf_counter() - self.last_log >= LOG_EVERY:
            self.last_log = time.perf_counter()
            console.print(self.line(edges), markup=False)

    def line(self, edges: int) -> str:
        """A plain progress line: articles and edges so far, share of the input, time left."""
        elapsed = time.perf_counter() - self.started
        text = f"extracting: {plural(self.articles, 'article')}, {plural(edges, 'edge')}, {elapsed:.0f} s elapsed"
        total = self.total
        if total:
            share = min(1.0, self.position / total)
            text += f", {share:.0%} of {_size(total)}"
            if share > 0:
                text += f", about {elapsed * (1 - share) / share:.0f} s left"
        return text


def _size(n: int) -> str:
    """Bytes for a reader: "812 kB", "12.3 MB"."""
    return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{max(1, round(n / 1e3))} kB"


@contextmanager
def progress_bar(enabled: bool, files: list[Path] | None = None, description: str = "extracting") -> Iterator[Tick]:
    """Progress over ``files`` (their bytes; unknown when None): a bar, log lines, or nothing."""
    sizes = input_size(files) if files else {}
    if not enabled:
        yield Tick()
        return
    if not console.is_terminal:
        yield Tick(sizes=sizes, log=True)
        return
    if sizes:
        columns = [
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[articles]} articles, {task.fields[edges]} edges"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
        ]
    else:
        columns = [
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[edges]} edges"),
            TimeElapsedColumn(),
        ]
    bar = Progress(*columns, console=console, transient=True)
    with bar:
        total = sum(sizes.values()) if sizes else None
        task = bar.add_task(description, total=total, edges=0, articles=0)
        tick = Tick(bar, task, sizes)
        yield tick
        if total:
            bar.update(task, completed=total)


@dataclass
class RunSummary:
    """What a run did: articles read and skipped (with reasons), people, edges by type."""

    articles: int = 0
    reused: int = 0  # articles whose edges came from the cache of an earlier run
    rejected: list[Rejection] = field(default_factory=list)
    people: set[str] = field(default_factory=set)  # person ids as written in the outputs
    by_relation: Counter[str] = field(default_factory=Counter)
    by_modality: Counter[str] = field(default_factory=Counter)
    outputs: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def add(self, edges: list[Edge]) -> None:
        self.articles += 1
        for e in edges:
            self.people.update((e.source.id, e.target.id))
            self.by_relation[e.relation.value] += 1
            self.by_modality[e.modality.value] += 1

    def count_people(self, edges: list[Edge] | Iterator[Edge]) -> None:
        """Count people again from the edges as written, after people were merged across articles."""
        self.people = {pid for e in edges for pid in (e.source.id, e.target.id)}

    @property
    def edges(self) -> int:
        return sum(self.by_relation.values())

    @property
    def exit_code(self) -> int:
        """0 when every input was read; 1 when anything was rejected (the rest is written)."""
        return 1 if self.rejected else 0

    def finish(self) -> RunSummary:
        self.seconds = time.perf_counter() - self.started
        return self

    def print(self) -> None:
        c = console
        c.print(
            f"[bold]articles read:[/bold] {self.articles}   [bold]skipped:[/bold] {len(self.rejected)}   "
            f"[bold]people:[/bold] {len(self.people)}   [bold]edges:[/bold] {self.edges}   "
            f"[bold]seconds:[/bold] {self.seconds:.1f}"
        )
        if self.reused:
            c.print(f"reused from the cache: {self.reused} of {plural(self.articles, 'article')}")
        if self.by_relation:
            c.print("edges by type: " + ", ".join(f"{k} {v}" for k, v in self.by_relation.most_common()))
            c.print("by modality: " + ", ".join(f"{k} {v}" for k, v in self.by_modality.most_common()))
        for r in self.rejected[:20]:
            # (harden) input text is escaped: an id like "[/x]" is not rich markup
            c.print(
                f"[yellow]skipped[/yellow] {escape(r.where)}"
                + (f" ({escape(r.id)})" if r.id else "")
                + f": {escape(r.reason)}"
            )
        if len(self.rejected) > 20:
            c.print(f"... and {len(self.rejected) - 20} more skipped (see the rejects file)")
        for path in self.outputs:
            c.print(f"wrote {escape(str(path))}")
