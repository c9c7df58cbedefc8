"""The runs behind ``graphbuild extract`` and ``graphbuild build``.

Reading, extraction and writing stream article by article: edge lines are
written (and flushed) as each article is done, so an interrupted run keeps
what it finished, and memory does not grow with the corpus for ``extract``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from .articles import read_articles
from .extract import extract_edges, load_pipeline
from .graph import build_graph, write_gexf, write_graphml, write_node_link_json
from .people import merge_people
from .progress import RunSummary, progress_bar
from .records import Article, Edge, Rejection


def _articles(paths, summary: RunSummary) -> Iterator[Article]:
    """Articles from ``paths``; rejections go to the summary and the stream goes on."""
    seen: set[str] = set()
    for item in read_articles(paths):
        if isinstance(item, Rejection):
            summary.rejected.append(item)
        elif item.id in seen:
            # One rule for duplicate ids: the first one read wins, later ones are reported.
            summary.rejected.append(Rejection(item.origin or "?", "duplicate id; the first one read is kept",
                                              id=item.id))
        else:
            seen.add(item.id)
            yield item


def iter_edges(paths: Iterable[str | Path], summary: RunSummary, *, model=None, batch_size=None,
               min_confidence=None, progress: bool = True) -> Iterator[Edge]:
    """Every edge of every readable article in ``paths``, in input order."""
    nlp = load_pipeline(model)
    with progress_bar(progress) as tick:
        for _article, edges in extract_edges(_articles(paths, summary), nlp, batch_size=batch_size,
                                            min_confidence=min_confidence):
            summary.add(edges)
            tick(summary.edges)
            yield from edges


def _write_rejects(rejected: list[Rejection], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rejected:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")


def extract_to_file(paths, out: Path, *, model=None, batch_size=None, min_confidence=None,
                    aliases=None, rejects: Path | None = None, progress: bool = True) -> RunSummary:
    """``graphbuild extract``: edge lines to ``out``, skipped inputs to the rejects file."""
    summary = RunSummary()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    curation = _curation(aliases)
    with out.open("w", encoding="utf-8") as fh:
        for edge in iter_edges(paths, summary, model=model, batch_size=batch_size,
                               min_confidence=min_confidence, progress=progress):
            if curation is not None:
                edge = curation.apply(edge)
            fh.write(json.dumps(edge.to_json(), ensure_ascii=False) + "\n")
            fh.flush()
    summary.outputs.append(str(out))
    if summary.rejected:
        rejects = rejects or out.with_name(out.stem + ".rejects.jsonl")
        _write_rejects(summary.rejected, rejects)
        summary.outputs.append(str(rejects))
    return summary.finish()


def _curation(aliases):
    if aliases is None:
        return None
    from .people import load_curation

    return load_curation(aliases)


def build_outputs(paths, out_dir: Path, *, model=None, batch_size=None, min_confidence=None,
                  aliases=None, progress: bool = True) -> RunSummary:
    """``graphbuild build``: edges.jsonl, graph.graphml, graph.gexf, graph.json and map.html."""
    from .render import write_map

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    edges = list(iter_edges(paths, summary, model=model, batch_size=batch_size,
                            min_confidence=min_confidence, progress=progress))
    curation = _curation(aliases)
    edges = merge_people(edges, curation=curation)
    edges_path = out_dir / "edges.jsonl"
    with edges_path.open("w", encoding="utf-8") as fh:
        for e in edges:
            fh.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    g = build_graph(edges, people=curation.people if curation else ())
    outputs = [edges_path, write_graphml(g, out_dir / "graph.graphml"), write_gexf(g, out_dir / "graph.gexf"),
               write_node_link_json(g, out_dir / "graph.json"), write_map(g, out_dir / "map.html")]
    if summary.rejected:
        _write_rejects(summary.rejected, out_dir / "rejects.jsonl")
        outputs.append(out_dir / "rejects.jsonl")
    summary.outputs.extend(str(p) for p in outputs)
    return summary.finish()
