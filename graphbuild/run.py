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
from pathlib import Path
from typing import Iterable, Iterator

from .articles import input_files, read_articles, rejection_of
from .errors import ModelNotFoundError
from .graph import build_graph, read_edges, write_gexf, write_graphml, write_node_link_json
from .identity import apply_mapping, merge_people, person_mapping
from .incremental import EdgeCache, fingerprint
from .parallel import ExtractOptions, _chunks, make_runner, run_ordered
from .progress import RunSummary, progress_bar
from .records import Article, Edge, Rejection
from .settings import resolve


def _articles(paths, summary: RunSummary) -> Iterator[Article]:
    """Articles from ``paths``; rejections go to the summary and the stream goes on."""
    seen: set[str] = set()
    for item in read_articles(paths):
        if isinstance(item, Rejection):
            summary.rejected.append(item)
        elif item.id in seen:
            # One rule for duplicate ids: the first one read wins, later ones are reported.
            summary.rejected.append(rejection_of(item, "duplicate id; the first one read is kept"))
        else:
            seen.add(item.id)
            yield item


def iter_results(paths: Iterable[str | Path], summary: RunSummary, *, model=None, batch_size=None,
                 min_confidence=None, workers=None, scheduler=None, cache: Path | None = None,
                 full: bool = False, progress: bool = True) -> Iterator[tuple[Article, list[Edge]]]:
    """Each readable article of ``paths`` with its edges, in input order.

    A missing input raises ``InputPathError`` before anything is created.

    ``cache``: the edge cache file (None: no cache); ``full`` re-extracts every
    article and refreshes the cache.
    """
    files = list(input_files(paths))  # a missing path fails here, before any work or output
    opts = ExtractOptions.resolve(model, batch_size, min_confidence)
    _check_model(opts.model)  # fail now, before any output or worker
    runner = make_runner(opts, workers, scheduler)
    store = EdgeCache(cache, fingerprint(opts), refresh=full) if cache is not None else None

    def chunks():
        for chunk in _chunks(_articles(files, summary), resolve("chunk_size")):
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
                            summary.rejected.append(rejection_of(article, edges))
                            continue
                        if store:
                            store.put(article, edges)
                    summary.add(edges)
                    tick(article, summary.edges)
                    yield article, edges
                if store:
                    store.commit()
    finally:
        runner.close()
        if store:
            store.close()


def _check_model(name: str) -> None:
    import spacy

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise ModelNotFoundError(name)


def iter_edges(paths: Iterable[str | Path], summary: RunSummary, **options) -> Iterator[Edge]:
    """Every edge of every readable article in ``paths``, in input order (options: ``iter_results``)."""
    for _article, edges in iter_results(paths, summary, **options):
        yield from edges


def _write_rejects(rejected: list[Rejection], path: Path) -> None:
    if not rejected:
        path.unlink(missing_ok=True)  # a rejects file left by an earlier run would mislead
        return
    with path.open("w", encoding="utf-8") as fh:
        for r in rejected:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")


def extract_to_file(paths, out: Path, *, model=None, batch_size=None, min_confidence=None,
                    aliases=None, rejects: Path | None = None, workers=None, scheduler=None,
                    cache: bool = True, full: bool = False, progress: bool = True) -> RunSummary:
    """``graphbuild extract``: edge lines to ``out``, skipped inputs to the rejects file.

    With ``cache``, edges are kept in ``<out stem>.cache.sqlite`` beside ``out``
    and reused by the next run for unchanged articles; ``full`` re-extracts all.
    """
    summary = RunSummary()
    out = Path(out)
    files = list(input_files(paths))  # missing inputs: an error before anything is created
    curation = _curation(aliases)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Edges stream to a partial file as articles finish (an interrupted run keeps them);
    # a second pass over it gives each person one id across the corpus.
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8") as fh:
        for edge in iter_edges(files, summary, model=model, batch_size=batch_size,
                               min_confidence=min_confidence, workers=workers, scheduler=scheduler,
                               cache=out.with_name(out.stem + ".cache.sqlite") if cache else None,
                               full=full, progress=progress):
            fh.write(json.dumps(edge.to_json(), ensure_ascii=False) + "\n")
            fh.flush()
    mapping = person_mapping(read_edges(partial), curation)
    people: set[str] = set()
    with out.open("w", encoding="utf-8") as fh:
        for edge in read_edges(partial):
            edge = apply_mapping(edge, mapping, curation)
            people.update((edge.source.id, edge.target.id))
            fh.write(json.dumps(edge.to_json(), ensure_ascii=False) + "\n")
    summary.people = people  # as written: after people were merged across articles
    partial.unlink()
    summary.outputs.append(str(out))
    rejects = rejects or out.with_name(out.stem + ".rejects.jsonl")
    _write_rejects(summary.rejected, rejects)
    if summary.rejected:
        summary.outputs.append(str(rejects))
    return summary.finish()


def _curation(aliases):
    if aliases is None:
        return None
    from .identity import load_curation

    return load_curation(aliases)


def build_outputs(paths, out_dir: Path, *, model=None, batch_size=None, min_confidence=None,
                  aliases=None, workers=None, scheduler=None, cache: bool = True, full: bool = False,
                  progress: bool = True) -> RunSummary:
    """``graphbuild build``: edges.jsonl, graph.graphml, graph.gexf, graph.json and map.html.

    With ``cache``, edges are kept in ``cache.sqlite`` in ``out_dir`` (see ``extract_to_file``).
    """
    from .render import write_map

    out_dir = Path(out_dir)
    files = list(input_files(paths))  # missing inputs: an error before anything is created
    curation = _curation(aliases)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    edges = list(iter_edges(files, summary, model=model, batch_size=batch_size,
                            min_confidence=min_confidence, workers=workers, scheduler=scheduler,
                            cache=out_dir / "cache.sqlite" if cache else None, full=full,
                            progress=progress))
    edges = merge_people(edges, curation=curation)
    summary.count_people(edges)  # the people of graph.json, after merging across articles
    edges_path = out_dir / "edges.jsonl"
    with edges_path.open("w", encoding="utf-8") as fh:
        for e in edges:
            fh.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    g = build_graph(edges, people=curation.people if curation else ())
    outputs = [edges_path, write_graphml(g, out_dir / "graph.graphml"), write_gexf(g, out_dir / "graph.gexf"),
               write_node_link_json(g, out_dir / "graph.json"), write_map(g, out_dir / "map.html")]
    _write_rejects(summary.rejected, out_dir / "rejects.jsonl")
    if summary.rejected:
        outputs.append(out_dir / "rejects.jsonl")
    summary.outputs.extend(str(p) for p in outputs)
    return summary.finish()
