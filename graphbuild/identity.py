"""People across articles: one id per person in a corpus, and the curation file.

Linking (``graphbuild.linking``) already gave every person it recognised the
id of their knowledge-base entry, so one KB entry is one person across the
corpus. Unlinked people merge across articles only on evidence:

- the same id (``naming.person_id``: first and last name and suffix, middle
  initials dropped), so "James B. Comey" and "James Comey" are one person;
- a first name with a suffix alone ("Don Jr.", "Donald Jr.") goes to the one
  person in the corpus with that first name (or a form of it) and suffix;
- a bare surname is never merged here: inside its article it already went to
  the one person with that surname, and elsewhere it may be a relative or a
  namesake (a corpus-wide merge once gave Melania Trump Donald Trump's acts).

A curation file (``--aliases``) comes first: its entries (the knowledge-base
entry format, plus ``aliases`` and ``keep_apart``) merge names into one
person, name them, and give them KB attributes (party, offices, ids).

>>> from graphbuild.records import *
>>> def e(s, t):
...     return Edge(PersonRef(*s), PersonRef(*t), Relation.CRITICIZED, "slammed",
...                 ArticleRef("a"), EdgeEvidence("x", 0, 1))
>>> merged = merge_people([e(("trump", "Trump"), ("jeff-sessions", "Jeff Sessions")),
...                        e(("donald-trump-jr", "Donald Trump Jr."), ("melania-trump", "Melania Trump")),
...                        e(("don-jr", "Don Jr."), ("james-comey", "James B. Comey"))])
>>> sorted({(x.source.id, x.target.id) for x in merged})
[('donald-trump-jr', 'james-comey'), ('donald-trump-jr', 'melania-trump'), ('trump', 'jeff-sessions')]
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import AliasFileError
from .naming import lookup_key, name_rank, same_first, split_name
from .records import Edge, Person, PersonRef

# Keys a curation entry may have: the knowledge-base entry's, and two of its own.
CURATION_ONLY_KEYS = ("aliases", "keep_apart")
_KB_ID = re.compile(r"^(?:Q\d+|bioguide:.+|phoenix:.+)$")


@dataclass(frozen=True, slots=True)
class Curation:
    """Curated people: any of their names, aliases, ids or KB id maps to them."""

    people: tuple[Person, ...]
    index: dict[str, Person]  # lookup keys, ids and KB ids -> person
    keep_apart: frozenset[str] = frozenset()  # ids kept apart from namesakes
    entries: tuple[Any, ...] = ()  # the file's entries as KB entries (graphbuild.kb KBEntry)

    def lookup(self, ref: PersonRef) -> Person | None:
        for key in (ref.id, ref.kb, lookup_key(ref.name)):
            if key and key in self.index:
                return self.index[key]
        return None

    def apply(self, edge: Edge) -> Edge:
        return _replace_ends(edge, lambda ref: self.lookup(ref).ref if self.lookup(ref) else ref)


def _replace_ends(edge: Edge, fn) -> Edge:
    s, t = fn(edge.source), fn(edge.target)
    if edge.relation.symmetric and t.name < s.name:
        s, t = t, s
    speaker = edge.speaker
    if speaker is not None:
        speaker = fn(PersonRef(speaker, speaker)).id
    return dataclasses.replace(edge, source=s, target=t, speaker=speaker)


def _read_rows(path: Path) -> list[dict]:
    if not path.is_file():
        raise AliasFileError(str(path), "no such file; give a YAML or CSV curation file")
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if isinstance(data, dict):
                extra = sorted(set(data) - {"people"})
                if extra:
                    raise AliasFileError(
                        str(path), f"unknown top-level key {extra[0]!r}; the file holds `people: [...]`"
                    )
                return list(data.get("people") or [])
            return list(data)
        if path.suffix.lower() == ".csv":
            rows = []
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    row = {k: v for k, v in row.items() if v not in (None, "")}
                    for key in ("aliases", "variants"):
                        if key in row:
                            row[key] = [a.strip() for a in row[key].split("|") if a.strip()]
                    rows.append(row)
            return rows
    except (OSError, ValueError) as exc:
        raise AliasFileError(str(path), f"unreadable: {exc}") from None
    raise AliasFileError(str(path), "unknown kind; use .yaml, .yml or .csv")


def curation_entry(row: dict, where: str):
    """A curation row as a KB entry (strict: an unknown key is an error) and its keep_apart flag."""
    from .errors import KnowledgeBaseError
    from .kb import entry_from_dict

    if not isinstance(row, dict):
        raise AliasFileError(where, "an entry must be a mapping with at least an id and a name")
    d = {k: v for k, v in row.items() if k not in CURATION_ONLY_KEYS}
    aliases = [str(a) for a in row.get("aliases") or ()]
    d["variants"] = list(dict.fromkeys([*(d.get("variants") or []), *aliases]))
    for key in ("id", "name"):
        if key in d and not isinstance(d[key], str):
            d[key] = str(d[key])
    try:
        entry = entry_from_dict(d, where)
    except KnowledgeBaseError as exc:
        raise AliasFileError(
            where, str(exc).split(": ", 1)[-1] + f"; a curation entry also takes {', '.join(CURATION_ONLY_KEYS)}"
        ) from None
    apart = str(row.get("keep_apart", "")).lower() in ("true", "1", "yes")
    return entry, apart


def curated_person(entry) -> Person:
    """The person a curation entry names: a KB id keeps the linked person's id, else its own id."""
    ext = tuple((k, v) for k, v in (("wikidata", entry.wikidata), ("bioguide", entry.bioguide)) if v)
    if _KB_ID.match(entry.id):
        from .linking import person_of

        base = person_of(entry)
        return dataclasses.replace(base, aliases=tuple(sorted(set(entry.variants))), external_ids=ext)
    return Person(
        entry.id,
        entry.name,
        tuple(sorted(set(entry.variants))),
        ext,
        kb_id=entry.wikidata,
        party=entry.party,
        offices=entry.offices,
    )


