"""The knowledge-base records (:class:`Office`, :class:`KBEntry`) and their one dict format.

The shipped data (``people.jsonl.gz``) and the ``--aliases`` curation file hold
entries in the format of :func:`entry_to_dict`; :func:`entry_from_dict` reads
it strictly: an unknown or misspelt key, a wrong type or a bad date raises
:class:`graphbuild.errors.KnowledgeBaseError` naming where, the key and the fix.

>>> d = {"id": "Q6294", "name": "Hillary Clinton", "gender": "F",
...      "offices": [{"role": "secretary of state", "start": "2009-01-21",
...                   "end": "2013-02-01", "country": "USA"}]}
>>> e = entry_from_dict(d, "aliases.json[entry 1]")
>>> e.offices[0].start
datetime.date(2009, 1, 21)
>>> entry_from_dict(entry_to_dict(e), "again") == e
True
>>> entry_from_dict({"id": "Q1", "name": "X", "varients": []}, "aliases.json[entry 2]")
Traceback (most recent call last):
...
graphbuild.errors.KnowledgeBaseError: aliases.json[entry 2]: unknown key 'varients' (did you mean 'variants'?); the keys of an entry are id, name, variants, gender, party, offices, country, state, wikidata, bioguide
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError


@dataclass(frozen=True, slots=True)
class Office:
    """One office or role held over a period.

    ``role`` is normalised lower case ("president", "senator", "prime minister"...).
    ``end`` None means open (current). An office with neither date is *undated*
    (a past Congress term whose dates the source does not give):
    ``KnowledgeBase.holders(role, on=date)`` skips it.
    """

    role: str
    start: date | None
    end: date | None
    country: str | None
    state: str | None
    party: str | None
    title: str | None = None

    def held_on(self, on: date) -> bool:
        """True when the office was held on ``on`` (start inclusive, end exclusive)."""
        if self.start is None and self.end is None:
            return False
        if self.start is not None and on < self.start:
            return False
        return self.end is None or on < self.end


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One real person: stable id, names, party, offices over time."""

    id: str
    name: str
    variants: tuple[str, ...]
    gender: str | None
    party: str | None
    offices: tuple[Office, ...]
    country: str | None
    state: str | None
    wikidata: str | None
    bioguide: str | None


ENTRY_KEYS = ("id", "name", "variants", "gender", "party", "offices", "country", "state",
              "wikidata", "bioguide")
OFFICE_KEYS = ("role", "start", "end", "country", "state", "party", "title")
_GENDERS = ("M", "F")


def _fail(where: str, reason: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(where, reason)


def _check_keys(d: dict, allowed: tuple[str, ...], required: tuple[str, ...], where: str,
                what: str) -> None:
    if not isinstance(d, dict):
        raise _fail(where, f"{what} must be a JSON object, got {type(d).__name__}")
    for key in d:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _fail(where, f"unknown key {key!r}{hint}; the keys of {what} are "
                               + ", ".join(allowed))
    for key in required:
        if key not in d:
            raise _fail(where, f"missing key {key!r}; {what} needs " + ", ".join(required))


def _opt_str(d: dict, key: str, where: str) -> str | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"key {key!r} must be a non-empty string or null, got {value!r}")
    return value


def _req_str(d: dict, key: str, where: str) -> str:
    value = _opt_str(d, key, where)
    if value is None:
        raise _fail(where, f"key {key!r} must be a non-empty string, got null")
    return value


def _date(d: dict, key: str, where: str) -> date | None:
    value = d.get(key)
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # YAML reads an unquoted 2001-01-01 as a date
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(where, f"key {key!r} must be a date written YYYY-MM-DD or null, got {value!r}")


def office_from_dict(d: dict, where: str) -> Office:
    """Read one office object strictly (see :func:`entry_from_dict`)."""
    _check_keys(d, OFFICE_KEYS, ("role",), where, "an office")
    office = Office(
        role=_req_str(d, "role", where).strip().lower(),
        start=_date(d, "start", where),
        end=_date(d, "end", where),
        country=_opt_str(d, "country", where),
        state=_opt_str(d, "state", where),
        party=_opt_str(d, "party", where),
        title=_opt_str(d, "title", where),
    )
    if office.start and office.end and office.end < office.start:
        raise _fail(where, f"office {office.role!r} ends ({office.end}) before it starts "
                           f"({office.start}); swap or fix the dates")
    return office


