"""Edges -> a networkx ``MultiDiGraph``, and the graph files written from it.

Nodes are people, keyed by person id, with ``name``, ``aliases``,
``evidence_count``, ``lookup`` (the keys ``graphbuild.naming`` finds them by)
and, for people linked to the knowledge base, ``kb_id``, ``wikidata``,
``bioguide``, ``party``, ``gender`` and ``offices`` (a list of
``{role, start, end, country, state, party}``; a JSON string in GraphML/GEXF). There is one graph edge per (source, target, relation,
modality); its key is the relation type for asserted edges (the key users
query by) and ``TYPE:modality`` otherwise, so that a "would not support" never
shares a line with support. Every edge keeps the list of its evidence.

>>> from graphbuild.records import *
>>> def edge(s, t, rel, quote, modality=Modality.ASSERTED):
...     return Edge(PersonRef(s, s.title()), PersonRef(t, t.title()), Relation(rel), rel.lower(),
...                 ArticleRef("a1", published="2019-11-08"),
...                 EdgeEvidence(quote, 0, len(quote)), modality=modality)
>>> g = build_graph([edge("trump", "sessions", "CRITICIZED", "Trump called Sessions a jerk."),
...                  edge("trump", "sessions", "CRITICIZED", "Trump slammed Sessions."),
...                  edge("trump", "sessions", "SUPPORTED", "He would not support Sessions.",
...                       Modality.NEGATED)])
>>> sorted(g.edges(keys=True))
[('trump', 'sessions', 'CRITICIZED'), ('trump', 'sessions', 'SUPPORTED:negated')]
>>> g.edges["trump", "sessions", "CRITICIZED"]["evidence_count"]
2
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from .linking import kb_attributes
from .naming import canonical_name, lookup_keys
from .records import Edge, Modality, Person


def edge_key(edge: Edge) -> str:
    """The networkx key of the graph edge an ``Edge`` belongs to."""
    if edge.modality is Modality.ASSERTED:
        return edge.relation.value
    return f"{edge.relation.value}:{edge.modality.value}"


def evidence_record(edge: Edge) -> dict[str, Any]:
    """What one piece of evidence keeps in the graph: the quote and where it is from."""
    a = edge.article
    return {
        "article_id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published,
        "quote": edge.evidence.text,
        "start": edge.evidence.start,
        "end": edge.evidence.end,
        "label": edge.label,
        "modality": edge.modality.value,
        "speaker": edge.speaker,
        "reported_by": edge.reported_by,
        "confidence": edge.confidence,
        "method": edge.method,
    }


def office_to_dict(office: Any) -> dict[str, Any]:
    from .kb.entries import office_to_dict as to_dict

    return to_dict(office)


def build_graph(edges: Iterable[Edge], people: Iterable[Person] = ()) -> nx.MultiDiGraph:
    """Aggregate edge records into a ``MultiDiGraph``, merging people by id.

    ``people`` (curated ``Person`` records) add their aliases and external ids
    (``wikidata`` and the like) to the nodes they name.
    """
    g = nx.MultiDiGraph()
    names: dict[str, Counter] = {}
    kb_of: dict[str, str] = {}
    for e in edges:
        for ref in (e.source, e.target):
            if ref.kb:
                kb_of.setdefault(ref.id, ref.kb)
            if ref.id not in g:
                g.add_node(ref.id, name=ref.name, evidence_count=0, articles=set())
            names.setdefault(ref.id, Counter())[ref.name] += 1
            node = g.nodes[ref.id]
            node["evidence_count"] += 1
            node["articles"].add(e.article.id)
        key = edge_key(e)
        if not g.has_edge(e.source.id, e.target.id, key):
            g.add_edge(
                e.source.id,
                e.target.id,
                key=key,
                relation=e.relation.value,
                modality=e.modality.value,
                polarity=int(e.relation.polarity),
                symmetric=e.relation.symmetric,
                evidence=[],
            )
        g.edges[e.source.id, e.target.id, key]["evidence"].append(evidence_record(e))
    for node_id, data in g.nodes(data=True):
        counts = names[node_id]
        data["name"] = canonical_name(counts)  # the one naming rule (graphbuild.naming)
        data["aliases"] = sorted(counts)
        data["articles"] = len(data["articles"])
        attrs = kb_attributes(kb_of.get(node_id))
        variants = attrs.pop("variants", [])
        data.update(attrs)
        data["aliases"] = sorted(set(data["aliases"]) | set(variants))
    for person in people:
        if person.id in g:
            node = g.nodes[person.id]
            node["name"] = person.name
            node["aliases"] = sorted(set(node["aliases"]) | set(person.aliases))
            node.update(dict(person.external_ids))
            if person.kb_id:
                node["kb_id"] = person.kb_id
            if person.party:
                node["party"] = person.party
            if person.offices:
                node["offices"] = [office_to_dict(o) for o in person.offices]
    for node_id, data in g.nodes(data=True):
        # The keys the map's search and --focus find this person by (naming.lookup_keys).
        data["lookup"] = lookup_keys(data["name"], data["aliases"], (str(node_id), data.get("kb_id", "")))
    for _, _, data in g.edges(data=True):
        _summarize(data)
    for node_id, data in g.nodes(data=True):
        dates = [d for _, _, ed in g.edges(node_id, data=True) for d in [ed.get("first_published")] if d]
        dates += [d for _, _, ed in g.in_edges(node_id, data=True) for d in [ed.get("first_published")] if d]
        if dates:
            data["first_published"] = min(dates)
    return g


def _summarize(data: dict[str, Any]) -> None:
    ev = sorted(data["evidence"], key=lambda r: (r["published"] or "", r["article_id"], r["start"]))
    data["evidence"] = ev
    data["evidence_count"] = len(ev)
    data["label"] = Counter(r["label"] for r in ev).most_common(1)[0][0]
    data["labels"] = sorted({r["label"] for r in ev})
    data["confidence"] = max(r["confidence"] for r in ev)
    dates = sorted(r["published"] for r in ev if r["published"])
    data["first_published"] = dates[0] if dates else None
    data["last_published"] = dates[-1] if dates else None


def _flat(g: nx.MultiDiGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can hold: scalars only, no None.

    Lists and dicts (evidence, aliases) become JSON strings. With ``dynamic``,
    the first article date becomes GEXF's ``start``, so Gephi's timeline works.
    """

    def flat(data: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in data.items():
            if v is None:
                continue
            out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, set, tuple)) else v
        if dynamic and data.get("first_published"):
            out["start"] = data["first_published"][:10]
        return out

    h = nx.MultiDiGraph(**{k: v for k, v in g.graph.items() if v is not None})
    if dynamic:
        h.graph["mode"] = "dynamic"
    h.add_nodes_from(
        (n, flat(d) | ({"label": d["name"]} if dynamic and "name" in d else {})) for n, d in g.nodes(data=True)
    )
    h.add_edges_from((u, v, k, flat(d)) for u, v, k, d in g.edges(keys=True, data=True))
    return h


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML for yEd, Cytoscape and Gephi; evidence is a JSON string attribute."""
    nx.write_graphml(_flat(g), str(path), encoding="utf-8")
    return Path(path)


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """GEXF for Gephi, dynamic: every node and edge starts at its first article date."""
    nx.write_gexf(_flat(g, dynamic=True), str(path), encoding="utf-8")
    return Path(path)


def write_node_link_json(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """The whole graph, evidence lists included, as networkx node-link JSON."""
    data = nx.node_link_data(g, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return Path(path)


def build_file(path: str | Path, name: str) -> Path:
    """``path`` itself if it is a file, else ``path/name`` inside a build folder.

    >>> build_file("no/such/place", "graph.json")
    Traceback (most recent call last):
    ...
    graphbuild.errors.InputPathError: no/such/place: no such file; give a graph.json or a folder written by `graphbuild build` that holds one
    """
    from .errors import InputPathError

    p = Path(path)
    if p.is_dir():
        p = p / name
    if not p.is_file():
        raise InputPathError(
            str(path), f"no such file; give a {name} or a folder written by `graphbuild build` that holds one"
        )
    return p


def read_node_link_json(path: str | Path) -> nx.MultiDiGraph:
    """Read back a graph written by ``write_node_link_json``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def read_edges(path: str | Path) -> Iterable[Edge]:
    """Stream the ``Edge`` records of an edges.jsonl file, naming the line of a bad one."""
    from .errors import EdgeFormatError

    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield Edge.from_json(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EdgeFormatError(f"malformed JSON ({exc.msg})", where=f"{path}:{lineno}") from None
            except EdgeFormatError as exc:
                raise EdgeFormatError(exc.reason, where=f"{path}:{lineno}") from None
