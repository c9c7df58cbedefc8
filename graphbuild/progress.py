"""Progress bars and the end-of-run summary, on stderr so stdout stays data."""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .records import Edge, Rejection

console = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def progress_bar(enabled: bool, description: str = "extracting") -> Iterator[Tick]:
    """A bar counting articles (the total is unknown while streaming)."""
    if not enabled:
        yield Tick(None, None)
        return
    bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TextColumn("{task.fields[edges]} edges"), TimeElapsedColumn(),
                   console=console, transient=True)
    with bar:
        task = bar.add_task(description, total=None, edges=0)
        yield Tick(bar, task)


@dataclass
class Tick:
    bar: Progress | None
    task: int | None

    def __call__(self, edges: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, edges=edges)


@dataclass
class RunSummary:
    """What a run did: articles read and skipped (with reasons), people, edges by type."""

    articles: int = 0
    reused: int = 0  # articles whose edges came from the cache of an earlier run
    rejected: list[Rejection] = field(default_factory=list)
    people: set[str] = field(default_factory=set)
    by_relation: Counter = field(default_factory=Counter)
    by_modality: Counter = field(default_factory=Counter)
    outputs: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def add(self, edges: list[Edge]) -> None:
        self.articles += 1
        for e in edges:
            self.people.update((e.source.id, e.target.id))
            self.by_relation[e.relation.value] += 1
            self.by_modality[e.modality.value] += 1

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
        c.print(f"[bold]articles read:[/bold] {self.articles}   [bold]skipped:[/bold] {len(self.rejected)}   "
                f"[bold]people:[/bold] {len(self.people)}   [bold]edges:[/bold] {self.edges}   "
                f"[bold]seconds:[/bold] {self.seconds:.1f}")
        if self.reused:
            c.print(f"reused from the cache: {self.reused} of {self.articles} articles")
        if self.by_relation:
            c.print("edges by type: " + ", ".join(f"{k} {v}" for k, v in self.by_relation.most_common()))
            c.print("by modality: " + ", ".join(f"{k} {v}" for k, v in self.by_modality.most_common()))
        for r in self.rejected[:20]:
            c.print(f"[yellow]skipped[/yellow] {r.where}" + (f" ({r.id})" if r.id else "") + f": {r.reason}")
        if len(self.rejected) > 20:
            c.print(f"... and {len(self.rejected) - 20} more skipped (see the rejects file)")
        for path in self.outputs:
            c.print(f"wrote {path}")
