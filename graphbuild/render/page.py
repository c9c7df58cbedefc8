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
import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

VIS_VERSION = "9.1.2"

# Above this many people the page trades looks for speed: straight edges, no
# edge labels until asked, a short stabilization, edges hidden while dragging.
LARGE = 300


@cache
def _asset(name: str) -> str:
    return resources.files("graphbuild.render").joinpath(name).read_text(encoding="utf-8")


@cache
def _vis(ext: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}" / ("vis-network.min.js" if ext == "js" else "vis-network.css")
    text = path.read_text(encoding="utf-8")
    # The source map is not shipped: drop the comment that points at it.
    # (split on "\n" only: the minified code holds other line-break characters in strings)
    return "\n".join(line for line in text.split("\n") if not line.startswith(("//# sourceMappingURL", "/*# sourceMappingURL")))


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no ``<!--``, no HTML at all.

    >>> script_json({"q": "</script><img src=x onerror=alert(1)>"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _evidence(rec: dict[str, Any]) -> dict[str, Any]:
    keys = ("quote", "title", "source", "url", "published", "speaker", "reported_by",
            "modality", "confidence", "label", "article_id")
    return {k: rec.get(k) for k in keys}


def vis_options(n_people: int, n_relations: int) -> dict[str, Any]:
    """vis-network options that keep a map of ``n_people`` responsive.

    Stabilization is bounded and runs before the first draw; the script turns
    physics off once it is done, so a big map does not keep the CPU busy.
    """
    large = n_people > LARGE
    iterations = 1000 if n_people <= 100 else 400 if not large else 150
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_people <= 100, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "springConstant": 0.06, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
            "timestep": 0.5,
        },
        "interaction": {"hover": not large, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "multiselect": False},
        "nodes": {
            "shape": "dot",
            "scaling": {"min": 8, "max": 40,
                        "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 6}},
            "font": {"size": 13, "face": "system-ui, sans-serif", "color": "#1b1b1b",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "color": {"background": "#9fb7d6", "border": "#36568a",
                      "highlight": {"background": "#ffd54f", "border": "#b28704"},
                      "hover": {"background": "#c5d6ec", "border": "#36568a"}},
            "borderWidth": 1.5,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,
            "font": {"size": 10, "face": "system-ui, sans-serif", "color": "#444",
                     "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "selectionWidth": 2,
        },
    }


def map_data(g: nx.MultiDiGraph, *, total: tuple[int, int] | None = None, dropped: int = 0,
             focus: list[str] | None = None, depth: int = 1, window: tuple | None = None) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data."""
    people = []
    for n, d in g.nodes(data=True):
        people.append({"id": str(n), "name": str(d.get("name") or n),
                       "aliases": [str(a) for a in d.get("aliases") or ()],
                       "evidence": int(d.get("evidence_count") or 0)})
    relations = []
    pair_count: dict[tuple[str, str], int] = {}
    types: dict[str, dict[str, Any]] = {}
    dates: list[str] = []
    for i, (u, v, k, d) in enumerate(sorted(g.edges(keys=True, data=True),
                                            key=lambda e: (str(e[0]), str(e[1]), str(e[2])))):
        ev = [_evidence(r) for r in d.get("evidence") or ()]
        ev_dates = sorted({r["published"][:10] for r in ev if r.get("published")})
        dates += ev_dates[:1] + ev_dates[-1:]
        pair = tuple(sorted((str(u), str(v))))
        nth = pair_count.get(pair, 0)  # parallel edges between one pair are bent apart
        pair_count[pair] = nth + 1
        rel = str(d.get("relation") or str(k).split(":")[0])
        t = types.setdefault(rel, {"relation": rel, "polarity": int(d.get("polarity") or 0), "count": 0})
        t["count"] += 1
        relations.append({
            "id": f"e{i}", "from": str(u), "to": str(v), "key": str(k), "relation": rel,
            "modality": str(d.get("modality") or "asserted"), "polarity": int(d.get("polarity") or 0),
            "symmetric": bool(d.get("symmetric")), "label": str(d.get("label") or rel.lower()),
            "labels": [str(x) for x in d.get("labels") or ()], "count": len(ev),
            "confidence": d.get("confidence"), "width": edge_width(len(ev)), "dates": ev_dates, "parallel": nth, "evidence": ev,
        })
    n_total, e_total = total or (g.number_of_nodes(), g.number_of_edges())
    return {
        "people": people,
        "relations": relations,
        "types": sorted(types.values(), key=lambda t: (-t["polarity"], t["relation"])),
        "dates": {"min": min(dates) if dates else None, "max": max(dates) if dates else None},
        "total": {"people": n_total, "relations": e_total},
        "dropped": dropped,
        "focus": focus or [],
        "depth": depth,
        "window": list(window) if window and any(window) else None,
        "large": len(people) > LARGE,
        "options": vis_options(len(people), len(relations)),
    }


def edge_width(count: int) -> float:
    """Width grows with the log of the evidence count, so one loud pair does not swamp the map."""
    return round(1.0 + 1.8 * math.log2(max(count, 1)), 2)


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
