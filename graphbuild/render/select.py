"""Narrowing a graph before it is drawn: a date window, a person's neighbourhood, a size cap.

Plain functions over a ``MultiDiGraph`` as ``graph.build_graph`` makes it; each
returns a new graph and leaves its input alone.

>>> from graphbuild.records import *
>>> from graphbuild.graph import build_graph
>>> def e(s, t, day):
...     return Edge(PersonRef(s, s.title()), PersonRef(t, t.title()), Relation.CRITICIZED,
...                 "slammed", ArticleRef(day, published=day), EdgeEvidence("q", 0, 1))
>>> g = build_graph([e("ann", "bob", "2019-01-02"), e("bob", "cy", "2020-05-01")])
>>> sorted(within_dates(g, since="2020-01-01"))
['bob', 'cy']
>>> sorted(neighbourhood(g, "ANN", depth=1))
['ann', 'bob']
>>> cut, dropped = most_connected(g, 2)
>>> sorted(cut), dropped
(['ann', 'bob'], 1)
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from ..errors import GraphbuildError


class UnknownPersonError(GraphbuildError, ValueError):
    """``--focus NAME`` names nobody on the map."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()):
        self.name = name
        hint = ", ".join(suggestions)
        super().__init__(
            f"no person named {name!r} in the graph (names, aliases and surnames "
            f"are matched in any case, titles and middle initials ignored)"
            + (f"; did you mean: {hint}?" if hint else "")
        )


class DateFormatError(GraphbuildError, ValueError):
    """``--since`` / ``--until`` that is not an ISO date."""

    def __init__(self, option: str, value: str):
        self.option, self.value = option, value
        super().__init__(f"{option} {value!r} is not a date; write it as YYYY-MM-DD (e.g. 2019-11-08)")


def check_date(option: str, value: str | None) -> str | None:
    """``value`` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), else ``DateFormatError``."""
    import re
    from datetime import date

    if value is None:
        return None
    v = value.strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        raise DateFormatError(option, value)
    y, m, d = (int(x) for x in (v.split("-") + ["01", "01"])[:3])
    try:
        date(y, m, d)
    except ValueError:
        raise DateFormatError(option, value) from None
    return v


def _refresh_counts(g: nx.MultiDiGraph) -> None:
    """Recount evidence after edges or evidence were dropped, so sizes tell the truth."""
    for _, data in g.nodes(data=True):
        data["evidence_count"] = 0
    for u, v, data in g.edges(data=True):
        n = len(data.get("evidence") or ())
        data["evidence_count"] = n
        g.nodes[u]["evidence_count"] += n
        if v != u:
            g.nodes[v]["evidence_count"] += n


def within_dates(g: nx.MultiDiGraph, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """Keep only evidence from articles published in ``[since, until]`` (ISO dates, inclusive).

    Undated evidence cannot be placed in a window, so any bound drops it; edges
    left with no evidence, and people left with no edge, go too.
    """
    if not since and not until:
        return g.copy()
    lo = since or ""
    hi = (until or "9999") + "\uffff"  # "2020-01-31" also admits "2020-01-31T12:00"
    h = nx.MultiDiGraph(**g.graph)
    for u, v, k, data in g.edges(keys=True, data=True):
        ev = [r for r in data.get("evidence") or () if r.get("published") and lo <= r["published"] <= hi]
        if not ev:
            continue
        h.add_node(u, **g.nodes[u])
        h.add_node(v, **g.nodes[v])
        dates = sorted(r["published"] for r in ev)
        h.add_edge(u, v, key=k, **{**data, "evidence": ev, "first_published": dates[0], "last_published": dates[-1]})
    _refresh_counts(h)
    return h


def find_people(g: nx.MultiDiGraph, name: str) -> list[str]:
    """The id of the one person ``name`` names, or [] (``graphbuild.naming.best_match``).

    The rule of ``graphbuild query`` and the map's search: any case, titles and
    middle initials ignored; a name beats an alias, an alias beats a surname,
    and among equals the person with the most evidence wins.
    """
    from ..naming import Candidate, best_match

    nodes = {str(n): n for n in g}
    best = best_match(
        name,
        [
            Candidate(str(n), str(d.get("name", "")), tuple(d.get("aliases") or ()), int(d.get("evidence_count") or 0))
            for n, d in g.nodes(data=True)
        ],
    )
    return [nodes[best.id]] if best else []


def neighbourhood(g: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The people within ``depth`` relations of ``name`` (either direction), and their relations."""
    centres = find_people(g, name)
    if not centres:
        want = name.strip().casefold()
        close = sorted(
            d.get("name", n) for n, d in g.nodes(data=True) if want and want in str(d.get("name", "")).casefold()
        )[:5]
        raise UnknownPersonError(name, close)
    und = g.to_undirected(as_view=True)
    keep: set = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(und, c, cutoff=max(depth, 0)))
    h = g.subgraph(keep).copy()
    h.graph["focus"] = centres
    return h


def most_connected(g: nx.MultiDiGraph, max_nodes: int, keep: Iterable = ()) -> tuple[nx.MultiDiGraph, int]:
    """The ``max_nodes`` people with the most distinct neighbours (ties: more evidence).

    People in ``keep`` (a focus) stay whatever their rank. Returns the graph and
    how many people were dropped.
    """
    if g.number_of_nodes() <= max_nodes:
        return g.copy(), 0
    und = g.to_undirected(as_view=True)
    pinned = [n for n in keep if n in g][:max_nodes]
    rest = sorted(
        (n for n in g if n not in set(pinned)),
        key=lambda n: (-len(set(und[n]) - {n}), -g.nodes[n].get("evidence_count", 0), str(n)),
    )
    chosen = pinned + rest[: max_nodes - len(pinned)]
    return g.subgraph(chosen).copy(), g.number_of_nodes() - len(chosen)
