"""Linking: each person an article names gets a knowledge-base entry, or none.

The stage after in-article clustering (``graphbuild.extract.mentions``). Its
input is one ``PersonCues`` record per person of an article (names, roles and
the words written around them) and the article's date; its output is the
``Person`` each stands for, or None for a cluster that is nobody (a place, a
group, a title alone, an unnamed role nobody held). Nothing here sees spaCy.

How a person is linked (``graphbuild.kb``):

- candidates: entries with the name (or its variants), with the same first
  name (nicknames allowed) and surname, or, for a bare surname, that surname;
  a suffix must agree (Donald Trump Jr. is not Donald Trump), and so must
  gender and written middle initials (George W. is not George H. W. Bush);
- evidence: a role word the article gives the person ("Sen.", "Attorney
  General", "the former governor of Alabama") that one of the entry's
  offices has (more if held on the article's date), a state ("R-Texas",
  "Alabama Republican"), a party, an office held on the article's date;
- the choice: one candidate, or the one with the most evidence; a bare
  surname links only with evidence or when one candidate served near the
  article's date. Anything else stays unlinked: a wrong link gives one
  person's acts to another.
- unnamed roles ("the president", "the attorney general") with no named
  holder in the article go to whoever held the role on the article's date;
  an undated article gets a holder only when the role ever had just one.

A linked person's id is ``naming.person_id`` of the entry's name (so ids stay
readable and stable), made unique when the KB holds two people whose names
give one id ("George H. W. Bush" and "George W. Bush"): the full name's
words, else the KB id appended.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from typing import Iterable, Sequence

from .naming import clean_name, lookup_key, person_id, split_name
from .records import Person, PersonCues

# AP-style state abbreviations as written in "(R-Ala.)" and in datelines.
_AP_STATES = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "nh": "NH",
    "nj": "NJ",
    "nm": "NM",
    "ny": "NY",
    "nc": "NC",
    "nd": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "ri": "RI",
    "sc": "SC",
    "sd": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "wva": "WV",
    "wis": "WI",
    "wyo": "WY",
    "dc": "DC",
}
# The tag right after a name: "Sessions (R-Texas)", "Sessions, R-Ala.,".
_OWN_TAG = re.compile(r"^\s*[(,]\s*([RDI])\s*-\s*([A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?)")
_PARTY_WORDS = {
    "republican": "republican",
    "republicans": "republican",
    "gop": "republican",
    "democrat": "democrat",
    "democratic": "democrat",
    "democrats": "democrat",
    "independent": "independent",
}
_FOREIGN = frozenset(
    {
        "french",
        "british",
        "uk",
        "u.k.",
        "russian",
        "chinese",
        "german",
        "israeli",
        "iranian",
        "turkish",
        "mexican",
        "canadian",
        "japanese",
        "korean",
        "ukrainian",
        "saudi",
        "indian",
        "italian",
        "spanish",
        "syrian",
        "afghan",
        "iraqi",
        "egyptian",
        "palestinian",
        "venezuelan",
        "cuban",
        "brazilian",
        "state",
        "former",
        "late",
        "then",
        "previous",
        "next",
        "future",
        "last",
        "new",
    }
)
# A bare surname links to a single candidate only if they held office this close to the date.
_NEAR_YEARS = 8


def _kb():
    from .kb import load_kb

    return load_kb()


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _states(cues: PersonCues) -> set[str]:
    """US states (postal codes) written around a person: "(R-Texas)", "Alabama Sen.", "of Ohio"."""
    from .kb.tables import US_STATES

    by_name = {v.lower(): k for k, v in US_STATES.items()}
    found: set[str] = set()
    text = " ".join(cues.context)
    for c in cues.context:
        m = _OWN_TAG.match(c)
        if m:
            found |= _state_of(m.group(2), by_name)
    words = [w.strip(".,;:()").lower() for w in (*cues.words, *text.split())]
    for i, w in enumerate(words):
        two = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        if two in by_name:
            found.add(by_name[two])
        elif w in by_name:
            found.add(by_name[w])
    return found


def _state_of(word: str, by_name: dict[str, str]) -> set[str]:
    w = word.strip().rstrip(".").lower()
    if w in by_name:
        return {by_name[w]}
    key = w.replace(".", "").replace(" ", "")
    if key in _AP_STATES:
        return {_AP_STATES[key]}
    return set()


def _parties(cues: PersonCues) -> set[str]:
    found = {_PARTY_WORDS[w] for w in cues.words if w in _PARTY_WORDS}
    for c in cues.context:
        m = _OWN_TAG.match(c)
        if m:
            found.add({"R": "republican", "D": "democrat", "I": "independent"}[m.group(1)])
    return found


def _party_of(text: str | None) -> str | None:
    t = (text or "").lower()
    if t.startswith("republican"):
        return "republican"
    if t.startswith("democrat"):
        return "democrat"
    if t.startswith("independent"):
        return "independent"
    return None


def _roles(cues: PersonCues, kb) -> set[str]:
    roles: set[str] = set()
    for r in (*cues.roles, *cues.words):
        found = kb.role_of(r)
        if found:
            roles.add(found)
    return roles


def _near(entry, day: date | None, years: int) -> bool:
    """True if one of ``entry``'s offices was held within ``years`` of ``day`` (undated: any)."""
    if day is None:
        return True
    for o in entry.offices:
        start = o.start or o.end
        end = o.end or (None if o.start else None)
        if start is None and end is None:
            continue
        lo = start.year if start else -(10**6)
        hi = end.year if end else 10**6
        if lo - years <= day.year <= hi + years:
            return True
    return False


