"""``graphbuild people``: the people of a build, for review, and a starter curation file.

Lists every person of an edges.jsonl, a graph.json or a build folder with
their evidence count, KB id and aliases, and flags:

- ``duplicate?``: another person who may be the same one (same name key; a
  one-word name that is the other's surname or first name; a nickname or
  middle initial away, "Joe Biden" / "Joseph R. Biden");
- ``not a person?``: a one-word name, a title, a place or a group the
  knowledge base knows, words run together, digits.

The starter curation file (YAML, the knowledge-base entry format plus
``aliases``, read back by ``--aliases``) holds one entry per person, most
evidence first, each flag written as a comment above its entry: merge a
duplicate by moving its names into the right entry's ``aliases``, delete
entries that need nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .naming import clean_name, lookup_key, same_first, same_person, split_name


@dataclass
class PersonRow:
    id: str
    name: str
    evidence: int
    kb_id: str | None
    aliases: list[str]
    flags: list[str] = field(default_factory=list)


def read_people_graph(path: str | Path) -> nx.MultiDiGraph:
    """The graph of a build folder (graph.json), a graph.json, or an edges.jsonl."""
    from .errors import InputPathError
    from .graph import build_graph, read_edges, read_node_link_json

    p = Path(path)
    if p.is_dir():
        if (p / "graph.json").is_file():
            return read_node_link_json(p / "graph.json")
        if (p / "edges.jsonl").is_file():
            return build_graph(read_edges(p / "edges.jsonl"))
        raise InputPathError(
            str(path),
            "this folder holds neither graph.json nor edges.jsonl; give a folder written by `graphbuild build`",
        )
    if not p.is_file():
        raise InputPathError(str(path), "no such file; give an edges.jsonl, a graph.json or a build folder")
    if p.suffix == ".jsonl":
        return build_graph(read_edges(p))
    return read_node_link_json(p)


def _nobody(name: str, kb) -> str | None:
    words = name.split()
    if not clean_name(name):
        return "a title"
    if clean_name(name) != name:
        return "a title in the name"
    if any(re.search(r"[a-z][A-Z]", re.sub(r"^(?:Mc|Mac|De|Di|La|Le|Van|O')", "", w)) for w in words):
        return "words run together"
    if any(ch.isdigit() for ch in name):
        return "digits"
    if kb is not None and kb.is_place(name):
        return "a place"
    if kb is not None and kb.is_group(name):
        return "a group"
    if len(words) == 1:
        return "one word only"
    return None


def review(g: nx.MultiDiGraph, kb=None) -> list[PersonRow]:
    """Every person of ``g``, most evidence first, with flags (see the module doc)."""
    rows = [
        PersonRow(
            str(n),
            str(d.get("name", n)),
            int(d.get("evidence_count") or 0),
            d.get("kb_id"),
            sorted(set(d.get("aliases") or ()) - {d.get("name")}),
        )
        for n, d in g.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r.evidence, r.id))
    by_key: dict[str, list[PersonRow]] = {}
    for r in rows:
        by_key.setdefault(lookup_key(r.name), []).append(r)
    full = [r for r in rows if split_name(r.name).first and split_name(r.name).last]
    for r in rows:
        why = _nobody(r.name, kb)
        if why and not r.kb_id:
            r.flags.append(f"not a person? ({why})")
        same = [o for o in by_key.get(lookup_key(r.name), []) if o is not r]
        for o in same:
            r.flags.append(f"duplicate? same name as {o.id}")
        p = split_name(r.name)
        if len(r.name.split()) == 1 and not r.kb_id:
            word = lookup_key(r.name)
            hits = [o for o in full if split_name(o.name).last == word or same_first(split_name(o.name).first, word)]
            for o in hits[:3]:
                r.flags.append(f"duplicate? a name of {o.id}")
        elif p.first and p.last:
            for o in full:
                if o is not r and o not in same and same_person(r.name, o.name) and not (r.kb_id and o.kb_id):
                    r.flags.append(f"duplicate? same person as {o.id}")
    return rows


def format_rows(rows: list[PersonRow], limit: int | None = None) -> str:
    out = [f"{'evidence':>8}  {'id':<28} {'name':<28} {'kb':<18} aliases / flags"]
    for r in rows[:limit] if limit else rows:
        extra = ", ".join(r.aliases[:4]) + (" ..." if len(r.aliases) > 4 else "")
        flags = ("  [" + "; ".join(r.flags) + "]") if r.flags else ""
        out.append(f"{r.evidence:>8}  {r.id:<28} {r.name:<28} {r.kb_id or '-':<18} {extra}{flags}")
    return "\n".join(out) + "\n"


def starter_curation(rows: list[PersonRow], kb=None) -> str:
    """A curation file (YAML) with one entry per person, flags as comments."""
    import yaml

    from .kb import entry_to_dict

    parts = [
        "# Curation file for `graphbuild build --aliases FILE` (knowledge-base entry format).\n"
        "# Review it: move a duplicate's names into the right entry's aliases, delete the\n"
        "# duplicate and every entry that needs no change. Keys: id, name, aliases, variants,\n"
        "# gender, party, offices, country, state, wikidata, bioguide, keep_apart.\n"
        "people:\n"
    ]
    for r in rows:
        entry = kb.get(r.kb_id) if (kb is not None and r.kb_id) else None
        d = entry_to_dict(entry) if entry is not None else {"id": r.id, "name": r.name}
        known = {d["name"], *d.get("variants", ())}
        aliases = [a for a in r.aliases if a not in known]
        if aliases:
            d["aliases"] = aliases
        text = yaml.safe_dump([d], allow_unicode=True, sort_keys=False, width=100)
        head = f"# {r.evidence} evidence; person id {r.id}\n"
        head += "".join(f"# {f}\n" for f in r.flags)
        parts.append("".join("  " + line + "\n" if line else "\n" for line in (head + text).rstrip("\n").split("\n")))
    return "".join(parts)


def people_report(path: str | Path, out: str | Path | None = None, limit: int | None = None) -> str:
    """``graphbuild people``: the table as text; the starter curation file written to ``out``."""
    from .kb import load_kb

    kb = load_kb()
    rows = review(read_people_graph(path), kb)
    text = format_rows(rows, limit)
    flagged = sum(1 for r in rows if r.flags)
    text += f"{len(rows)} people, {sum(1 for r in rows if r.kb_id)} linked to the knowledge base, {flagged} flagged\n"
    if out is not None:
        Path(out).write_text(starter_curation(rows, kb), encoding="utf-8")
        text += f"wrote {out} (review it, then pass it as --aliases)\n"
    return text
