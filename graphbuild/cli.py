"""The ``graphbuild`` command: a thin layer that parses options and calls functions.

No logic lives here; each command calls one function of the package and
prints what it returns. Option help and defaults come from ``settings.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import click
import typer
from rich.markup import escape
from typer.core import TyperGroup

from .errors import EXIT_INTERNAL, GraphbuildError
from .settings import check, help_for


class _Guarded(TyperGroup):
    """Every command's errors end in one message and a distinct exit status (README).

    A ``GraphbuildError`` exits with its ``exit_status`` (2 usage, 3 environment);
    any other exception is a bug: its traceback goes to a log file (and to the
    screen under ``--debug``) and the status is 4. Ctrl-C exits 130.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except GraphbuildError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            from .progress import console

            console.print(
                "interrupted: no output was half-replaced (extract and build keep finished "
                "articles in their cache, so a re-run resumes)"
            )
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - a bug: keep its traceback, say where
            _crash(exc, ctx)


app = typer.Typer(
    cls=_Guarded,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Turn political news into an evidence-backed graph of who did what to whom.",
)
_DEBUG = {"on": False}


def package_version() -> str:
    """The installed graphbuild's version (pyproject's), or "source" when run from a checkout."""
    from importlib import metadata

    try:
        return metadata.version("graphbuild")
    except metadata.PackageNotFoundError:
        return "source"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"graphbuild {package_version()}")
        raise typer.Exit(0)


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="show the traceback of an internal error"),
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="print graphbuild's version and exit"
    ),
) -> None:
    """Turn political news into an evidence-backed graph of who did what to whom."""
    _DEBUG["on"] = debug


def _setting(name: str):
    """A CLI option callback: the same validation (and message) as the environment variable's."""

    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is None:
            return None
        return check(name, value, where=param.opts[0])

    return callback


PATHS = typer.Argument(
    ..., metavar="PATH", help=".txt/.md/.html files, RSS/Atom feeds, .jsonl/.jsonl.gz files, or folders of them"
)
WORKERS = typer.Option(None, "--workers", "-w", metavar="N", callback=_setting("workers"), help=help_for("workers"))
SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS", help=help_for("scheduler"))
NO_CACHE = typer.Option(False, "--no-cache", help="neither read nor write the edge cache")
FULL = typer.Option(False, "--full", help="re-extract every article and refresh the edge cache")
# Options that extract, build and evaluate share: declared once so that they cannot drift.
MODEL = typer.Option(None, metavar="NAME", help=help_for("model"))
BATCH_SIZE = typer.Option(None, metavar="N", callback=_setting("batch_size"), help=help_for("batch_size"))
MIN_CONFIDENCE = typer.Option(None, metavar="X", callback=_setting("min_confidence"), help=help_for("min_confidence"))
ALIASES = typer.Option(
    None,
    metavar="FILE",
    help="curation file (YAML or CSV, knowledge-base entry format) to merge, name and describe people",
)
QUIET = typer.Option(False, "--quiet", "-q", help="no progress bar")


def _fail(exc: GraphbuildError) -> None:
    from .progress import console

    console.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
    raise typer.Exit(exc.exit_status)


def _crash(exc: BaseException, ctx: click.Context) -> None:
    from .progress import console
    from .tracebacks import format_traceback, save_traceback

    path = save_traceback(exc, f"{ctx.invoked_subcommand or ''} failed")
    if _DEBUG["on"]:
        console.print(format_traceback(exc), markup=False, highlight=False)
    console.print(f"[red]internal error:[/red] {type(exc).__name__}: {escape(str(exc))}", markup=True, highlight=False)
    console.print(
        f"this is a bug in graphbuild; the traceback is in {path} (--debug shows it); please report it",
        markup=False,
        highlight=False,
    )
    raise typer.Exit(EXIT_INTERNAL)


def _run_and_summarize(call) -> None:
    """Run an extraction, print its summary, exit 1 if anything was rejected (errors: the group)."""
    summary = call()
    summary.print()
    raise typer.Exit(summary.exit_code)