def _held(entry, day: date | None) -> bool:
    return day is not None and any(o.held_on(day) for o in entry.offices)


def _compatible(name: str, entry, gender: str | None) -> bool:
    mine = split_name(name)
    theirs = split_name(entry.name)
    # Donald Trump Jr. is not Donald Trump, nor Robert F. Kennedy Jr. his father;
    # Robert S. Mueller III is the KB's Robert Mueller when a variant says so.
    if (
        mine.suffix
        and mine.suffix != theirs.suffix
        and not any(split_name(v).suffix == mine.suffix for v in entry.variants)
    ):
        return False
    if not mine.suffix and theirs.suffix in ("jr", "sr"):
        return False
    if gender and entry.gender and gender.upper() != entry.gender:
        return False
    initials = {m[:1] for m in mine.middle}
    if initials:
        # Written middle names must agree with some written form of the entry.
        # Written middle names must agree with the entry's, where the KB knows them:
        # John F. Kennedy is not John (Neely) Kennedy.
        known = [{m[:1] for m in f.middle} for f in map(split_name, (entry.name, *entry.variants)) if f.middle]
        if known and not any(k >= initials for k in known):
            return False
    return True


def _of_the_time(name: str, entry, day: date | None) -> bool:
    """Someone who served long before the article is only named by their full written name:
    "Charles Kennedy" in 2005 is not Charles A. Kennedy (House, 1907-1921)."""
    from .kb.names import full_key

    if not entry.offices or any(_weight(o.role) >= 4 for o in entry.offices):
        return True  # presidents and vice presidents are named in every era
    if (day is not None and _near(entry, day, 40)) or (day is None and _modern(entry)):
        return True
    # The KB's own name, or a variant fuller than first and last name ("Charles Kennedy"
    # is a variant of Charles A. Kennedy that proves nothing).
    return full_key(name) in {
        full_key(n) for n in (entry.name, *entry.variants) if n == entry.name or len(n.split()) > 2
    }


