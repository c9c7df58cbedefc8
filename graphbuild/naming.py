"""The one rule for naming a person and for finding a person by name.

Everything that shows or looks up a person uses this module: extraction and
linking (ids and names), the cross-article merge, the graph files, Neo4j
(``lookup`` keys on Person nodes, matched against ``lookup_key`` of a query
parameter), ``render --focus`` and the map's search (the ``lookup`` node
attribute of graph.json).

Naming:

- ``clean_name``: a written name without titles in front ("Moderator Martha
  Raddatz" -> "Martha Raddatz"), possessives, and words doubled by scrapers
  ("Trump Trump" -> "Trump", "Donald Trump Donald" -> "Donald Trump");
- ``canonical_name``: of several names of one person, the fullest (most
  words, then most letters, then the alphabetically first): order-independent;
- ``person_id``: a stable id from a name: its words without middle initials,
  a generational suffix kept ("Donald Trump Jr." is not Donald Trump).

Finding: ``lookup_key`` folds case, accents, punctuation and titles, so
"President Donald J. Trump" and "donald j trump" are one key; ``lookup_keys``
are the keys a person answers to: each name and alias as written and without
middle names ("donald trump"), ids, and the surname alone; ``best_match``
ranks people for a query: a name first, then an alias, then a surname, ties
to more evidence.

>>> clean_name("Moderator Martha Raddatz"), clean_name("Trump Trump"), clean_name("Sgt")
('Martha Raddatz', 'Trump', '')
>>> person_id("Joseph R. Biden"), person_id("Donald Trump Jr."), person_id("Beto O'Rourke")
('joseph-biden', 'donald-trump-jr', 'beto-orourke')
>>> canonical_name(["Trump", "Donald J. Trump", "Donald Trump"])
'Donald J. Trump'
>>> lookup_key("President Donald J. Trump") == lookup_key("donald j. trump")
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

# Words written in front of a name that are no part of it (lower case, no final dot).
TITLE_WORDS = frozenset(
    """
mr mrs ms miss mx dr sir dame lady lord hon rev reverend sen senator rep representative
congressman congresswoman gov governor pres president vice deputy secretary attorney general
gen lt col sgt sergeant capt captain cpl maj adm admiral cmdr commander pvt private officer
moderator host anchor judge justice chief speaker leader chairman chairwoman chair director
mayor former then late acting interim first u.s us former-president prime minister chancellor
ambassador prosecutor counsel candidate nominee democrat republican democratic independent
sheriff detective professor prof pastor father bishop cardinal pope king queen prince princess
treasurer comptroller auditor commissioner
emir sheikh ayatollah minority majority whip state house senate gop the a an
""".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INITIAL = re.compile(r"^[A-Za-z]\.?$|^(?:[A-Z]\.){2,}$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1 << 16)  # a pure function of a string, called per mention
def _fold(text: str) -> str:
    """ascii, lower case, apostrophes dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.replace("'", "").replace("’", "").casefold()


@lru_cache(maxsize=1 << 16)  # a pure function of a string, called per mention
def _bare(word: str) -> str:
    return _fold(word).strip(".,;:")


@lru_cache(maxsize=1 << 16)  # a pure function of a string, called per mention
def clean_name(text: str) -> str:
    """A written name without titles, possessive, brackets and doubled words ("" if none is left).

    >>> clean_name("Sen. Tom Cotton's")
    'Tom Cotton'
    >>> clean_name("Donald Trump Donald"), clean_name("Former Attorney General Jeff Sessions")
    ('Donald Trump', 'Jeff Sessions')
    >>> clean_name("Hunter Biden")
    'Hunter Biden'
    """
    text = re.sub(r"\([^)]*\)", " ", text)  # "Thomas (Tom) Bryant Cotton"
    words = text.replace("’", "'").split()
    while words and words[-1].endswith(("'s", "'")):
        words[-1] = re.sub(r"'s?$", "", words[-1])
        if not words[-1]:
            words.pop()
        break
    words = [w.strip(',;:"') for w in words]
    words = [w for w in words if w]
    while words and _bare(words[0]) in TITLE_WORDS and len(words) > 0:
        words.pop(0)
    # A scraper's doubling: the name again after itself ("Trump Trump", "Donald Trump Donald").
    out: list[str] = []
    for w in words:
        if any(_bare(w) == _bare(o) for o in out) and _bare(w) not in SUFFIXES:
            break
        out.append(w)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class NameParts:
    first: str  # folded, "" for a one-word name
    middle: tuple[str, ...]
    last: str  # folded; the one word of a one-word name
    suffix: str  # "jr", "iii", or ""


