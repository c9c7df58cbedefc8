"""The ``graphbuild`` command: a thin layer that parses options and calls functions.

No logic lives here; each command calls one function of the package and
prints what it returns. Option help and defaults come from ``settings.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .errors import GraphbuildError
from .settings import help_for

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn political news into an evidence-backed graph of who did what to whom.")

PATHS = typer.Argument(..., help=".txt/.md files, folders of them, or .jsonl/.jsonl.gz files")


def _fail(exc: GraphbuildError) -> None:
    from .progress import console

    console.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    raise typer.Exit(2)


# --- extraction: extract, build, evaluate -------------------------------------------

@app.command()
def extract(
    paths: List[Path] = PATHS,
    out: Path = typer.Option(Path("edges.jsonl"), "--out", "-o", help="edge lines (spec/edges.md)"),
    model: Optional[str] = typer.Option(None, help=help_for("model")),
    batch_size: Optional[int] = typer.Option(None, help=help_for("batch_size")),
    min_confidence: Optional[float] = typer.Option(None, help=help_for("min_confidence")),
    aliases: Optional[Path] = typer.Option(None, help="curation file (YAML or CSV) to merge, split and name people"),
    rejects: Optional[Path] = typer.Option(None, help="write skipped inputs here as JSONL [default: beside --out]"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Extract person-to-person edges, one JSON line per piece of evidence."""
    from .run import extract_to_file

    try:
        summary = extract_to_file(paths, out, model=model, batch_size=batch_size,
                                  min_confidence=min_confidence, aliases=aliases,
                                  rejects=rejects, progress=not quiet)
    except GraphbuildError as exc:
        _fail(exc)
    summary.print()
    raise typer.Exit(summary.exit_code)


@app.command()
def build(
    paths: List[Path] = PATHS,
    out: Path = typer.Option(Path("out"), "--out", "-o", help="folder for edges.jsonl, graph files and map.html"),
    model: Optional[str] = typer.Option(None, help=help_for("model")),
    batch_size: Optional[int] = typer.Option(None, help=help_for("batch_size")),
    min_confidence: Optional[float] = typer.Option(None, help=help_for("min_confidence")),
    aliases: Optional[Path] = typer.Option(None, help="curation file (YAML or CSV) to merge, split and name people"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Extract, then write edges.jsonl, graph.graphml, graph.gexf, graph.json and map.html."""
    from .run import build_outputs

    try:
        summary = build_outputs(paths, out, model=model, batch_size=batch_size,
                                min_confidence=min_confidence, aliases=aliases, progress=not quiet)
    except GraphbuildError as exc:
        _fail(exc)
    summary.print()
    raise typer.Exit(summary.exit_code)


@app.command()
def evaluate(
    paths: List[Path] = PATHS,
    gold: Optional[Path] = typer.Option(None, help="folder of *.gold.json [default: beside each article]"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    model: Optional[str] = typer.Option(None, help=help_for("model")),
    min_confidence: Optional[float] = typer.Option(None, help=help_for("min_confidence")),
) -> None:
    """Score extraction against gold files by the rule of spec/edges.md."""
    from .evaluate import evaluate_paths

    try:
        report = evaluate_paths(paths, gold_dir=gold, model=model, min_confidence=min_confidence)
    except GraphbuildError as exc:
        _fail(exc)
    report.print(as_json=as_json)


# --- the map: render ------------------------------------------------------------------
# (owned by graphbuild/render; keep this section's commands thin)

@app.command()
def render(
    graph: Path = typer.Argument(..., help="graph.json (node-link), or a build folder holding one"),
    out: Path = typer.Option(Path("map.html"), "--out", "-o", help="the HTML file to write"),
    focus: Optional[str] = typer.Option(None, help="draw only this person's neighbourhood (name or alias, any case)"),
    depth: int = typer.Option(1, min=0, help="with --focus: how many relations away to go"),
    max_nodes: Optional[int] = typer.Option(None, min=1, help=help_for("map_max_nodes")),
    since: Optional[str] = typer.Option(None, help="keep evidence from articles published on or after this date (YYYY-MM-DD)"),
    until: Optional[str] = typer.Option(None, help="keep evidence from articles published on or before this date (YYYY-MM-DD)"),
) -> None:
    """Draw a graph as one self-contained HTML map that works offline."""
    from .render import render_file

    try:
        path = render_file(graph, out, focus=focus, depth=depth, max_nodes=max_nodes,
                           since=since, until=until)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {path}")


# --- Neo4j: server, load, query -------------------------------------------------------
# (owned by graphbuild/neo4j; keep this section's commands thin)


def main() -> None:  # pragma: no cover - console entry for `python -m graphbuild`
    app()