def candidates(name: str, kb) -> tuple[list, bool]:
    """KB entries ``name`` may denote, and whether ``name`` is a full name (not a surname alone)."""
    p = split_name(name)
    found = {e.id: e for e in kb.by_name(name)}  # the name or a variant ("Don Jr.", "Jeb")
    if p.first and p.last:
        for e in kb.by_first_last(p.first, p.last):
            found.setdefault(e.id, e)
        if not found and not p.middle:
            # Two words may be a double surname: "Wasserman Schultz".
            tail = " " + lookup_key(name)
            return [e for e in kb.by_surname(p.last) if (" " + lookup_key(e.name)).endswith(tail)], False
        return list(found.values()), True
    if found and not p.last:
        return list(found.values()), True  # a first name with a suffix the KB knows: "Don Jr."
    if p.last:
        for e in kb.by_surname(p.last):
            found.setdefault(e.id, e)
    return list(found.values()), False


def score(entry, cues: PersonCues, day: date | None, kb, exact: bool) -> float:
    """How much the article says ``cues`` is ``entry``."""
    s = 0.0
    if exact:
        s += 2.0  # the name as written outweighs a namesake in office that day (Al Gore)
    roles = _roles(cues, kb)
    matched = [o for o in entry.offices if o.role in roles]
    if matched:
        s += 3.0 + (1.0 if any(_held_office(o, day) for o in matched) else 0.0)
    states = _states(cues)
    if states and any(o.state in states for o in entry.offices if o.state) or (states and entry.state in states):
        s += 2.0
    parties = _parties(cues)
    theirs = {_party_of(entry.party)} | {_party_of(o.party) for o in entry.offices}
    theirs.discard(None)
    if parties and theirs:
        s += 1.0 if parties & theirs else -2.0
    if _held(entry, day):
        s += 1.0
    return s


def _held_office(o, day: date | None) -> bool:
    return day is not None and o.held_on(day)


def choose(cues: PersonCues, day: date | None, kb):
    """The entry ``cues`` denote, or None (see the module doc)."""
    name = clean_name(cues.name)
    cands, full = candidates(name, kb)
    cands = [e for e in cands if _compatible(name, e, cues.gender) and _of_the_time(name, e, day)]
    if not cands:
        return None
    exact_keys = {lookup_key(name)} | {lookup_key(n) for n in cues.names}
    scored = sorted(
        ((score(e, cues, day, kb, exact=bool(exact_keys & _keys(e))), e.id, e) for e in cands),
        key=lambda t: (-t[0], t[1]),
    )
    best, runner_up = scored[0][0], (scored[1][0] if len(scored) > 1 else None)
    entry = scored[0][2]
    unique = runner_up is None or best > runner_up
    if full:
        return entry if unique and (len(scored) == 1 or best > 0) and best >= -0.5 else None
    # A surname alone: evidence, a single candidate who served near the article's date,
    # or the most prominent bearer of the name on that date.
    if best >= 3.0:
        return entry if unique else None
    if len(scored) == 1 and best >= 0:
        if day is not None and _near(entry, day, _NEAR_YEARS):
            return entry
        if day is None and _modern(entry):
            return entry  # undated: the one person of that surname in today's politics
        return None
    return _most_prominent(cands, day)


def _weight(role: str) -> int:
    if role == "president":
        return 5
    if role == "vice president":
        return 4
    if role in (
        "senator",
        "governor",
        "attorney general",
        "speaker of the house",
        "majority leader",
        "minority leader",
    ) or role.startswith("secretary of"):
        return 3
    if role == "representative":
        return 2
    return 1


def _most_prominent(cands: list, day: date | None):
    """A bare surname in the news names its most prominent bearer of the day: the one
    whose office near ``day`` outranks every other's by a clear step ("Trump" in 2018
    is the president, not the first lady; "Clinton" in 2016 the former secretary of
    state, her husband's presidency being 15 years past). Undated: nobody."""
    if day is None:
        return None
    ranked = []
    for e in cands:
        w = max((_weight(o.role) for o in e.offices if _office_near(o, day, _NEAR_YEARS)), default=0)
        ranked.append((w, e))
    ranked.sort(key=lambda t: -t[0])
    if ranked and ranked[0][0] >= 3 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
        return ranked[0][1]
    return None