def load_curation(path: str | Path) -> Curation:
    """Read a YAML or CSV curation file.

    YAML: ``people: [{id, name, aliases: [...], wikidata: Q..., party: ..., offices: [...]}]``.
    CSV: columns from the same keys, lists (aliases, variants) separated by ``|``.
    The keys are those of a knowledge-base entry (``graphbuild.kb``: id, name,
    variants, gender, party, offices, country, state, wikidata, bioguide) and
    ``aliases`` (same as variants) and ``keep_apart``; any other key is an error.

    - merge: every alias (and the id and name) maps to the entry's person;
    - name: the entry's ``name`` is the name written in every output;
    - an ``id`` that is a KB id (Q..., bioguide:..., phoenix:...) overrides that
      shipped entry; any other id names a person of its own;
    - ``keep_apart``: kept for old files; bare surnames are never merged across
      articles now.

    An alias claimed by two entries is an error: it could not say who it is.
    """
    path = Path(path)
    rows = _read_rows(path)
    people: list[Person] = []
    entries = []
    index: dict[str, Person] = {}
    apart: set[str] = set()
    variant_of: dict[str, Person] = {}
    shared: set[str] = set()
    for n, row in enumerate(rows, start=1):
        where = f"{path}: entry {n}"
        if not isinstance(row, dict) or not row.get("id") or not row.get("name"):
            raise AliasFileError(str(path), f"entry {n} needs an id and a name")
        entry, keep = curation_entry(row, where)
        person = curated_person(entry)
        people.append(person)
        entries.append(entry)
        if keep:
            apart.add(person.id)
        keys = {person.id: person.id, entry.id: entry.id}
        keys.update((lookup_key(k), k) for k in (person.name, *(row.get("aliases") or ())))
        for key, written in keys.items():
            other = index.get(key)
            if other is not None and other.id != person.id:
                raise AliasFileError(
                    str(path), f"{written!r} is given for both {other.id!r} and {person.id!r}; keep it on one entry"
                )
            index[key] = person
        # KB variants copied from shipped entries may be shared ("George Bush"): such a
        # variant names nobody, so it maps to no one rather than being an error.
        for v in entry.variants:
            key = lookup_key(v)
            if key in shared or key in keys:
                continue
            if key in variant_of and variant_of[key].id != person.id:
                shared.add(key)
                index.pop(key, None)
            elif key not in index:
                variant_of[key] = person
                index[key] = person
        if person.kb_id:
            index.setdefault(person.kb_id, person)
    return Curation(tuple(people), index, frozenset(apart), tuple(entries))


def person_mapping(edges: Iterable[Edge], curation: Curation | None = None) -> dict[str, PersonRef]:
    """Each person id in ``edges`` -> the corpus-wide person it denotes (see the module doc).

    Reads the edges once and keeps only names, so it also serves a stream too
    large to hold (``graphbuild extract`` reads its own output back through it).
    """
    refs: dict[str, PersonRef] = {}
    for e in edges:
        if curation is not None:
            e = curation.apply(e)
        for ref in (e.source, e.target):
            add_ref(refs, ref)
    return mapping_of(refs)


def add_ref(refs: dict[str, PersonRef], ref: PersonRef) -> None:
    """Keep, per id, the fullest name seen (``naming.name_rank``: order-independent) and the KB id."""
    old = refs.get(ref.id)
    if old is None:
        refs[ref.id] = ref
        return
    name = old.name if name_rank(old.name) >= name_rank(ref.name) else ref.name
    refs[ref.id] = PersonRef(ref.id, name, old.kb or ref.kb)


def mapping_of(refs: dict[str, PersonRef]) -> dict[str, PersonRef]:
    """The corpus-wide person of each id, from one ``PersonRef`` per id (``add_ref``)."""
    mapping = dict(refs)
    # "Don Jr." -> the one person with that first name (or a form of it) and that suffix.
    by_suffix: dict[str, list[PersonRef]] = {}
    for ref in refs.values():
        p = split_name(ref.name)
        if p.suffix and p.first and p.last:
            by_suffix.setdefault(p.suffix, []).append(ref)
    for pid, ref in refs.items():
        p = split_name(ref.name)
        if p.suffix and p.first and not p.last:
            full = [r for r in by_suffix.get(p.suffix, ()) if same_first(split_name(r.name).first, p.first)]
            if len(full) == 1:
                mapping[pid] = full[0]
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