@lru_cache(maxsize=1 << 16)  # a pure function of a string, called per mention
def split_name(name: str) -> NameParts:
    """First, middle, last and suffix of a name, folded.

    >>> split_name("Robert S. Mueller III")
    NameParts(first='robert', middle=('s',), last='mueller', suffix='iii')
    >>> split_name("Don Jr.")
    NameParts(first='don', middle=(), last='', suffix='jr')
    """
    words: list[str] = []
    for w in clean_name(name).split():
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", w):  # "H.W." is two initials
            words.extend(ch.lower() for ch in w if ch.isalpha())
        elif _bare(w):
            words.append(_bare(w))
    suffix = ""
    while words and words[-1] in SUFFIXES:
        suffix = suffix or words[-1]
        words.pop()
    if not words:
        return NameParts("", (), "", suffix)
    if len(words) == 1:
        # "Don Jr." is a first name with a suffix; "Trump" is a surname.
        return NameParts(words[0], (), "", suffix) if suffix else NameParts("", (), words[0], "")
    return NameParts(words[0], tuple(words[1:-1]), words[-1], suffix)


def name_key(name: str) -> str:
    """First and last name (and suffix), folded, without middle names: the merge key.

    >>> name_key("Joseph R. Biden"), name_key("Robert S. Mueller III"), name_key("Trump")
    ('joseph biden', 'robert mueller iii', 'trump')
    """
    p = split_name(name)
    return " ".join(w for w in (p.first, p.last, p.suffix) if w)


def person_id(name: str) -> str:
    """A stable id from a name: the words of ``name_key`` joined by hyphens.

    >>> person_id("James B. Comey"), person_id("Hillary Rodham Clinton")
    ('james-comey', 'hillary-clinton')
    """
    return "-".join(re.findall(r"[a-z0-9]+", name_key(name)))


def name_rank(name: str) -> tuple[int, int, str]:
    """How full a name is: words, letters; the alphabetically first wins a tie (negated order)."""
    words = name.split()
    return (len(words), len(name), "".join(chr(0x10FFFF - ord(c)) for c in name))


def name_rank_key(name: str) -> str:
    """``name_rank`` as one string that sorts the same way (for Neo4j, which compares strings).

    >>> names = ["Donald Trump", "Donald J. Trump", "Trump", "Donald X. Trump"]
    >>> max(names, key=name_rank) == max(names, key=name_rank_key)
    True
    """
    words, letters, tie = name_rank(name)
    return f"{min(words, 999):03d}{min(letters, 99999):05d}{tie}"


def canonical_name(names: Iterable[str]) -> str:
    """The fullest of ``names`` (``name_rank``); "" when there is none.

    Names reach it cleaned (``clean_name`` runs where names are read).
    """
    best = ""
    for n in names:
        if not best or name_rank(n) > name_rank(best):
            best = n
    return best


def lookup_key(text: str) -> str:
    """The form a name is looked up by: folded, without titles or punctuation.

    >>> lookup_key("Sen. LINDSEY O. Graham"), lookup_key("jeff-sessions"), lookup_key("George H.W. Bush")
    ('lindsey o graham', 'jeff sessions', 'george h w bush')
    """
    cleaned = clean_name(text.replace("-", " ")) or text
    words = [_bare(w) for w in _WORD.findall(cleaned.replace(".", ". "))]
    return " ".join(w.replace("'", "").replace("’", "") for w in words if w)


def loose_key(text: str) -> str:
    """``lookup_key`` without middle names: first name, surname, suffix.

    >>> loose_key("President Donald J. Trump"), loose_key("donald-trump")
    ('donald trump', 'donald trump')
    """
    return name_key(text.replace("-", " ")) if not re.fullmatch(r"[A-Za-z]+\d+", text.strip()) else lookup_key(text)


def _forms(name: str) -> set[str]:
    """A name's keys: as written, and without middle names ("donald j trump", "donald trump")."""
    return {k for k in (lookup_key(name), loose_key(name)) if k}