def _office_near(o, day: date, years: int) -> bool:
    if o.start is None and o.end is None:
        return False
    lo = o.start.year if o.start else -(10**6)
    hi = o.end.year if o.end else 10**6
    return lo - years <= day.year <= hi + years


def _modern(entry) -> bool:
    """True if the entry held an office after 1990 (or holds one now)."""
    return any(
        (o.end is None and o.start is not None) or (o.end is not None and o.end.year >= 1990) for o in entry.offices
    )


def _keys(entry) -> set[str]:
    return {lookup_key(n) for n in (entry.name, *entry.variants)}


@lru_cache(maxsize=100_000)
def _id_for(kb_id: str, name: str) -> str:
    kb = _kb()
    pid = person_id(name)
    p = split_name(name)
    same = [e for e in kb.by_first_last(p.first, p.last) if person_id(e.name) == pid] if p.first else []
    if len(same) <= 1:
        return pid
    full = "-".join(re.findall(r"[a-z0-9]+", " ".join(w for w in re.findall(r"[^\W_]+", clean_name(name).lower()))))
    fulls = [e for e in same if "-".join(re.findall(r"[a-z0-9]+", clean_name(e.name).lower())) == full]
    if len(fulls) == 1:
        return full
    return f"{pid}-{kb_id.lower().replace(':', '-')}"


def person_of(entry) -> Person:
    """The ``Person`` record of a KB entry: id, name, KB id and attributes."""
    ext = tuple((k, v) for k, v in (("wikidata", entry.wikidata), ("bioguide", entry.bioguide)) if v)
    return Person(
        _id_for(entry.id, entry.name),
        entry.name,
        tuple(sorted(set(entry.variants))),
        ext,
        kb_id=entry.id,
        party=entry.party,
        offices=entry.offices,
    )


# Words in front of a one-word name that make it someone: "Mr. Wertheimer", "Sen. Lowey".
_NAMING_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "president",
        "secretary",
        "judge",
        "justice",
        "gen",
        "general",
        "speaker",
        "mayor",
        "ambassador",
        "minister",
        "chancellor",
        "director",
        "chairman",
        "chairwoman",
        "leader",
        "sgt",
        "lt",
        "col",
        "capt",
        "adm",
        "prof",
        "rev",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "emir",
        "sheikh",
        "ayatollah",
        # kin nouns tie a first name to a named person: "Tim Kaine's wife Anne"
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "mother",
        "father",
        "grandson",
        "granddaughter",
        "nephew",
        "niece",
        "uncle",
        "aunt",
        "cousin",
        "widow",
    }
)


def _lone_word(cues: PersonCues) -> bool:
    """A one-word name that the KB does not hold and no title makes someone ("Watson",
    "Ready", "Michelle"): it names nobody a reader could identify."""
    if len(clean_name(cues.name).split()) != 1:
        return False
    return not any(w.strip(".").lower() in _NAMING_TITLES for w in cues.words)


def is_nobody(name: str, kb) -> bool:
    """A "name" that is a title, place or group, not a person."""
    cleaned = clean_name(name)
    if not cleaned:
        return True
    return bool(kb.is_place(cleaned) or kb.is_group(cleaned))


def link_article(people: Sequence[PersonCues], published: str | None, kb=None) -> dict[str, Person | None]:
    """Each in-article person id -> the ``Person`` it stands for, or None (nobody)."""
    kb = kb or _kb()
    day = _day(published)
    out: dict[str, Person | None] = {}
    for cues in people:
        if cues.role_phrase is not None:
            continue
        entry = choose(cues, day, kb) if cues.name else None
        if entry is not None:
            out[cues.id] = person_of(entry)
        elif not cues.name or is_nobody(cues.name, kb) or _lone_word(cues):
            out[cues.id] = None
        else:
            name = clean_name(cues.name)
            out[cues.id] = Person(person_id(name), name, tuple(sorted(set(cues.names) - {name})))
    for cues in people:
        if cues.role_phrase is not None:
            out[cues.id] = _role_holder(cues, day, kb)
    return out


