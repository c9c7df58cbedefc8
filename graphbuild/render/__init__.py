"""The map: a graph as one self-contained, offline HTML page.

>>> from graphbuild.records import *
>>> from graphbuild.graph import build_graph
>>> g = build_graph([Edge(PersonRef("a", "Ann Lee"), PersonRef("b", "Bo Chan"), Relation.PRAISED,
...     "praised", ArticleRef("x", published="2020-01-01"), EdgeEvidence("Ann praised Bo.", 0, 15))])
>>> page = render_html(g)
>>> "https://" in page.split('id="graphbuild-data"')[1].split("</script>")[0]
False
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import networkx as nx

from ..settings import resolve
from .page import communities, map_data, page_html, script_json
from .select import (
    DateFormatError,
    UnknownPersonError,
    check_date,
    find_people,
    most_connected,
    neighbourhood,
    within_dates,
)

__all__ = [
    "write_map",
    "render_file",
    "render_html",
    "notebook_map",
    "prepare",
    "read_graph",
    "UnknownPersonError",
    "DateFormatError",
    "find_people",
    "neighbourhood",
    "most_connected",
    "within_dates",
    "script_json",
]


def prepare(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict:
    """The page data for ``graph`` narrowed by dates, then focus, then the size cap."""
    cap = resolve("map_max_nodes", max_nodes)
    since, until = check_date("--since", since), check_date("--until", until)
    groups = communities(graph)  # over the whole graph, so a narrowed map keeps its colours
    g = within_dates(graph, since, until)
    focus_ids: list[str] = []
    if focus:
        g = neighbourhood(g, focus, depth)
        focus_ids = list(g.graph.get("focus", []))
    total = (g.number_of_nodes(), g.number_of_edges())
    g, dropped = most_connected(g, cap, keep=focus_ids)
    return map_data(
        g,
        total=total,
        dropped=dropped,
        focus=[str(f) for f in focus_ids],
        depth=depth,
        window=(since, until),
        community=groups,
    )


def render_html(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    since: str | None = None,
    until: str | None = None,
    title: str = "graphbuild map",
) -> str:
    """The map page as a string; see ``write_map``."""
    data = prepare(graph, focus=focus, depth=depth, max_nodes=max_nodes, since=since, until=until)
    return page_html(data, title=title)


def write_map(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Path:
    """Write the map of ``graph`` to ``path`` as one HTML file that loads nothing from the network.

    ``focus`` (a name or alias, any case) and ``depth`` draw one person's
    neighbourhood; ``max_nodes`` (default: the ``map_max_nodes`` setting) keeps
    the most connected people and the page says how many were left out;
    ``since``/``until`` (ISO dates) keep evidence from articles in that window.
    """
    path = Path(path)
    title = f"graphbuild map: {focus}" if focus else "graphbuild map"
    html = render_html(graph, focus=focus, depth=depth, max_nodes=max_nodes, since=since, until=until, title=title)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def notebook_map(graph: nx.MultiDiGraph, *, height: int = 600, **kwargs):
    """The map inline in Jupyter: an ``IPython.display.HTML`` holding an iframe ``srcdoc``.

    The iframe keeps the page's script and styles apart from the notebook's.
    """
    from IPython.display import HTML

    page = render_html(graph, **kwargs)
    # Wrapped in a <div>: IPython warns about bare <iframe> HTML, and a div sizes cleanly.
    return HTML(
        f'<div class="graphbuild-map"><iframe srcdoc="{escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
        f'border:1px solid #ddd" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox">'
        f"</iframe></div>"
    )


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """The graph in ``path``: a node-link graph.json, or a build folder that holds one."""
    from ..errors import InputPathError
    from ..graph import build_file, read_node_link_json

    p = build_file(path, "graph.json")
    try:
        return read_node_link_json(p)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputPathError(str(p), f"not a node-link graph.json ({type(exc).__name__}: {exc})") from None


def render_file(graph: str | Path, out: str | Path, **kwargs) -> Path:
    """``graphbuild render``: read ``graph`` (a graph.json or a build folder), write the map to ``out``."""
    return write_map(read_graph(graph), out, **kwargs)