# --- extraction: extract, build, evaluate -------------------------------------------


@app.command()
def extract(
    paths: List[Path] = PATHS,
    out: Path = typer.Option(Path("edges.jsonl"), "--out", "-o", metavar="FILE", help="edge lines (docs/edges.md)"),
    model: Optional[str] = MODEL,
    batch_size: Optional[int] = BATCH_SIZE,
    min_confidence: Optional[float] = MIN_CONFIDENCE,
    aliases: Optional[Path] = ALIASES,
    rejects: Optional[Path] = typer.Option(
        None, help="write skipped inputs here as JSONL (default: <out stem>.rejects.jsonl beside --out)"
    ),
    workers: Optional[int] = WORKERS,
    scheduler: Optional[str] = SCHEDULER,
    no_cache: bool = NO_CACHE,
    full: bool = FULL,
    quiet: bool = QUIET,
) -> None:
    """Extract person-to-person edges, one JSON line per piece of evidence.

    Unchanged articles reuse their edges from <out stem>.cache.sqlite beside --out.

    The articles read are listed in <out stem>.articles.jsonl: what `load` replaces.
    """
    from .run import extract_to_file

    _run_and_summarize(
        lambda: extract_to_file(
            paths,
            out,
            model=model,
            batch_size=batch_size,
            min_confidence=min_confidence,
            aliases=aliases,
            rejects=rejects,
            workers=workers,
            scheduler=scheduler,
            cache=not no_cache,
            full=full,
            progress=not quiet,
        )
    )


@app.command()
def build(
    paths: List[Path] = PATHS,
    out: Path = typer.Option(
        Path("out"), "--out", "-o", metavar="DIR", help="folder for edges.jsonl, graph files and map.html"
    ),
    model: Optional[str] = MODEL,
    batch_size: Optional[int] = BATCH_SIZE,
    min_confidence: Optional[float] = MIN_CONFIDENCE,
    aliases: Optional[Path] = ALIASES,
    workers: Optional[int] = WORKERS,
    scheduler: Optional[str] = SCHEDULER,
    no_cache: bool = NO_CACHE,
    full: bool = FULL,
    quiet: bool = QUIET,
) -> None:
    """Extract, then write edges.jsonl, articles.jsonl, graph.graphml, graph.gexf, graph.json and map.html.

    Unchanged articles reuse their edges from cache.sqlite in the --out folder.
    """
    from .run import build_outputs

    _run_and_summarize(
        lambda: build_outputs(
            paths,
            out,
            model=model,
            batch_size=batch_size,
            min_confidence=min_confidence,
            aliases=aliases,
            workers=workers,
            scheduler=scheduler,
            cache=not no_cache,
            full=full,
            progress=not quiet,
        )
    )


