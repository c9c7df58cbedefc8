"""The map page: graph -> JSON data -> one self-contained HTML file.

The page is drawn by vis-network as pyvis bundles it (``pyvis/lib``), inlined,
with our own small template and script. pyvis's own template is not used: it
loads Bootstrap (and in some modes vis-network) from CDNs, and when a node
title holds a link it sets the tooltip with ``innerHTML``, which would let
article text run as markup.
Here all article text travels as escaped JSON and reaches the page only
through ``textContent``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

VIS_VERSION = "9.1.2"

# Above this many people the page trades looks for speed: straight edges, no
# edge labels until asked, a short stabilization, edges hidden while dragging.
LARGE = 300
# Zoom from which every name is drawn, and from which line labels are drawn.
NAME_SCALE = 0.9
EDGE_LABEL_SCALE = 1.3


@cache
def _asset(name: str) -> str:
    return resources.files("graphbuild.render").joinpath(name).read_text(encoding="utf-8")


@cache
def _vis(ext: str) -> str:
    import pyvis

    path = (
        Path(pyvis.__file__).parent
        / "lib"
        / f"vis-{VIS_VERSION}"
        / ("vis-network.min.js" if ext == "js" else "vis-network.css")
    )
    text = path.read_text(encoding="utf-8")
    # The source map is not shipped: drop the comment that points at it.
    # (split on "\n" only: the minified code holds other line-break characters in strings)
    return "\n".join(
        line for line in text.split("\n") if not line.startswith(("//# sourceMappingURL", "/*# sourceMappingURL"))
    )


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no ``<!--``, no HTML at all.

    >>> script_json({"q": "</script><img src=x onerror=alert(1)>"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _evidence(rec: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "quote",
        "title",
        "source",
        "url",
        "published",
        "speaker",
        "reported_by",
        "modality",
        "confidence",
        "label",
        "article_id",
    )
    return {k: rec.get(k) for k in keys}


def vis_options(n_people: int, n_lines: int) -> dict[str, Any]:
    """vis-network options that keep a map of ``n_people`` responsive.

    Stabilization is bounded and runs before the first draw; the script turns
    physics off once it is done, so a big map does not keep the CPU busy and
    nobody moves afterwards. Labels: vis-network skips a label whose size on
    screen is under ``drawThreshold``, so people's names (13 px) appear from
    ``NAME_SCALE`` and line labels (11 px) from ``EDGE_LABEL_SCALE`` zoom; the
    script enlarges the names it labels at overview zoom.
    """
    large = n_people > LARGE
    iterations = 1000 if n_people <= 100 else 400 if not large else 150
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_people <= 100, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 110,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
            "timestep": 0.5,
        },
        "interaction": {
            "hover": True,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
            "hoverConnectedEdges": not large,
        },
        "nodes": {
            "shape": "dot",
            "scaling": {
                "min": 10,
                "max": 42,
                "label": {"enabled": False, "drawThreshold": round(13 * NAME_SCALE) + 1, "maxVisible": 40},
            },
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "color": "#1b1b1b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "color": {
                "background": "#c4c4c4",
                "border": "#6b6b6b",
                "highlight": {"background": "#ffd54f", "border": "#8a6500"},
                "hover": {"background": "#ffe58a", "border": "#8a6500"},
            },
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,
            "font": {
                "size": 11,
                "face": "system-ui, sans-serif",
                "color": "#333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "scaling": {"label": {"enabled": False, "drawThreshold": round(11 * EDGE_LABEL_SCALE) + 1}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }


def _text_list(value: Any) -> list[str]:
    """Offices (or any list-ish node attribute) as short strings, whatever shape the graph holds.

    Offices as the knowledge base gives them (``{role, start, end, state, ...}``)
    read "role (state, years)", the latest first.

    >>> _text_list([{"role": "Senator", "state": "AL", "start": "1997-01-03", "end": "2017-02-08"},
    ...             {"role": "Attorney General", "start": "2017-02-09", "end": "2018-11-07"}, "Mayor"])
    ['Attorney General (2017–2018)', 'Senator (AL, 1997–2017)', 'Mayor']
    """
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:  # GraphML/GEXF round-trips store lists as JSON text
            loaded = json.loads(value)
        except ValueError:
            return [value]
        return _text_list(loaded) if isinstance(loaded, (list, dict)) else [value]
    if isinstance(value, dict):
        head = next((str(value[k]) for k in ("title", "office", "role", "label", "name") if value.get(k)), "")
        tail = [str(value[k]) for k in ("state", "district") if value.get(k)]
        start, end = str(value.get("start") or "")[:4], str(value.get("end") or "")[:4]
        if start or end:
            tail.append(start + "\u2013" + end if start != end else start)
        head = head[:1].upper() + head[1:]  # the knowledge base writes roles in lower case
        text = head + (f" ({', '.join(tail)})" if tail else "")
        return [text] if head else []
    if isinstance(value, (list, tuple, set)):
        dated = sorted(
            (v for v in value if isinstance(v, dict)),  # the latest office first
            key=lambda v: (str(v.get("end") or "9999"), str(v.get("start") or "")),
            reverse=True,
        )
        return [t for v in dated + [v for v in value if not isinstance(v, dict)] for t in _text_list(v)]
    return [str(value)]


def _party(value: Any) -> str | None:
    """A node's ``party`` attribute as one name, or None when unknown."""
    names = _text_list(value)
    return names[0] if names else None