def name_keys(name: str, ids: Iterable[str] = ()) -> list[str]:
    """The keys that find a person first (``match_tier`` 0): their name and ids."""
    return sorted(_forms(name) | {lookup_key(i) for i in ids if i} - {""})


def alias_keys(aliases: Iterable[str]) -> list[str]:
    """The keys that find a person next (``match_tier`` 1): their other names."""
    return sorted(set().union(*(_forms(a) for a in aliases)) if aliases else set())


def surname_keys(names: Iterable[str]) -> list[str]:
    """The keys that find a person last (``match_tier`` 2): their surnames alone."""
    return sorted({split_name(n).last for n in names} - {""})


def lookup_keys(name: str, aliases: Iterable[str] = (), ids: Iterable[str] = ()) -> list[str]:
    """Every key a person answers to, sorted: name, aliases, ids, and the surname alone.

    >>> lookup_keys("Donald Trump", ["Donald J. Trump"], ["donald-trump", "Q22686"])
    ['donald j trump', 'donald trump', 'q22686', 'trump']
    """
    aliases = list(aliases)
    return sorted(set(name_keys(name, ids)) | set(alias_keys(aliases)) | set(surname_keys([name, *aliases])))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person as a lookup sees them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    evidence: int = 0


def match_tier(query: str, c: Candidate) -> int | None:
    """0: the name (or id) as written; 1: an alias as written; 2: a name or alias
    without middle names, or the surname alone; None: no match.

    "George W. Bush" finds George W. Bush first; "George Bush" either Bush
    (more evidence wins); "Donald J. Trump" finds Donald Trump.
    """
    q, loose = lookup_key(query), loose_key(query)
    if not q:
        return None
    names = name_keys(c.name, [c.id])
    if query.strip().casefold() == c.id.casefold() or q in names:
        return 0
    aliases = alias_keys(c.aliases)
    if q in aliases:
        return 1
    if loose in names or loose in aliases or q in surname_keys([c.name, *c.aliases]):
        return 2
    return None


def best_match(query: str, candidates: Iterable[Candidate]) -> Candidate | None:
    """The one person ``query`` names: best tier, then most evidence, then id.

    >>> people = [Candidate("donald-trump", "Donald Trump", ("Trump",), 40),
    ...           Candidate("melania-trump", "Melania Trump", (), 3)]
    >>> best_match("Donald J. Trump", people).id, best_match("TRUMP", people).id
    ('donald-trump', 'donald-trump')
    >>> best_match("melania", people) is None
    True
    """
    ranked = []
    for c in candidates:
        tier = match_tier(query, c)
        if tier is not None:
            ranked.append(((tier, -c.evidence, c.id), c))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


def all_matches(query: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Every person ``query`` names, best first (the order of ``best_match``)."""
    ranked = []
    for c in candidates:
        tier = match_tier(query, c)
        if tier is not None:
            ranked.append(((tier, -c.evidence, c.id), c))
    return [c for _, c in sorted(ranked, key=lambda r: r[0])]


def same_first(a: str, b: str) -> bool:
    """Two first names of one person: equal, or forms of one name (Joe, Joseph; Don, Donald).

    >>> same_first("Joe", "joseph"), same_first("Donald", "Melania")
    (True, False)
    """
    from .kb.names import first_name_forms

    a, b = _bare(a), _bare(b)
    return bool(a) and (a == b or b in first_name_forms(a))


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same surname and suffix, first names of one name,
    no middle initials that differ (George W. is not George H. W. Bush).

    >>> same_person("Joseph R. Biden", "Joe Biden"), same_person("George W. Bush", "George H.W. Bush")
    (True, False)
    >>> same_person("Donald Trump", "Donald Trump Jr."), same_person("Hunter Biden", "Joe Biden")
    (False, False)
    """
    pa, pb = split_name(a), split_name(b)
    if not (pa.first and pb.first and pa.last and pa.last == pb.last and pa.suffix == pb.suffix):
        return False
    if not same_first(pa.first, pb.first):
        return False
    ia = "".join(m[:1] for m in pa.middle)
    ib = "".join(m[:1] for m in pb.middle)
    return not (ia and ib and ia != ib)