@app.command()
def evaluate(
    paths: List[Path] = PATHS,
    gold: Optional[Path] = typer.Option(None, help="folder of *.gold.json (default: beside each article)"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    model: Optional[str] = MODEL,
    min_confidence: Optional[float] = MIN_CONFIDENCE,
) -> None:
    """Score extraction against gold files by the rule of docs/edges.md."""
    from .evaluate import evaluate_paths

    try:
        report = evaluate_paths(paths, gold_dir=gold, model=model, min_confidence=min_confidence)
    except GraphbuildError as exc:
        _fail(exc)
    report.print(as_json=as_json)


@app.command()
def people(
    path: Path = typer.Argument(..., help="a build folder, a graph.json or an edges.jsonl"),
    out: Optional[Path] = typer.Option(
        Path("people.yaml"), "--out", "-o", help="write a starter curation file here (for --aliases)"
    ),
    limit: Optional[int] = typer.Option(None, min=1, help="list only this many people (most evidence first)"),
) -> None:
    """List people with evidence, KB id and aliases; flag likely duplicates and non-people."""
    from .people_review import people_report

    try:
        typer.echo(people_report(path, out, limit), nl=False)
    except GraphbuildError as exc:
        _fail(exc)


# --- the map: render ------------------------------------------------------------------
# (owned by graphbuild/render; keep this section's commands thin)


@app.command()
def render(
    graph: Path = typer.Argument(..., help="graph.json (node-link), or a build folder holding one"),
    out: Path = typer.Option(Path("map.html"), "--out", "-o", help="the HTML file to write"),
    focus: Optional[str] = typer.Option(None, help="draw only this person's neighbourhood (name or alias, any case)"),
    depth: int = typer.Option(1, min=0, help="with --focus: how many relations away to go"),
    max_nodes: Optional[int] = typer.Option(None, callback=_setting("map_max_nodes"), help=help_for("map_max_nodes")),
    since: Optional[str] = typer.Option(
        None, help="keep evidence from articles published on or after this date (YYYY-MM-DD)"
    ),
    until: Optional[str] = typer.Option(
        None, help="keep evidence from articles published on or before this date (YYYY-MM-DD)"
    ),
) -> None:
    """Draw a graph as one self-contained HTML map that works offline."""
    from .render import render_file

    try:
        path = render_file(graph, out, focus=focus, depth=depth, max_nodes=max_nodes, since=since, until=until)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {path}")


# --- Neo4j: server, load, query -------------------------------------------------------
# (owned by graphbuild/neo4j; keep this section's commands thin)

NEO4J_URI = typer.Option(None, "--uri", help=help_for("neo4j_uri"))
NEO4J_USER = typer.Option(None, "--user", help=help_for("neo4j_user"))
NEO4J_PASSWORD = typer.Option(None, "--password", help=help_for("neo4j_password"))
NEO4J_DATABASE = typer.Option(None, "--database", help=help_for("neo4j_database"))


@app.command()
def load(
    path: Path = typer.Argument(..., help="an edges.jsonl, or a build folder holding one"),
    uri: Optional[str] = NEO4J_URI,
    user: Optional[str] = NEO4J_USER,
    password: Optional[str] = NEO4J_PASSWORD,
    database: Optional[str] = NEO4J_DATABASE,
    batch_size: Optional[int] = typer.Option(
        None, "--batch-size", callback=_setting("neo4j_batch_size"), help=help_for("neo4j_batch_size")
    ),
) -> None:
    """Load edges into Neo4j; re-loading an article replaces its edges."""
    from .neo4j.load import load as load_edges

    try:
        summary = load_edges(path, uri=uri, user=user, password=password, database=database, batch_size=batch_size)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(str(summary))


@app.command()
def query(
    name: Optional[str] = typer.Argument(None, help="a query in queries/ (file stem); omit to list them"),
    param: List[str] = typer.Option([], "--param", "-p", help="a parameter, key=value (repeatable)"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
    uri: Optional[str] = NEO4J_URI,
    user: Optional[str] = NEO4J_USER,
    password: Optional[str] = NEO4J_PASSWORD,
    database: Optional[str] = NEO4J_DATABASE,
) -> None:
    """Run an analyst query from queries/ against Neo4j, e.g. `query timeline -p a=Trump -p b=Sessions`."""
    from .neo4j.query import run_cli_query

    try:
        typer.echo(run_cli_query(name, param, fmt, uri=uri, user=user, password=password, database=database), nl=False)
    except GraphbuildError as exc:
        _fail(exc)


@app.command("neo4j")
def neo4j_server(
    action: str = typer.Argument(..., help="start, stop or status"),
    directory: Optional[Path] = typer.Option(
        None,
        "--dir",
        help="server folder (default: graphbuild/neo4j in the user data folder, e.g. ~/.local/share/graphbuild/neo4j)",
    ),
    uri: Optional[str] = typer.Option(None, "--uri", help="listen on this bolt URI's port; " + help_for("neo4j_uri")),
) -> None:
    """Run a local Neo4j 5 server (Bolt on 127.0.0.1, auth off) for `load` and `query`."""
    from .neo4j.server import main as server_main

    args = [action] + (["--dir", str(directory)] if directory else []) + (["--uri", uri] if uri else [])
    raise typer.Exit(server_main(args))
