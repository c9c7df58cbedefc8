"""The runs behind ``graphbuild extract`` and ``graphbuild build``.

Reading, extraction and writing stream chunk by chunk, in input order: edge
lines are written (and flushed) as each chunk is done, so an interrupted run
keeps what it finished, and memory does not grow with the corpus for
``extract``. Extraction runs here, on ``workers`` processes or on a Dask
cluster (``graphbuild.parallel``); an article's edges are reused from the
cache of an earlier run while its content hash matches (``graphbuild.incremental``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .articles import OUTPUT_MARKER, input_files, read_articles, rejection_of
from .atomic_write import OutputSet, output_errors, prepare_folder, temp_name
from .errors import ModelNotFoundError
from .graph import build_graph, read_edges, write_gexf, write_graphml, write_node_link_json
from .identity import apply_mapping, merge_people, person_mapping
from .incremental import EdgeCache, fingerprint
from .parallel import ExtractOptions, _chunks, make_runner, run_ordered
from .progress import RunSummary, progress_bar
from .records import Article, Edge, Rejection
from .settings import resolve


def _articles(paths, summary: RunSummary, exclude: Iterable[Path] = ()) -> Iterator[Article]:
    """Articles from ``paths``; rejections go to the summary and the stream goes on."""
    seen: set[str] = set()
    for item in read_articles(paths, exclude=exclude):
        if isinstance(item, Rejection):
            summary.rejected.append(item)
        elif item.id in seen:
            # One rule for duplicate ids: the first one read wins, later ones are reported.
            summary.rejected.append(rejection_of(item, "duplicate id; the first one read is kept"))
        else:
            seen.add(item.id)
            yield item


def iter_results(
    paths: Iterable[str | Path],
    summary: RunSummary,
    *,
    model=None,
    batch_size=None,
    min_confidence=None,
    workers=None,
    scheduler=None,
    cache: Path | None = None,
    full: bool = False,
    progress: bool = True,
    exclude: Iterable[Path] = (),
) -> Iterator[tuple[Article, list[Edge]]]:
    """Each readable article of ``paths`` with its edges, in input order.

    ``cache``: the edge cache file (None: no cache); ``full`` re-extracts every
    article and refreshes the cache; ``exclude``: paths never read as inputs
    (the run's own outputs).
    """
    # The input files, for progress by bytes; a missing path fails here, before any work.
    files = [f for f in input_files(paths, exclude=exclude) if isinstance(f, Path)]
    opts = ExtractOptions.resolve(model, batch_size, min_confidence)
    _check_model(opts.model)  # fail now, before any output or worker
    runner = make_runner(opts, workers, scheduler)
    store = None
    if cache is not None:
        with output_errors(cache):
            store = EdgeCache(cache, fingerprint(opts), refresh=full)

    def chunks():
        for chunk in _chunks(_articles(paths, summary, exclude), resolve("chunk_size")):
            stored = [store.get(a) if store else None for a in chunk]
            yield (chunk, stored), [a for a, edges in zip(chunk, stored) if edges is None]

    try:
        with progress_bar(progress, files) as tick:
            for (chunk, stored), results in run_ordered(chunks(), runner):
                fresh = iter(results)
                for article, edges in zip(chunk, stored):
                    if edges is not None:
                        summary.reused += 1
                    else:
                        edges = next(fresh)
                        if isinstance(edges, str):
                            rejected = rejection_of(article, edges)
                            trace = getattr(edges, "traceback", None)  # a parallel.Failure
                            if trace:
                                rejected = replace(rejected, traceback=trace)
                            summary.rejected.append(rejected)
                            continue
                        if store:
                            with output_errors(cache):  # a full disk under the cache
                                store.put(article, edges)
                    summary.add(edges)
                    tick(article, summary.edges)
                    yield article, edges
                if store:
                    with output_errors(cache):
                        store.commit()
    finally:
        runner.close()
        if store:
            with output_errors(cache):
                store.close()


def check_inputs(paths: Iterable[str | Path]) -> None:
    """Raise ``InputPathError`` for a missing or unknown input path, before anything is created."""
    for _ in input_files(paths):  # every named path is checked before the first file comes out
        break


def _check_model(name: str) -> None:
    import spacy

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise ModelNotFoundError(name)


def iter_edges(paths: Iterable[str | Path], summary: RunSummary, **options) -> Iterator[Edge]:
    """Every edge of every readable article in ``paths``, in input order (options: ``iter_results``)."""
    for _article, edges in iter_results(paths, summary, **options):
        yield from edges


class _Lines:
    """A JSON Lines output file; an OSError while writing it becomes an ``OutputError``."""

    def __init__(self, path: Path, final: Path):
        self.final = final
        with output_errors(final):
            self.fh = path.open("w", encoding="utf-8")

    def write(self, line: dict) -> None:
        with output_errors(self.final):
            self.fh.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self) -> None:
        with output_errors(self.final):
            self.fh.close()

    def __enter__(self) -> _Lines:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _manifest_line(article: Article, edges: list[Edge]) -> dict:
    return {"id": article.id, "source": article.origin, "edges": len(edges)}


def _rejected_lines(rejected: list[Rejection], read: set[str]) -> Iterator[dict]:
    """Rejected articles that have an id (and no article of that id was read): in the
    manifest so that ``load`` removes what an earlier build loaded for them."""
    for r in rejected:
        if r.id is not None and r.id not in read and not r.traceback:
            yield {"id": r.id, "source": r.where, "rejected": r.reason}


def _write_rejects(rejected: list[Rejection], path: Path, outs: OutputSet) -> bool:
    if not rejected:
        return False
    with _Lines(outs.temp(path), path) as fh:
        for r in rejected:
            fh.write(r.to_json())
    return True


def _run_excludes(*paths: Path | None) -> list[Path]:
    return [p for p in paths if p is not None]


def extract_to_file(
    paths,
    out: Path,
    *,
    model=None,
    batch_size=None,
    min_confidence=None,
    aliases=None,
    rejects: Path | None = None,
    workers=None,
    scheduler=None,
    cache: bool = True,
    full: bool = False,
    progress: bool = True,
) -> RunSummary:
    """``graphbuild extract``: edge lines to ``out``, skipped inputs to the rejects file.

    With ``cache``, edges are kept in ``<out stem>.cache.sqlite`` beside ``out``
    and reused by the next run for unchanged articles; ``full`` re-extracts all.
    Beside ``out`` go ``<out stem>.articles.jsonl`` (every article read, with its
    edge count: what ``load`` replaces) and the rejects file. Every output is
    replaced only when all are written (``graphbuild.atomic_write``).
    """
    summary = RunSummary()
    out = Path(out)
    check_inputs(paths)  # missing inputs: an error before anything is created
    prepare_folder(out.parent)
    rejects = Path(rejects) if rejects else out.with_name(out.stem + ".rejects.jsonl")
    manifest = out.with_name(out.stem + ".articles.jsonl")
    cache_file = out.with_name(out.stem + ".cache.sqlite") if cache else None
    curation = _curation(aliases)
    # Edges stream to a scratch file as articles finish; a second pass over it gives
    # each person one id across the corpus. An interrupted run resumes from the cache.
    scratch = temp_name(out.with_name(out.name + "-pass1"))
    read: set[str] = set()
    try:
        with OutputSet() as outs:
            with _Lines(scratch, out) as fh, _Lines(outs.temp(manifest), manifest) as listed:
                for article, edges in iter_results(
                    paths,
                    summary,
                    model=model,
                    batch_size=batch_size,
                    min_confidence=min_confidence,
                    workers=workers,
                    scheduler=scheduler,
                    cache=cache_file,
                    full=full,
                    progress=progress,
                    exclude=_run_excludes(out, rejects, manifest, cache_file),
                ):
                    for edge in edges:
                        fh.write(edge.to_json())
                    listed.write(_manifest_line(article, edges))
                    read.add(article.id)
                for line in _rejected_lines(summary.rejected, read):
                    listed.write(line)
            mapping = person_mapping(read_edges(scratch), curation)
            people: set[str] = set()
            with _Lines(outs.temp(out), out) as fh:
                for edge in read_edges(scratch):
                    edge = apply_mapping(edge, mapping, curation)
                    people.update((edge.source.id, edge.target.id))
                    fh.write(edge.to_json())
            summary.people = people  # as written: after people were merged across articles
            wrote_rejects = _write_rejects(summary.rejected, rejects, outs)
    finally:
        scratch.unlink(missing_ok=True)
    if not wrote_rejects:
        with output_errors(rejects):
            rejects.unlink(missing_ok=True)  # a rejects file left by an earlier run would mislead
    summary.outputs.extend(str(p) for p in (out, manifest) + ((rejects,) if wrote_rejects else ()))
    return summary.finish()


def _curation(aliases):
    if aliases is None:
        return None
    from .identity import load_curation

    return load_curation(aliases)


def build_outputs(
    paths,
    out_dir: Path,
    *,
    model=None,
    batch_size=None,
    min_confidence=None,
    aliases=None,
    workers=None,
    scheduler=None,
    cache: bool = True,
    full: bool = False,
    progress: bool = True,
) -> RunSummary:
    """``graphbuild build``: edges.jsonl, articles.jsonl, graph.graphml, graph.gexf,
    graph.json and map.html, all replaced together when all are written.

    With ``cache``, edges are kept in ``cache.sqlite`` in ``out_dir`` (see ``extract_to_file``).
    The folder is marked (``OUTPUT_MARKER``) so that no run reads it back as input.
    """
    from .render import write_map

    check_inputs(paths)  # missing inputs: an error before anything is created
    out_dir = prepare_folder(Path(out_dir))
    with output_errors(out_dir / OUTPUT_MARKER):
        (out_dir / OUTPUT_MARKER).write_text(
            "Written by `graphbuild build`; graphbuild does not read this folder as input.\n", encoding="utf-8"
        )
    summary = RunSummary()
    results = list(
        iter_results(
            paths,
            summary,
            model=model,
            batch_size=batch_size,
            min_confidence=min_confidence,
            workers=workers,
            scheduler=scheduler,
            cache=out_dir / "cache.sqlite" if cache else None,
            full=full,
            progress=progress,
            exclude=[out_dir],
        )
    )
    curation = _curation(aliases)
    edges = merge_people([e for _, es in results for e in es], curation=curation)
    summary.count_people(edges)  # the people of graph.json, after merging across articles
    edges_path, manifest = out_dir / "edges.jsonl", out_dir / "articles.jsonl"
    rejects = out_dir / "rejects.jsonl"
    with OutputSet() as outs:
        with _Lines(outs.temp(edges_path), edges_path) as fh:
            for e in edges:
                fh.write(e.to_json())
        with _Lines(outs.temp(manifest), manifest) as fh:
            for article, es in results:
                fh.write(_manifest_line(article, es))
            for line in _rejected_lines(summary.rejected, {a.id for a, _ in results}):
                fh.write(line)
        g = build_graph(edges, people=curation.people if curation else ())
        outputs = [edges_path, manifest]
        for final, write in (
            (out_dir / "graph.graphml", write_graphml),
            (out_dir / "graph.gexf", write_gexf),
            (out_dir / "graph.json", write_node_link_json),
            (out_dir / "map.html", write_map),
        ):
            with output_errors(final):
                write(g, outs.temp(final))
            outputs.append(final)
        if _write_rejects(summary.rejected, rejects, outs):
            outputs.append(rejects)
    if rejects not in outputs:
        with output_errors(rejects):
            rejects.unlink(missing_ok=True)
    summary.outputs.extend(str(p) for p in outputs)
    return summary.finish()
