"""People across articles: one id per person in a corpus, and the curation file.

Inside an article, extraction already merged "Jeff Sessions" and "Sessions".
Across articles, ``merge_people`` gives a bare surname ("trump", from an
article that never wrote the first name) the id of the one full name in the
corpus that ends with it ("donald-trump"); with two candidates (Bill and
Hillary Clinton) it leaves the surname alone. A curation file (``--aliases``)
comes first and can merge, split and name people and attach external ids.

>>> from graphbuild.records import *
>>> def e(s, t):
...     return Edge(PersonRef(*s), PersonRef(*t), Relation.CRITICIZED, "slammed",
...                 ArticleRef("a"), EdgeEvidence("x", 0, 1))
>>> merged = merge_people([e(("trump", "Trump"), ("jeff-sessions", "Jeff Sessions")),
...                        e(("donald-trump", "Donald Trump"), ("sessions", "Sessions"))])
>>> sorted({(x.source.id, x.target.id) for x in merged})
[('donald-trump', 'jeff-sessions')]
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import AliasFileError
from .records import Edge, Person, PersonRef


@dataclass(frozen=True, slots=True)
class Curation:
    """Curated people: any of their names, aliases or ids maps to them."""

    people: tuple[Person, ...]
    index: dict[str, Person]
    keep_apart: frozenset[str] = frozenset()  # ids a bare surname is never merged into

    def lookup(self, ref: PersonRef) -> Person | None:
        return self.index.get(ref.id.casefold()) or self.index.get(ref.name.casefold())

    def apply(self, edge: Edge) -> Edge:
        return _replace_ends(edge, lambda ref: (self.lookup(ref).ref if self.lookup(ref) else ref))


def _replace_ends(edge: Edge, fn) -> Edge:
    s, t = fn(edge.source), fn(edge.target)
    if edge.relation.symmetric and t.name < s.name:
        s, t = t, s
    speaker = edge.speaker
    if speaker is not None:
        speaker = fn(PersonRef(speaker, speaker)).id
    return dataclasses.replace(edge, source=s, target=t, speaker=speaker)


def load_curation(path: str | Path) -> Curation:
    """Read a YAML or CSV curation file.

    YAML: ``people: [{id, name, aliases: [...], wikidata: Q..., keep_apart: true}]``.
    CSV: columns ``id,name,aliases,wikidata,keep_apart`` with aliases separated by ``|``.

    - merge: every alias (and the id and name) maps to the entry's id and name;
    - split: ``keep_apart`` stops a bare surname from being merged into this
      person (when the corpus's "Clinton" may be Bill or Hillary);
    - name: the entry's ``name`` is the name written in every output;
    - every other column is kept as an external id (``wikidata`` and the like).

    An alias claimed by two entries is an error: it could not say who it is.
    """
    path = Path(path)
    if not path.is_file():
        raise AliasFileError(str(path), "no such file; give a YAML or CSV curation file")
    rows: list[dict] = []
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            rows = data.get("people", []) if isinstance(data, dict) else data
        elif path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    row["aliases"] = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                    rows.append(row)
        else:
            raise AliasFileError(str(path), "unknown kind; use .yaml, .yml or .csv")
    except (OSError, ValueError) as exc:
        raise AliasFileError(str(path), f"unreadable: {exc}") from None
    people: list[Person] = []
    index: dict[str, Person] = {}
    apart: set[str] = set()
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not row.get("id") or not row.get("name"):
            raise AliasFileError(str(path), f"entry {n} needs an id and a name")
        ext = tuple(sorted((k, str(v)) for k, v in row.items()
                           if k not in ("id", "name", "aliases", "keep_apart") and v not in (None, "")))
        person = Person(str(row["id"]), str(row["name"]), tuple(str(a) for a in row.get("aliases") or ()), ext)
        people.append(person)
        if str(row.get("keep_apart", "")).lower() in ("true", "1", "yes"):
            apart.add(person.id)
        for key in (person.id, person.name, *person.aliases):
            other = index.get(key.casefold())
            if other is not None and other.id != person.id:
                raise AliasFileError(str(path), f"{key!r} is given for both {other.id!r} and {person.id!r}; "
                                                "keep it on one entry")
            index[key.casefold()] = person
    return Curation(tuple(people), index, frozenset(apart))


def person_mapping(edges: Iterable[Edge], curation: Curation | None = None) -> dict[str, PersonRef]:
    """Each person id in ``edges`` -> the corpus-wide person it denotes (see the module doc).

    Reads the edges once and keeps only names, so it also serves a stream too
    large to hold (``graphbuild extract`` reads its own output back through it).
    """
    names: dict[str, str] = {}
    for e in edges:
        if curation is not None:
            e = curation.apply(e)
        for ref in (e.source, e.target):
            if len(ref.name.split()) > len(names.get(ref.id, "").split()):
                names[ref.id] = ref.name
    by_surname: dict[str, set[str]] = {}
    apart = curation.keep_apart if curation else frozenset()
    for pid, name in names.items():
        words = name.split()
        if len(words) > 1:
            if pid in apart:
                by_surname.setdefault(words[-1].casefold(), set()).add("(kept apart)")
            by_surname.setdefault(words[-1].casefold(), set()).add(pid)
    curated = {p.id for p in curation.people} if curation else set()
    mapping: dict[str, PersonRef] = {pid: PersonRef(pid, name) for pid, name in names.items()}
    for pid, name in names.items():
        words = name.split()
        if len(words) == 1 and pid not in curated:
            full = by_surname.get(words[0].casefold(), set())
            if len(full) == 1:
                target = next(iter(full))
                mapping[pid] = PersonRef(target, names[target])
    return mapping


def apply_mapping(edge: Edge, mapping: dict[str, PersonRef], curation: Curation | None = None) -> Edge:
    """``edge`` with both ends (and the speaker) given their corpus-wide person."""
    if curation is not None:
        edge = curation.apply(edge)
    return _replace_ends(edge, lambda ref: mapping.get(ref.id, ref))


def merge_people(edges: Iterable[Edge], curation: Curation | None = None) -> list[Edge]:
    """The same edges with one id per person across the corpus (see the module doc)."""
    edges = list(edges)
    mapping = person_mapping(edges, curation)
    return [apply_mapping(e, mapping, curation) for e in edges]