def entry_from_dict(d: dict, where: str) -> KBEntry:
    """Read one entry strictly; ``where`` names it in errors (e.g. ``"aliases.json[entry 3]"``)."""
    _check_keys(d, ENTRY_KEYS, ("id", "name"), where, "an entry")
    variants = d.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip()
                                                 for v in variants):
        raise _fail(where, f"key 'variants' must be a list of non-empty strings, got {variants!r}")
    gender = _opt_str(d, "gender", where)
    if gender is not None and gender not in _GENDERS:
        raise _fail(where, f"key 'gender' must be \"M\", \"F\" or null, got {gender!r}")
    offices = d.get("offices", [])
    if not isinstance(offices, list):
        raise _fail(where, f"key 'offices' must be a list of office objects, got {offices!r}")
    return KBEntry(
        id=_req_str(d, "id", where),
        name=_req_str(d, "name", where),
        variants=tuple(variants),
        gender=gender,
        party=_opt_str(d, "party", where),
        offices=tuple(office_from_dict(o, f"{where}.offices[{i}]")
                      for i, o in enumerate(offices)),
        country=_opt_str(d, "country", where),
        state=_opt_str(d, "state", where),
        wikidata=_opt_str(d, "wikidata", where),
        bioguide=_opt_str(d, "bioguide", where),
    )


def office_to_dict(o: Office) -> dict[str, Any]:
    out: dict[str, Any] = {"role": o.role}
    for key in OFFICE_KEYS[1:]:
        value = getattr(o, key)
        if value is not None:
            out[key] = value.isoformat() if isinstance(value, date) else value
    return out


def entry_to_dict(e: KBEntry) -> dict[str, Any]:
    """The dict form of ``e``: keys in schema order, empty and null values left out."""
    out: dict[str, Any] = {"id": e.id, "name": e.name}
    if e.variants:
        out["variants"] = list(e.variants)
    for key in ("gender", "party"):
        if getattr(e, key) is not None:
            out[key] = getattr(e, key)
    if e.offices:
        out["offices"] = [office_to_dict(o) for o in e.offices]
    for key in ("country", "state", "wikidata", "bioguide"):
        if getattr(e, key) is not None:
            out[key] = getattr(e, key)
    return out


# The shipped file stores entries as rows (lists in ENTRY_KEYS / OFFICE_KEYS order):
# smaller and faster to parse than dicts. The build script checks every entry with
# entry_from_dict before writing, so rows are read back without re-checking.

def entry_to_row(e: KBEntry) -> list:
    return [e.id, e.name, list(e.variants), e.gender, e.party,
            [[o.role, o.start and o.start.isoformat(), o.end and o.end.isoformat(), o.country,
              o.state, o.party, o.title] for o in e.offices],
            e.country, e.state, e.wikidata, e.bioguide]


_fromiso = date.fromisoformat


def entry_from_row(row: list) -> KBEntry:
    (id_, name, variants, gender, party, offices, country, state, wikidata, bioguide) = row
    return KBEntry(id_, name, tuple(variants), gender, party,
                   tuple(Office(r, s and _fromiso(s), en and _fromiso(en), c, st, p, t)
                         for r, s, en, c, st, p, t in offices),
                   country, state, wikidata, bioguide)


def read_entries(path: str | Path) -> tuple[KBEntry, ...]:
    """Entries of a curation file: JSON or YAML, a list of entries or ``{"people": [...]}``.

    Every entry is checked by :func:`entry_from_dict`; errors name
    ``PATH[entry N]``. ``load_kb(read_entries(path))`` gives the shipped KB with
    the file's entries overriding (same id) or extending it.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(str(path), f"cannot read the curation file ({exc})") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise KnowledgeBaseError(str(path), f"not valid YAML ({exc})") from exc
    else:
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise KnowledgeBaseError(str(path), f"not valid JSON ({exc})") from exc
    if isinstance(doc, dict):
        extra = sorted(set(doc) - {"people"})
        if extra:
            raise KnowledgeBaseError(str(path), f"unknown top-level key {extra[0]!r}; a curation "
                                     "file is a list of entries or {\"people\": [entries]}")
        doc = doc.get("people")
    if not isinstance(doc, list):
        raise KnowledgeBaseError(str(path), "a curation file is a list of entries or "
                                 "{\"people\": [entries]}, each with id and name")
    return tuple(entry_from_dict(d, f"{path}[entry {i}]") for i, d in enumerate(doc))
