"""Extraction in chunks, on this process, on worker processes or on a Dask cluster.

Articles go out in chunks (``chunk_size``); results come back in input order,
so the output of any number of workers is the output of one. Each worker
process loads the model once (``pipeline`` caches it per process), and only
a few chunks are in flight at a time, so memory does not grow with the corpus.

A chunk that fails is redone one article at a time, and an article that fails
on its own becomes a rejection ("extraction failed: ..."), so one bad article
(or a worker killed under it) costs only itself.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterable, Iterator

from .records import Article, Edge
from .settings import resolve


class Failure(str):
    """Why extraction of one article failed (a str), with the traceback that shows where."""

    traceback: str | None = None

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        from .tracebacks import format_traceback

        failure = cls(
            f"extraction failed ({type(exc).__name__}: {exc}): a bug in graphbuild or its "
            "model, or a worker that died (out of memory?); the traceback is in the rejects "
            "file, please report it"
        )
        failure.traceback = format_traceback(exc)
        return failure


# One article's result: its edges, or why extraction failed.
Result = list[Edge] | str


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """The settings that decide what extraction yields, resolved once in the parent."""

    model: str
    batch_size: int
    min_confidence: float
    max_chars: int

    @classmethod
    def resolve(cls, model=None, batch_size=None, min_confidence=None, max_chars=None) -> ExtractOptions:
        return cls(
            resolve("model", model),
            resolve("batch_size", batch_size),
            resolve("min_confidence", min_confidence),
            resolve("max_chars", max_chars),
        )


_PIPELINES: dict = {}
# spaCy's Language is not safe to share between threads; a Dask worker with
# several threads runs its chunks one after another on the one model.
_LOCK = threading.Lock()


def pipeline(model: str):
    """The extraction pipeline for ``model``, loaded once per process."""
    if model not in _PIPELINES:
        from .extract import load_pipeline

        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


def extract_chunk(articles: list[Article], opts: ExtractOptions) -> list[Result]:
    """Each article's edges (or the reason it failed), in order. Runs in a worker."""
    from .extract import extract_edges

    with _LOCK:
        nlp = pipeline(opts.model)

        def run(batch: list[Article]) -> list[list[Edge]]:
            return [
                edges
                for _, edges in extract_edges(
                    batch, nlp, batch_size=opts.batch_size, min_confidence=opts.min_confidence, max_chars=opts.max_chars
                )
            ]

        try:
            return run(articles)
        except Exception:  # noqa: BLE001 - find the one article that fails; keep the others
            out: list[Result] = []
            for art in articles:
                try:
                    out.extend(run([art]))
                except Exception as exc:  # noqa: BLE001
                    out.append(Failure.of(exc))
            return out


def _init_worker(opts: ExtractOptions) -> None:
    pipeline(opts.model)  # load before the first chunk arrives


class _Done:
    """A finished result that looks like a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class LocalRunner:
    """This process: the model loaded here, chunks done as they are submitted."""

    def __init__(self, opts: ExtractOptions):
        self.opts, self.in_flight = opts, 0  # yield each chunk as soon as it is done

    def submit(self, articles: list[Article]):
        return _Done(extract_chunk(articles, self.opts))

    def recover(self) -> None:
        pass

    def close(self) -> None:
        pass


class ProcessRunner:
    """``workers`` processes on this machine, each loading the model once."""

    task = staticmethod(extract_chunk)  # what a worker runs on a chunk

    def __init__(self, opts: ExtractOptions, workers: int):
        self.opts, self.workers, self.in_flight = opts, workers, 2 * workers
        self._start()

    def _start(self) -> None:
        # spawn, not fork: the parent may hold threads (the progress bar, Dask) that a
        # forked child would inherit mid-lock.
        self.pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.opts,),
        )

    def submit(self, articles: list[Article]) -> Future:
        try:
            return self.pool.submit(self.task, articles, self.opts)
        except BrokenProcessPool:
            self.recover()
            return self.pool.submit(self.task, articles, self.opts)

    def recover(self) -> None:
        """A worker died (killed, out of memory): start a fresh pool."""
        try:
            self.pool.submit(int).result()
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self._start()

    def close(self) -> None:
        # After an interrupt, queued chunks are dropped rather than waited for.
        self.pool.shutdown(cancel_futures=True)


class DaskRunner:
    """A Dask distributed cluster; each worker process loads the model once."""

    def __init__(self, opts: ExtractOptions, address: str):
        from distributed import Client

        self.opts = opts
        self.client = Client(address)
        self.in_flight = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, articles: list[Article]):
        return self.client.submit(extract_chunk, articles, self.opts, pure=False)

    def recover(self) -> None:
        pass  # the scheduler reschedules the work of a lost worker itself

    def close(self) -> None:
        self.client.close()


def make_runner(opts: ExtractOptions, workers: int | None = None, scheduler: str | None = None):
    """The runner for the ``workers`` and ``scheduler`` settings."""
    address = resolve("scheduler", scheduler)
    if address:
        return DaskRunner(opts, address)
    n = resolve("workers", workers)
    return ProcessRunner(opts, n) if n > 1 else LocalRunner(opts)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_ordered(chunks: Iterable[tuple[object, list[Article]]], runner) -> Iterator[tuple[object, list[Result]]]:
    """For each ``(tag, articles)`` chunk, in order, ``(tag, results)``.

    An empty chunk goes nowhere; a chunk whose worker failed is redone one
    article at a time.
    """
    pending: deque = deque()

    def finish(tag, articles, future):
        try:
            return tag, future.result() if future is not None else []
        except Exception:  # noqa: BLE001 - the worker died or the cluster lost it
            runner.recover()
            out: list[Result] = []
            for art in articles:
                try:
                    out.extend(runner.submit([art]).result())
                except Exception as exc:  # noqa: BLE001
                    runner.recover()
                    out.append(Failure.of(exc))
            return tag, out

    for tag, articles in chunks:
        pending.append((tag, articles, runner.submit(articles) if articles else None))
        while len(pending) > runner.in_flight:
            yield finish(*pending.popleft())
    while pending:
        yield finish(*pending.popleft())