def _role_holder(cues: PersonCues, day: date | None, kb) -> Person | None:
    words = set(cues.role_phrase.split())
    if words & _FOREIGN:
        return None  # "the French president", "the former president": not today's holder here
    role = kb.role_of(cues.role_phrase)
    if not role:
        return None
    holders = list(kb.holders(role, on=day))
    if len(holders) != 1:
        return None
    return person_of(holders[0])


def link_people(people: Iterable[PersonCues], published: str | None) -> dict[str, Person | None]:
    """``link_article`` with the shipped knowledge base."""
    return link_article(list(people), published)


def kb_attributes(kb_id: str | None, entry=None) -> dict:
    """What the graph files and Neo4j keep of a linked person: KB id, ids, party, offices.

    Offices are dicts in the KB entry format (``graphbuild.kb.entry_to_dict``);
    an unknown ``kb_id`` gives only the id.
    """
    if not kb_id and entry is None:
        return {}
    if entry is None:
        entry = _kb().get(kb_id)
    if entry is None:
        return {"kb_id": kb_id}
    from .kb import entry_to_dict

    d = entry_to_dict(entry)
    out = {
        "kb_id": entry.id,
        "wikidata": entry.wikidata,
        "bioguide": entry.bioguide,
        "party": entry.party,
        "gender": entry.gender,
        "offices": d.get("offices", []),
        "variants": list(entry.variants),
    }
    return {k: v for k, v in out.items() if v not in (None, [], "")}


@cache
def version() -> str:
    """A hash of what decides links: this module, the naming rule and the knowledge base's code and data.

    Part of the edge cache's fingerprint (``graphbuild.incremental``): a new KB re-links.
    """
    import hashlib
    from pathlib import Path

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = [here / "linking.py", here / "naming.py"] + sorted((here / "kb").glob("*"))
    for path in files:
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=65536)
def known_person(name: str) -> bool:
    """Whether the knowledge base holds a person of this full name: for the people step,
    where a word that usually names an organisation ("Fox", "Church", "House") is still a
    person's surname in "Liam Fox" or "Frank Church".

    >>> known_person("Liam Fox"), known_person("Fox News")
    (True, False)
    """
    return bool(_kb().by_name(name))


@lru_cache(maxsize=256)
def nth_holder(role: str, n: int) -> str | None:
    """The name of the n-th US president or vice president ("the 41st president"),
    counting terms by start date (Cleveland is the 22nd and the 24th).

    >>> nth_holder("president", 41), nth_holder("president", 24), nth_holder("president", 99)
    ('George H. W. Bush', 'Grover Cleveland', None)
    """
    if role not in ("president", "vice president") or n < 1:
        return None
    terms = sorted(
        (o.start, e.name)
        for e in _kb().holders(role, None)
        for o in e.offices
        if o.role == role and o.country in (None, "USA") and o.start is not None
    )
    order: list[str] = []
    for _, name in terms:
        if not order or order[-1] != name:
            order.append(name)
    return order[n - 1] if n <= len(order) else None


def sitting_namesake(published: str | None):
    """For the people step: ``surname -> (name, "m"/"f")`` of the president or vice
    president in office on the article's date who has that surname, else None."""
    day = _day(published)
    if day is None:
        return None
    return lambda surname: _sitting(surname.lower(), day)


@lru_cache(maxsize=4096)
def _sitting(surname: str, day: date):
    kb = _kb()
    for role in ("president", "vice president"):
        for e in kb.holders(role, on=day):
            if split_name(e.name).last == surname:
                return e.name, (e.gender or "").lower() or None
    return None