def communities(g: nx.MultiDiGraph) -> dict[Any, int]:
    """Each person's community (Louvain over the undirected graph, fixed seed): 0 is the largest.

    A ``community`` node attribute already in the graph wins, so a build that
    computed them keeps its numbering.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> sorted(communities(g).items())
    [('a', 0), ('b', 0), ('c', 0), ('x', 1), ('y', 1)]
    """
    given = {n: d["community"] for n, d in g.nodes(data=True) if d.get("community") is not None}
    if given and len(given) == g.number_of_nodes():
        return {n: int(c) for n, c in given.items()}
    und = nx.Graph()
    und.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        if u != v:
            w = und.get_edge_data(u, v, {}).get("weight", 0)
            und.add_edge(u, v, weight=w + len(d.get("evidence") or ()) or 1)
    groups = nx.community.louvain_communities(und, weight="weight", seed=7) if und.number_of_nodes() else []
    groups = sorted(groups, key=lambda c: (-len(c), min(str(n) for n in c)))
    return {n: i for i, c in enumerate(groups) for n in c}


def map_data(
    g: nx.MultiDiGraph,
    *,
    total: tuple[int, int] | None = None,
    dropped: int = 0,
    focus: list[str] | None = None,
    depth: int = 1,
    window: tuple | None = None,
    community: dict | None = None,
) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data.

    People and lines are referred to by their index in ``people`` and
    ``pairs``, never by id as an object key, so an id such as ``constructor``
    or ``__proto__`` is just text. All relations between two people (either
    direction) share one entry of ``pairs``: the page draws them as one line.
    """
    community = community if community is not None else communities(g)
    und = g.to_undirected(as_view=True)
    degree = {n: len(set(und[n]) - {n}) for n in g}
    order = sorted(g, key=lambda n: (-degree[n], -int(g.nodes[n].get("evidence_count") or 0), str(n)))
    rank = {n: i for i, n in enumerate(order)}
    index = {n: i for i, n in enumerate(g)}
    people = []
    for n, d in g.nodes(data=True):
        people.append(
            {
                "id": str(n),
                "name": str(d.get("name") or n),
                "aliases": [str(a) for a in d.get("aliases") or ()],
                "evidence": int(d.get("evidence_count") or 0),
                "party": _party(d.get("party")),
                "offices": _text_list(d.get("offices")),
                "community": community.get(n),
                "degree": degree[n],
                "rank": rank[n],
                "lookup": [str(k) for k in d.get("lookup") or ()],
            }
        )
    relations = []
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    types: dict[str, dict[str, Any]] = {}
    dates: list[str] = []
    for i, (u, v, k, d) in enumerate(
        sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    ):
        ev = [_evidence(r) for r in d.get("evidence") or ()]
        ev_dates = sorted({r["published"][:10] for r in ev if r.get("published")})
        dates += ev_dates[:1] + ev_dates[-1:]
        a, b = sorted((index[u], index[v]))
        pair = pairs.setdefault((a, b), {"a": a, "b": b, "rels": []})
        pair["rels"].append(i)
        rel = str(d.get("relation") or str(k).split(":")[0])
        t = types.setdefault(rel, {"relation": rel, "polarity": int(d.get("polarity") or 0), "count": 0})
        t["count"] += 1
        relations.append(
            {
                "id": f"e{i}",
                "from": str(u),
                "to": str(v),
                "key": str(k),
                "relation": rel,
                "modality": str(d.get("modality") or "asserted"),
                "polarity": int(d.get("polarity") or 0),
                "symmetric": bool(d.get("symmetric")),
                "label": str(d.get("label") or rel.lower()),
                "labels": [str(x) for x in d.get("labels") or ()],
                "count": len(ev),
                "confidence": d.get("confidence"),
                "dates": ev_dates,
                "evidence": ev,
            }
        )
    n_total, e_total = total or (g.number_of_nodes(), g.number_of_edges())
    pair_list = list(pairs.values())
    return {
        "people": people,
        "relations": relations,
        "pairs": pair_list,
        "types": sorted(types.values(), key=lambda t: (-t["polarity"], t["relation"])),
        "dates": {"min": min(dates) if dates else None, "max": max(dates) if dates else None},
        "total": {"people": n_total, "relations": e_total},
        "dropped": dropped,
        "focus": focus or [],
        "depth": depth,
        "window": list(window) if window and any(window) else None,
        "large": len(people) > LARGE,
        "scales": {"names": NAME_SCALE, "lines": EDGE_LABEL_SCALE},
        "options": vis_options(len(people), len(pair_list)),
    }


def page_html(data: dict[str, Any], title: str = "graphbuild map") -> str:
    """The whole page, every asset inline."""
    from html import escape

    template = _asset("template.html")
    parts = {
        "{{TITLE}}": escape(title),
        "{{VIS_CSS}}": _vis("css"),
        "{{MAP_CSS}}": _asset("map.css"),
        "{{VIS_JS}}": _vis("js"),
        "{{DATA}}": script_json(data),
        "{{MAP_JS}}": _asset("map.js"),
    }
    # One pass over the template so text inserted for one slot is never scanned for another.
    out, i = [], 0
    while True:
        j = template.find("{{", i)
        if j < 0:
            out.append(template[i:])
            break
        end = template.index("}}", j) + 2
        out.append(template[i:j])
        out.append(parts[template[j:end]])
        i = end
    return "".join(out)
