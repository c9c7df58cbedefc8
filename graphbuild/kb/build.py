"""Build the shipped knowledge base from the public sources.

Usage::

    python -m graphbuild.kb.build [SOURCES_DIR] [--out DIR]

``SOURCES_DIR`` holds ``us-congress/`` (congress-legislators: legislators-current.yaml,
legislators-historical.csv, executive.yaml; CC0), ``cabinet/cabinet-turnover.csv``
(FiveThirtyEight, CC BY 4.0) and ``petrarch2/`` (Phoenix actor and agent
dictionaries, MIT). It defaults to the workspace's ``shared/sources`` beside the repository.
``--out`` defaults to this package's folder. Two files are written:

- ``people.jsonl.gz``: every person (rows in the field order of
  :func:`graphbuild.kb.entries.entry_to_dict`) and name/role indices; see :func:`write`
- ``words.json.gz``: the place gazetteer, group words and role words

``curated.json`` (in this package, the format of the ``--aliases`` curation
file) adds people the sources miss (members of Congress who left between 2019
and 2026, governors, justices, relatives, world leaders after 2014) and
completes some source entries; see :func:`apply_curated`.

The output is deterministic: the same sources give the same bytes.

How people are merged: members of Congress and presidents/vice presidents are
one person per Bioguide id (Wikidata id kept where given); a cabinet official
or a Phoenix actor from the USA joins the congress/executive person with the
same first name (nickname-aware) and surname who was of working age at the
time of the office; otherwise they become their own entry. Phoenix people keep
their date-bounded roles: a ``GOV`` span of a person listed under a heading
such as "# Prime Ministers" becomes that office.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable

from ..errors import KnowledgeBaseError
from .entries import ENTRY_KEYS, KBEntry, Office, entry_from_dict, entry_to_dict, entry_to_row
from .names import SUFFIXES, first_name_forms, full_key, index_keys, loose_key, name_tokens, surname_keys
from .tables import (
    CABINET_ROLES,
    EXTRA_GROUPS,
    EXTRA_PLACES,
    NOT_ROLES,
    PHOENIX_SECTION_ROLES,
    PHOENIX_SECTORS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    US_STATES,
)

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_SOURCES = PACKAGE_DIR.parent.parent.parent / "shared" / "sources"
PEOPLE_FILE = "people.jsonl.gz"
WORDS_FILE = "words.json.gz"
CURATED_FILE = PACKAGE_DIR / "curated.json"
SCHEMA = 1
INDEX_NAMES = ("full", "loose", "surname", "role")


# ---------------------------------------------------------------- people in progress

class Person:
    """A mutable person while sources are merged; frozen into a KBEntry at the end."""

    def __init__(self, key: str, name: str):
        self.key = key
        self.name = name
        self.variants: list[str] = []
        self.gender: str | None = None
        self.party: str | None = None
        self.offices: list[Office] = []
        self.country: str | None = None
        self.state: str | None = None
        self.wikidata: str | None = None
        self.bioguide: str | None = None
        self.govtrack: str | None = None
        self.birthday: date | None = None
        self.phoenix: str | None = None

    def add_variants(self, names: Iterable[str]) -> None:
        seen = {full_key(v) for v in self.variants} | {full_key(self.name)}
        for n in names:
            n = " ".join(n.split())
            if n and full_key(n) and full_key(n) not in seen:
                seen.add(full_key(n))
                self.variants.append(n)

    def entry_id(self) -> str:
        if self.wikidata:
            return self.wikidata
        if self.bioguide:
            return f"bioguide:{self.bioguide}"
        if self.govtrack:
            return f"govtrack:{self.govtrack}"
        return self.key  # "phoenix:TONY_BLAIR", "cabinet:WILLIAM_BARR"

    def to_entry(self) -> KBEntry:
        offices = tuple(sorted(set(self.offices), key=_office_order))
        return KBEntry(id=self.entry_id(), name=self.name, variants=tuple(self.variants),
                       gender=self.gender, party=self.party, offices=offices,
                       country=self.country, state=self.state, wikidata=self.wikidata,
                       bioguide=self.bioguide)


def _office_order(o: Office) -> tuple:
    return (o.start or date.min, o.end or date.max, o.role, o.country or "", o.state or "",
            o.party or "", o.title or "")


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _merge_spans(offices: list[Office], gap_days: int = 7) -> list[Office]:
    """Join consecutive terms of the same role, place and party into one office."""
    out: list[Office] = []
    for o in sorted(offices, key=_office_order):
        prev = out[-1] if out else None
        if (prev is not None and prev.role == o.role and prev.state == o.state
                and prev.country == o.country and prev.party == o.party
                and prev.title == o.title and prev.end is not None and o.start is not None
                and o.start - prev.end <= timedelta(days=gap_days)):
            out[-1] = replace(prev, end=o.end if o.end is None or o.end > prev.end else prev.end)
        else:
            out.append(o)
    return out


def congress_variants(first: str, middle: str | None, last: str, suffix: str | None,
                      nickname: str | None, official: str | None,
                      known_without_suffix: bool = True) -> list[str]:
    """Every written form of a name given in parts: official, nickname, with/without middle.

    Forms without the suffix are added only when the person is known without it
    (Joe Biden is "Joseph R. Biden Jr."; Franklin D. Roosevelt Jr. is not FDR).
    """
    sfx = [f" {suffix}", ""] if suffix and known_without_suffix else [f" {suffix}" if suffix else ""]
    firsts = [first] + ([nickname] if nickname and nickname != first else [])
    if len(first.rstrip(".")) == 1 and middle:  # "J. Danforth Quayle" goes by "Danforth"
        firsts.append(middle)
    out = [official] if official else []
    for s in sfx:
        for f in firsts:
            out.append(f"{f} {last}{s}")
            if middle and f != middle:
                out.append(f"{f} {middle} {last}{s}")
                initial = middle if len(middle.rstrip(".")) == 1 else middle[0]
                out.append(f"{f} {initial.rstrip('.')}. {last}{s}")
    return out


def _display_name(wikipedia: str | None, first: str, last: str, nickname: str | None,
                  suffix: str | None) -> str:
    if wikipedia:
        return re.sub(r"\s*\(.*\)\s*$", "", wikipedia).strip()
    name = f"{nickname or first} {last}"
    return f"{name} {suffix}" if suffix else name


def _display_suffix(display: str) -> str | None:
    """"Sr." of "Howard Baker Sr.": a suffix the display name adds to tell namesakes apart."""
    last = display.split()[-1] if display.split() else ""
    return last if name_tokens(last)[0] and name_tokens(last)[0][0] in SUFFIXES else None


def _known_without_suffix(display: str, suffix: str | None) -> bool:
    """True when the display name (Wikipedia's title) leaves the suffix out."""
    if not suffix:
        return True
    return name_tokens(display)[1] == ""


ROLE_OF_TERM = {"sen": "senator", "rep": "representative", "prez": "president",
                "viceprez": "vice president"}


def _term_office(t: dict) -> Office:
    role = ROLE_OF_TERM[t["type"]]
    return Office(role=role, start=_d(t.get("start")), end=_d(t.get("end")), country="USA",
                  state=t.get("state"), party=t.get("party"))


def _yaml(path: Path) -> list[dict]:
    import yaml

    try:
        loader = yaml.CSafeLoader  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - libyaml missing
        loader = yaml.SafeLoader
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def _person_from_yaml(rec: dict) -> Person:
    ids, nm, bio = rec["id"], rec["name"], rec.get("bio", {})
    first, last = nm["first"], nm["last"]
    name = _display_name(ids.get("wikipedia"), first, last, nm.get("nickname"), nm.get("suffix"))
    p = Person(f"bioguide:{ids['bioguide']}" if ids.get("bioguide")
               else f"govtrack:{ids['govtrack']}", name)
    p.bioguide = ids.get("bioguide")
    p.wikidata = ids.get("wikidata")
    p.govtrack = str(ids["govtrack"]) if ids.get("govtrack") else None
    p.gender = bio.get("gender")
    p.birthday = _d(bio.get("birthday"))
    suffix = nm.get("suffix") or _display_suffix(name)
    p.add_variants(congress_variants(first, nm.get("middle"), last, suffix,
                                     nm.get("nickname"), nm.get("official_full"),
                                     _known_without_suffix(name, suffix)))
    return p


def _absorb_terms(p: Person, terms: list[dict]) -> None:
    p.offices = _merge_spans(p.offices + [_term_office(t) for t in terms])
    last = max(terms, key=lambda t: t.get("start") or "")
    p.party = last.get("party") or p.party
    p.country = "USA"
    if last.get("state"):
        p.state = last["state"]


def read_congress(src: Path, people: dict[str, Person]) -> None:
    """legislators-current.yaml, legislators-historical.csv, executive.yaml -> people."""
    for rec in _yaml(src / "us-congress" / "legislators-current.yaml"):
        p = _person_from_yaml(rec)
        _absorb_terms(p, rec["terms"])
        people[p.key] = p
    with (src / "us-congress" / "legislators-historical.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = f"bioguide:{row['bioguide_id']}"
            if not row["bioguide_id"] or key in people:
                continue
            first, last = row["first_name"], row["last_name"]
            name = _display_name(row.get("wikipedia_id"), first, last, row.get("nickname"),
                                 row.get("suffix"))
            p = Person(key, name)
            p.bioguide = row["bioguide_id"]
            p.govtrack = row.get("govtrack_id") or None
            p.gender = row.get("gender") or None
            p.birthday = _d(row.get("birthday"))
            suffix = row.get("suffix") or _display_suffix(name)
            p.add_variants(congress_variants(first, row.get("middle_name") or None, last,
                                             suffix, row.get("nickname") or None,
                                             row.get("full_name") or None,
                                             _known_without_suffix(name, suffix)))
            # the historical file gives the last term without dates: an undated office
            p.offices.append(Office(role=ROLE_OF_TERM[row["type"]], start=None, end=None,
                                    country="USA", state=row.get("state") or None,
                                    party=row.get("party") or None))
            p.party = row.get("party") or None
            p.country = "USA"
            p.state = row.get("state") or None
            people[key] = p
    for rec in _yaml(src / "us-congress" / "executive.yaml"):
        ids = rec["id"]
        key = (f"bioguide:{ids['bioguide']}" if ids.get("bioguide")
               else f"govtrack:{ids['govtrack']}")
        fresh = _person_from_yaml(rec)
        p = people.get(key)
        if p is None:
            p = people[key] = fresh
        else:
            p.wikidata = p.wikidata or fresh.wikidata
            p.add_variants([fresh.name] + fresh.variants)
            # an undated historical congress office is kept; dated executive terms join it
        # executive terms carry no state; keep the congress state
        state = p.state
        _absorb_terms(p, rec["terms"])
        p.state = state


# ---------------------------------------------------------------- matching by name + dates

class NameIndex:
    """(first-name form, surname) -> people, for joining cabinet/Phoenix people to congress."""

    def __init__(self, people: Iterable[Person]):
        self.index: dict[tuple[str, str], list[Person]] = {}
        for p in people:
            self.add(p)

    def add(self, p: Person) -> None:
        seen: set[tuple[str, str]] = set()
        for n in [p.name, *p.variants]:
            words, _suffix = name_tokens(n)
            if len(words) < 2:
                continue
            for s in surname_keys(n):
                k = (words[0], s)
                if k not in seen:
                    seen.add(k)
                    self.index.setdefault(k, []).append(p)

    def find(self, name: str) -> list[Person]:
        words, _suffix = name_tokens(name)
        if len(words) < 2:
            return []
        out: list[Person] = []
        for s in surname_keys(name):
            for f in sorted(first_name_forms(words[0])):
                for p in self.index.get((f, s), []):
                    if p not in out:
                        out.append(p)
        return out


def _plausible(p: Person, start: date | None) -> bool:
    """Was ``p`` of working age (25 to 90) at ``start``? Unknown birthdays pass."""
    if start is None or p.birthday is None:
        return True
    age = (start - p.birthday).days / 365.25
    return 25 <= age <= 90


def _overlaps_or_near(p: Person, start: date | None) -> bool:
    if start is None:
        return True
    for o in p.offices:
        margin = timedelta(days=365 * 40)
        if o.start and o.end and o.start - margin <= start <= o.end + margin:
            return True
    return not any(o.start for o in p.offices)


def pick(candidates: list[Person], name: str, start: date | None) -> Person | None:
    """The one candidate that fits ``name`` and the date, or None when none or several do.

    Several fit: the ones with an office dated within 12 years of ``start`` win,
    then the ones with ``name`` among their written forms (whole
    name, then first name + surname, suffix included), then the ones whose own
    name is ``name`` ("Howard Baker", not "Howard Baker Sr."), then the ones aged
    30 to 80 at ``start``.
    """
    fit = [p for p in candidates if _plausible(p, start) and _overlaps_or_near(p, start)]
    narrowing = (
        lambda p: start is not None and any(
            o.start and abs((o.start - start).days) < 365 * 12 for o in p.offices),
        lambda p: full_key(name) in {full_key(v) for v in [p.name, *p.variants]},
        lambda p: loose_key(name) in {loose_key(v) for v in [p.name, *p.variants]},
        lambda p: full_key(p.name) == full_key(name),
        lambda p: (start is None or p.birthday is None
                   or 30 <= (start - p.birthday).days / 365.25 <= 80),
    )
    for test in narrowing:
        if len(fit) <= 1:
            break
        narrowed = [p for p in fit if test(p)]
        if narrowed:
            fit = narrowed
    return fit[0] if len(fit) == 1 else None


# ---------------------------------------------------------------- cabinet

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _us_date(text: str) -> date | None:
    """'1/21/09' -> 2009-01-21, 'Aug. 1981' -> 1981-08-01; placeholders ('Bush admin') -> None."""
    text = text.strip()
    m = re.fullmatch(r"(\d+)/(\d+)/(\d+)", text)
    if m:
        month, day, y = (int(x) for x in m.groups())
        y += 1900 if y >= 50 else 2000
        return date(y, month, day)
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text)
    if m and m.group(1).lower() in _MONTHS:
        return date(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
    return None


def _administration_end(people: dict[str, Person], president: str,
                        start: date | None) -> date | None:
    """When the administration that a 'Still in office' row belongs to ended (or None)."""
    ends = [o.end for p in people.values() for o in p.offices
            if o.role == "president" and o.end and p.name.split()[-1] == president.split()[0]
            and (start is None or o.start is None or o.start <= start)]
    later = [e for e in ends if start is None or e > start]
    return min(later) if later else None


def read_cabinet(src: Path, people: dict[str, Person]) -> None:
    """cabinet-turnover.csv rows join the matching congress/executive person or add one.

    A tenure that spans two administrations is two rows whose inner dates read
    "Bush admin"/"Obama admin": they become one office. "Still in office" (the
    table stops in Feb 2023) ends with that president's term in executive.yaml.
    """
    index = NameIndex(people.values())
    with (src / "cabinet" / "cabinet-turnover.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    spans: dict[tuple[str, str], list] = {}
    for row in rows:
        name = row["appointee"].strip()
        position = row["position"].strip()
        role = CABINET_ROLES["/".join(" ".join(name_tokens(part.replace("&", " "))[0])
                                      for part in position.split("/"))]
        start, end = _us_date(row["start_date"]), _us_date(row["end_date"])
        if end is None and row["end_date"].strip().lower() == "still in office":
            end = _administration_end(people, row["president"], start)
        p = pick(index.find(name), name, start)
        if p is None:
            key = "cabinet:" + full_key(name).upper().replace(" ", "_")
            p = people.get(key)
            if p is None:
                p = people[key] = Person(key, name)
                p.country = "USA"
                p.gender = {"Male": "M", "Female": "F"}.get(row.get("gender", ""))
                p.add_variants(_without_middle(name))
                index.add(p)
        else:
            p.add_variants([name])
        if role == "vice president" and any(o.role == role for o in p.offices):
            continue  # executive.yaml has the terms
        spans.setdefault((p.key, role), []).append((start, end, position))
    for (key, role), rows_ in spans.items():
        p = people[key]
        rows_.sort(key=lambda r: (r[0] or date.max))
        merged: list[list] = []
        for start, end, title in rows_:
            if merged and (merged[-1][1] is None or start is None):
                # "X admin" placeholders: the next row continues the same tenure
                merged[-1][1] = end
                continue
            merged.append([start, end, title])
        for start, end, title in merged:
            p.offices.append(Office(role=role, start=start, end=end, country="USA", state=None,
                                    party=None, title=title))


def _without_middle(name: str) -> list[str]:
    words = name.split()
    if len(words) >= 3 and len(words[1].rstrip(".")) == 1:
        return [" ".join([words[0], *words[2:]])]
    return []


# ---------------------------------------------------------------- Phoenix actors

_ROLE_LINE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]")
_TITLE_WORDS = frozenset(
    "president vice prime minister secretary of state defense defence the us u.s. united "
    "states american mr mr. mrs mrs. ms ms. dr dr. senator sen sen. gov gov. governor general "
    "gen gen. former elect president-elect vice-president chancellor king queen prince "
    "ambassador attorney foreign interior premier leader chief sir lord lady dame "
    "british uk u.k. french german russian chinese israeli palestinian iraqi iranian "
    "syrian egyptian japanese indian pakistani afghan chairman chairwoman commander "
    "commander-in-chief in minister's cia fbi director national security advisor adviser "
    "homeland treasury un u.n. to representative trade justice sheikh emir kanzler "
    "bundeskanzler presidente president's ministre premier's dr. mister madame monsieur "
    "herr frau senor senora".split())


def _phoenix_name(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    out = []
    for w in words:
        if re.fullmatch(r"(?:[A-Za-z]\.)+,?", w):  # initials: "H.R.", "J."
            out.append(w.upper())
            continue
        t = w.capitalize() if not w.endswith(".") or len(w) > 2 else w.upper()
        t = re.sub(r"(?<=[-'])([a-z])", lambda m: m.group(1).upper(), t)
        if t.startswith("Mc") and len(t) > 2:
            t = "Mc" + t[2].upper() + t[3:]
        if t.rstrip(",").lower() in ("ii", "iii", "iv"):
            t = t.upper()
        out.append(t)
    return " ".join(out)


def _clean_variant(raw: str, canonical: str) -> str | None:
    """A Phoenix synonym as a person name, or None: titles stripped, same surname required."""
    text = raw.split("#")[0].strip()
    if not text or re.search(r"ADMINISTRATION|GOVERNMENT|REGIME|CAMP|SUPPORTERS|FAMILY",
                             text.upper()):
        return None
    words = _phoenix_name(text).split()
    own = {w.casefold() for w in canonical.split()[:-1]}
    first_own = next((i for i, w in enumerate(words[:-1]) if w.casefold() in own), None)
    if first_own:  # "Deputy Secretary Of State William J. Burns" -> "William J. Burns"
        words = words[first_own:]
    while words and words[0].casefold() in _TITLE_WORDS:
        words = words[1:]
    if len(words) < 2:
        return None
    variant = " ".join(words)
    want = surname_keys(canonical)
    if not want or surname_keys(variant) != want:
        return None
    return variant


def _phoenix_date(text: str) -> date | None:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    if len(text) == 9 and text.startswith(("19", "20")):
        text = text[:8]  # a stray digit in the source (">201005011")
    if len(text) != 8:
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _phoenix_span(text: str) -> tuple[date | None, date | None] | None:
    """'970502-070627' / '>090120' / '<090120' / '' -> (start, end); None if unreadable."""
    text = text.split("#")[0].strip()
    if not text:
        return (None, None)
    if text.startswith(">"):
        return (_phoenix_date(text[1:]), None)
    if text.startswith("<"):
        return (None, _phoenix_date(text[1:]))
    if "-" in text:
        a, b = text.split("-", 1)
        start, end = _phoenix_date(a), _phoenix_date(b)
        if start is None or end is None:
            return None
        return (start, end) if start <= end else (end, start)
    start = _phoenix_date(text)
    return (start, None) if start else None


class PhoenixActor:
    def __init__(self, raw: str, section: str | None, country_block: str | None, person: bool):
        self.raw = raw
        self.section = section
        self.country_block = country_block
        self.person = person
        self.synonyms: list[str] = []
        self.roles: list[tuple[str, list[str], tuple[date | None, date | None]]] = []


def parse_phoenix_countries(
        path: Path) -> tuple[list[PhoenixActor], list[tuple[str, str, list[str]]]]:
    """(person actors, country blocks (code, name, synonyms)) of Phoenix.Countries.actors.txt."""
    actors: list[PhoenixActor] = []
    countries: list[tuple[str, str, list[str]]] = []
    section: str | None = None
    country: str | None = None
    current: PhoenixActor | None = None
    current_country: tuple[str, str, list[str]] | None = None
    text = path.read_bytes().decode("utf-8", errors="replace")
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            text = line.lstrip("#").strip()
            heading = text.lower().replace(".", "")
            if heading in PHOENIX_SECTION_ROLES:
                section = PHOENIX_SECTION_ROLES[heading]
            elif (re.search(r"[a-z]", text) and "_" not in text and not text.startswith("[")
                  and "listed above" not in heading):
                section = None  # another heading ends a list of office holders; a
                # commented-out entry ("#HENRY_CABOT_LODGE_ ...") does not
            continue
        if line[0] in " \t":
            if current is not None:
                for m in _ROLE_LINE.finditer(line.split("#")[0]):
                    span = _phoenix_span(m.group(3))
                    sectors = [m.group(2)[i:i + 3] for i in range(0, len(m.group(2)), 3)]
                    if span is not None:
                        current.roles.append((m.group(1), sectors, span))
            continue
        if line.startswith("+"):
            if current is not None:
                current.synonyms.append(line[1:].split("#")[0].strip())
            elif current_country is not None:
                current_country[2].append(line[1:].split("#")[0].strip())
            continue
        body, _, comment = line.partition("#")
        m = re.match(r"^(\S[^\[]*?)\s*\[([A-Z]{3})\]\s*$", body)
        if m:  # a country block: NAME_  [CCC]
            country = m.group(2)
            section = None
            current = None
            current_country = (country, m.group(1), [])
            countries.append(current_country)
            continue
        current_country = None
        name = body.strip()
        inline = _ROLE_LINE.findall(name)
        name = _ROLE_LINE.sub("", name).strip()
        current = PhoenixActor(name, section, country, "CountryInfo" in comment)
        for code, sec, span_text in inline:
            span = _phoenix_span(span_text)
            if span is not None:
                current.roles.append((code, [sec[i:i + 3] for i in range(0, len(sec), 3)], span))
        actors.append(current)
    people = []
    for a in actors:
        bare = [code for code, sectors, _span in a.roles if not sectors]
        if not a.person and bare:
            # "IRAQ_ / +BAGHDAD_ ... / [IRQ <20030320] ...": a country block with its code last
            countries.append((bare[-1], a.raw, a.synonyms))
        elif _is_person_actor(a):
            people.append(a)
    return people, countries


def _is_person_actor(a: PhoenixActor) -> bool:
    if a.person:
        return True
    # entries without the CountryInfo mark: people have dated roles and a two-word name
    dated = any(span != (None, None) for _c, _s, span in a.roles)
    return dated and len(a.raw.strip("_").split("_")) >= 2 and a.section is not None


def _phoenix_offices(a: PhoenixActor) -> list[Office]:
    has_eli = any(sectors[:1] == ["ELI"] for _c, sectors, _s in a.roles)
    gov_spans = [span for _c, sectors, span in a.roles if sectors == ["GOV"] and span[0]]
    out: list[Office] = []
    for code, sectors, (start, end) in a.roles:
        if not sectors or sectors[0] == "ELI" or sectors[0] not in PHOENIX_SECTORS:
            continue
        title = code + "".join(sectors)
        role = PHOENIX_SECTORS[sectors[0]]
        if a.section and sectors == ["GOV"] and (has_eli or start and start.day != 1) \
                and start is not None:
            # a Jan-1 start overlapping another GOV span is the government listing, not the office
            generic = (start.month, start.day) == (1, 1) and any(
                s != (start, end) and s[0] and (s[1] is None or s[1] > start)
                and (end is None or s[0] < end) for s in gov_spans)
            if not generic:
                role = a.section
        elif not a.section and sectors == ["GOV"] and start is not None and start.day != 1:
            # the government listings run month by month (1st to month end); a span that
            # starts mid-month comes from the list of rulers: head of state or government
            role = "leader"
        out.append(Office(role=role, start=start, end=end, country=code, state=None,
                          party=None, title=title))
    return _merge_spans(out, gap_days=31)


def read_phoenix(src: Path, people: dict[str, Person]) -> list[tuple[str, str, list[str]]]:
    """Phoenix world leaders join US people by name + dates, or become phoenix:NAME entries."""
    actors, countries = parse_phoenix_countries(src / "petrarch2" / "Phoenix.Countries.actors.txt")
    index = NameIndex(p for p in people.values() if p.country == "USA")
    same: dict[tuple[str | None, str], Person] = {}
    for a in actors:
        raw_id = a.raw.strip().strip("_").replace(" ", "_")
        name = _phoenix_name(a.raw)
        offices = _phoenix_offices(a)
        codes = sorted({o.country for o in offices if o.country})
        country = (a.country_block if a.country_block in codes or not codes
                   else codes[0])
        variants = [v for v in (_clean_variant(s, name) for s in a.synonyms) if v]
        if len(name.split()) < 2 and not any(o.role != "government" for o in offices):
            continue  # one word ("Mauwilliamson", glued in the source) and no leader role
        if country == "USA" or (not codes and a.country_block == "USA"):
            starts = [o.start for o in offices if o.start]
            p = pick(index.find(name), name, min(starts) if starts else None)
            if p is not None:
                p.add_variants([name, *variants])
                continue
        key = f"phoenix:{raw_id}"
        if key in people and people[key].country != country:
            key = f"phoenix:{raw_id}@{country}"
        # the same person listed twice in one country ("DMITR_MEDVEDEV", "C.P._THAKUR" /
        # "C._P._THAKUR"): a shared written form joins them to the first listing
        keys = {(country, full_key(n)) for n in [name, *variants]}
        p = people.get(key) or next((same[k] for k in sorted(keys) if k in same), None)
        if p is None:
            p = people[key] = Person(key, name)
            p.phoenix = key.split(":", 1)[1]
            p.country = country
        p.add_variants([name, *variants])
        p.offices.extend(offices)
        for k in keys:
            same.setdefault(k, p)
        if country == "USA":
            index.add(p)
    return countries


# ---------------------------------------------------------------- words: places, groups, roles

_DEMONYM = re.compile(r"(ians?|ese|ish|[^o]mans?|men|women|ans)$")


def build_words(src: Path, countries: list[tuple[str, str, list[str]]]) -> dict[str, Any]:
    """Places (country names and synonyms: capitals, cities), groups (demonyms), role words."""
    places: set[str] = set()
    groups: set[str] = set()
    for _code, name, synonyms in countries:
        places.add(full_key(name.replace("_", " ")))
        for s in synonyms:
            k = full_key(s.replace("_", " "))
            if not k:
                continue
            if _DEMONYM.search(k) and " " not in k:
                groups.add(k)  # "englishman", "pakistanis"; "afghan" stays a place and
                # is_group("Afghans") finds it as the plural of a place word
            else:
                places.add(k)
    for state in US_STATES.values():
        places.add(full_key(state))
    places.update(full_key(p) for p in EXTRA_PLACES)
    groups.update(full_key(g) for g in EXTRA_GROUPS)
    agents: dict[str, str] = {}
    for line in (src / "petrarch2" / "Phoenix.agents.txt").read_text(
            encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0].strip()
        m = re.match(r"^([A-Z][A-Z0-9_'\-. ]*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m or "!" in line:
            continue
        noun = full_key(m.group(1).replace("_", " "))
        if (noun and not _INSTITUTION.search(noun) and not _EQUIPMENT.search(noun)
                and noun not in NOT_ROLES and noun.split()[0] not in ROLE_MODIFIERS):
            agents[noun] = noun
    roles = dict(agents)
    roles.update(ROLE_WORDS)
    places -= {""}
    groups -= {""}
    return {"schema": SCHEMA, "places": sorted(places), "groups": sorted(groups),
            "roles": dict(sorted(roles.items()))}


_EQUIPMENT = re.compile(
    r"[0-9]|\b(aircraft|carrier|plane|planes|jet|jets|helicopter|tank|tanks|missile|missiles|"
    r"ship|ships|vessel|boat|submarine|warship|drone|bomb|bombs|weapon|weapons|rifle|gun|guns|"
    r"airline|airliner|airway|aerospace|business|businesses|company|firm|industry|apache|"
    r"dragonfly|artillery|vehicle|vehicles|convoy|fleet|satellite|rocket|rockets|"
    r"ammunition|explosive|explosives|mine|mines|at|for|to)\b")
_INSTITUTION = re.compile(
    r"\b(ministry|ministries|council|assembly|body|chamber|government|palace|regime|sector|"
    r"office|department|agency|commission|bureau|court|legislature|parliament|administration|"
    r"cabinet|party|force|forces|army|navy|police|service|services|authority|committee|"
    r"board|union|organization|organisation|group|movement|front|plane|bomber|fighter|"
    r"battalion|brigade|unit|corps|station|camp|prison|jail|school|university|company|"
    r"bank|industry|media|press|newspaper|network|church|mosque|temple|tribunal|senate|"
    r"house|congress|state|people|families|family)s?\b")


# ---------------------------------------------------------------- assemble and write

def apply_curated(entries: dict[str, KBEntry], path: Path) -> None:
    """Merge the shipped curation file (same format as --aliases) into ``entries``.

    An entry with a new id is added. An entry with an existing id adds its
    variants, replaces the offices of the same role and country, and sets the
    fields it gives. An id that looks like a source id but is not there fails
    the build, so a renamed source record is noticed.
    """
    records = json.loads(path.read_text(encoding="utf-8"))
    for i, d in enumerate(records):
        e = entry_from_dict(d, f"{path.name}[entry {i}]")
        old = entries.get(e.id)
        if old is None:
            if not e.id.startswith("curated:"):
                raise KnowledgeBaseError(f"{path.name}[entry {i}]", f"id {e.id!r} is not in "
                                         "the sources; use a curated:NAME id for a new person")
            entries[e.id] = e
            continue
        replaced = {(o.role, o.country) for o in e.offices}
        offices = [o for o in old.offices if (o.role, o.country) not in replaced] + list(e.offices)
        entries[e.id] = replace(
            old, name=e.name,
            variants=tuple(v for v in dict.fromkeys(old.variants + e.variants + (old.name,))
                           if full_key(v) != full_key(e.name)),
            gender=e.gender or old.gender, party=e.party or old.party,
            offices=tuple(sorted(set(offices), key=_office_order)),
            country=e.country or old.country, state=e.state or old.state,
            wikidata=e.wikidata or old.wikidata, bioguide=e.bioguide or old.bioguide)


def _demote_conflicting_phoenix_offices(entries: dict[str, KBEntry]) -> None:
    """A Phoenix office (title "USAGOV") that overlaps another person's dated holding of
    the same US office by more than a month is a deputy's listing: it becomes
    "government". Congress, executive and cabinet records are the authority."""
    held: dict[str, list[tuple[str, Office]]] = {}
    for e in entries.values():
        for o in e.offices:
            if o.country == "USA" and o.start and not _from_phoenix(o):
                held.setdefault(o.role, []).append((e.id, o))
    for kb_id, e in list(entries.items()):
        changed = False
        offices = []
        for o in e.offices:
            if _from_phoenix(o) and o.country == "USA" and o.role in held and o.start:
                end = o.end or date.max
                for other_id, h in held[o.role]:
                    h_end = h.end or date.max
                    overlap = (min(end, h_end) - max(o.start, h.start)).days
                    if other_id != kb_id and overlap > 31:
                        o = replace(o, role="government")
                        changed = True
                        break
            offices.append(o)
        if changed:
            entries[kb_id] = replace(e, offices=tuple(sorted(set(offices), key=_office_order)))


def _from_phoenix(o: Office) -> bool:
    return bool(o.title) and re.fullmatch(r"[A-Z]{6,}", o.title or "") is not None


def build(src: Path, curated: Path | None = CURATED_FILE) -> tuple[list[KBEntry], dict[str, Any]]:
    """All people of the sources (plus the curation file), sorted by id, and the words."""
    people: dict[str, Person] = {}
    read_congress(src, people)
    read_cabinet(src, people)
    countries = read_phoenix(src, people)
    entries: dict[str, KBEntry] = {}
    for p in people.values():
        e = p.to_entry()
        if e.id in entries:  # two source records with one Wikidata id: keep both office lists
            old = entries[e.id]
            e = replace(old, variants=tuple(dict.fromkeys(old.variants + (e.name,) + e.variants)),
                        offices=tuple(sorted(set(old.offices + e.offices), key=_office_order)))
        entries[e.id] = e
    _demote_conflicting_phoenix_offices(entries)
    if curated is not None:
        apply_curated(entries, curated)
    ordered = [entries[k] for k in sorted(entries)]
    return ordered, build_words(src, countries)


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _gzip(raw: bytes) -> bytes:
    """gzip with no timestamp or file name, so equal input gives equal bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    return buf.getvalue()


def write(entries: list[KBEntry], words: dict[str, Any], out: Path) -> list[Path]:
    """Write people.jsonl.gz and words.json.gz into ``out``.

    people.jsonl.gz is one JSON document a line, so a loader parses only what
    it uses: line 1 the header, line 2 the ids, lines 3-7 the name and role
    indices (``full``, ``loose``, ``surname``, ``role``: key ->
    row number or list of row numbers), then one entry row a line.
    """
    out.mkdir(parents=True, exist_ok=True)
    index: dict[str, dict[str, list[int]]] = {k: {} for k in INDEX_NAMES}
    for i, e in enumerate(entries):
        entry_from_dict(entry_to_dict(e), f"{PEOPLE_FILE}[entry {i}]")  # the curation schema
        keys = index_keys([e.name, *e.variants]) + ({o.role for o in e.offices},)
        for name, ks in zip(INDEX_NAMES, keys):
            for k in ks:
                index[name].setdefault(k, []).append(i)
    header = {"schema": SCHEMA, "count": len(entries), "fields": list(ENTRY_KEYS),
              "lines": ["header", "ids", *INDEX_NAMES, "entries..."]}
    lines = [header, [e.id for e in entries]]
    lines += [{k: (v[0] if len(v) == 1 else v) for k, v in sorted(index[name].items())}
              for name in INDEX_NAMES]
    lines += [entry_to_row(e) for e in entries]
    text = "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for x in lines)
    paths = []
    for name, data in ((PEOPLE_FILE, text.encode("utf-8")), (WORDS_FILE, _json_bytes(words))):
        path = out / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(_gzip(data))
        tmp.replace(path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphbuild.kb.build",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="?", default=str(DEFAULT_SOURCES),
                        help="folder with us-congress/, cabinet/, petrarch2/ "
                             "(default: %(default)s)")
    parser.add_argument("--out", default=str(PACKAGE_DIR),
                        help="where to write people.jsonl.gz and words.json.gz "
                             "(default: the package folder)")
    args = parser.parse_args(argv)
    src = Path(args.sources)
    for sub in ("us-congress", "cabinet", "petrarch2"):
        if not (src / sub).is_dir():
            print(f"{src / sub}: not found; give the sources folder as the first argument",
                  file=sys.stderr)
            return 2
    entries, words = build(src)
    for path in write(entries, words, Path(args.out)):
        print(f"{path}: {path.stat().st_size} bytes")
    print(f"{len(entries)} people, {len(words['places'])} places, {len(words['groups'])} "
          f"groups, {len(words['roles'])} role words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
