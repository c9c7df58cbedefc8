"""How the knowledge base compares person names: normalised keys and first-name equivalences.

``full_key`` keeps every word (casefolded, accents and punctuation dropped,
runs of initials joined: "H.W." = "H. W." = "hw"); ``loose_key`` keeps only the
first name, the surname (with particles such as "van", "de") and a suffix,
so middle names and middle initials do not matter. Suffixes (Jr., Sr., III)
stay part of both keys: Donald Trump Jr. is not Donald Trump.

>>> full_key("Joseph R. Biden, Jr.")
'joseph r biden jr'
>>> full_key("Hillary Clinton's") == full_key("Hillary Clinton"), full_key("Beto O'Rourke")
(True, 'beto orourke')
>>> loose_key("Joseph R. Biden") == loose_key("Joseph Biden")
True
>>> full_key("George H.W. Bush") == full_key("George H. W. Bush")
True
>>> full_key("George H.W. Bush") == full_key("George W. Bush")
False
>>> surname_keys("Chris Van Hollen")
('van hollen',)
>>> first_name_forms("Bill") >= {"bill", "william"}
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "du",
        "la",
        "le",
        "st",
        "mac",
        "bin",
        "al",
        "el",
        "ben",
        "dos",
        "das",
        "ter",
        "ten",
    }
)

# A small shipped table of first-name equivalences (nicknames <-> given names).
# Each group is a set of forms that can name the same person.
NICKNAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("william", "bill", "billy", "will", "willie", "liam"),
    ("robert", "bob", "bobby", "rob", "robbie", "bert"),
    ("richard", "dick", "rick", "rich", "ricky", "richie"),
    ("joseph", "joe", "joey"),
    ("james", "jim", "jimmy", "jamie"),
    ("john", "jack", "johnny", "jon"),
    ("jonathan", "jon"),
    ("charles", "charlie", "chuck", "chas"),
    ("thomas", "tom", "tommy"),
    ("edward", "ed", "eddie", "ted", "ned"),
    ("theodore", "ted", "teddy"),
    ("michael", "mike", "mickey"),
    ("christopher", "chris"),
    ("christine", "chris", "christie"),
    ("christina", "chris", "tina"),
    ("daniel", "dan", "danny"),
    ("david", "dave"),
    ("donald", "don", "donnie"),
    ("ronald", "ron", "ronnie"),
    ("gerald", "jerry", "gerry"),
    ("jerome", "jerry"),
    ("lawrence", "larry"),
    ("laurence", "larry"),
    ("anthony", "tony"),
    ("antonio", "tony"),
    ("benjamin", "ben", "benny"),
    ("bernard", "bernie"),
    ("samuel", "sam"),
    ("steven", "steve"),
    ("stephen", "steve"),
    ("timothy", "tim"),
    ("matthew", "matt"),
    ("andrew", "andy", "drew"),
    ("alexander", "alex", "al", "sandy"),
    ("albert", "al"),
    ("alfred", "al", "alf"),
    ("alan", "al"),
    ("allen", "al"),
    ("nicholas", "nick"),
    ("patrick", "pat"),
    ("patricia", "pat", "patty", "trish"),
    ("peter", "pete"),
    ("philip", "phil"),
    ("phillip", "phil"),
    ("raymond", "ray"),
    ("ralph", "rafe"),
    ("kenneth", "ken", "kenny"),
    ("gregory", "greg"),
    ("jeffrey", "jeff"),
    ("jefferson", "jeff"),
    ("frederick", "fred", "freddie"),
    ("francis", "frank"),
    ("franklin", "frank"),
    ("harold", "harry", "hal"),
    ("henry", "hank", "harry"),
    ("howard", "howie"),
    ("leonard", "len", "lenny", "leo"),
    ("louis", "lou"),
    ("mitchell", "mitch"),
    ("nathaniel", "nate", "nat"),
    ("nathan", "nate"),
    ("rudolph", "rudy"),
    ("rudolf", "rudy"),
    ("russell", "russ"),
    ("terrence", "terry"),
    ("terence", "terry"),
    ("walter", "walt"),
    ("wesley", "wes"),
    ("zachary", "zach", "zack"),
    ("eugene", "gene"),
    ("douglas", "doug"),
    ("dennis", "denny"),
    ("randall", "randy"),
    ("randolph", "randy"),
    ("gordon", "gordie"),
    ("herbert", "herb"),
    ("elizabeth", "liz", "beth", "betsy", "betty", "eliza", "lisa"),
    ("margaret", "maggie", "meg", "peggy", "marge", "margie"),
    ("katherine", "kate", "kathy", "katie", "kay"),
    ("catherine", "cathy", "kate", "katie", "cat"),
    ("kathleen", "kathy", "kate"),
    ("deborah", "debbie", "deb"),
    ("debra", "debbie", "deb"),
    ("susan", "sue", "susie"),
    ("jennifer", "jen", "jenny"),
    ("rebecca", "becky", "becca"),
    ("barbara", "barb"),
    ("cynthia", "cindy"),
    ("kimberly", "kim"),
    ("pamela", "pam"),
    ("victoria", "vicky", "tori"),
    ("nancy", "nan"),
    ("hillary", "hilary"),
    ("jeanne", "jean"),
    ("abigail", "abby"),
    ("madeleine", "madeline"),
    ("carolyn", "carol"),
    ("dorothy", "dot", "dottie"),
    ("virginia", "ginny"),
    ("frances", "fran"),
    ("judith", "judy"),
    ("sandra", "sandy"),
    ("valerie", "val"),
    ("samantha", "sam"),
    ("alexandria", "alex"),
    ("elijah", "eli"),
    ("ezekiel", "zeke"),
    ("augustus", "gus"),
    ("vincent", "vince"),
    ("cornelius", "neil"),
    ("marcus", "marc"),
    ("mark", "marc"),
    ("marco", "mark"),
    ("adam", "ad"),
    ("ashton", "ash"),
    ("edwin", "ed"),
    ("edmund", "ed", "ned"),
    ("joshua", "josh"),
    ("jacob", "jake"),
    ("isaac", "ike"),
    ("dwight", "ike"),
    ("harrison", "harry"),
    ("newton", "newt"),
    ("mitchell", "mitch"),
    ("willard", "mitt"),
    ("addison", "mitch"),
    ("lindsey", "lindsay"),
    ("kirsten", "kirstin"),
    ("thaddeus", "thad"),
    ("reginald", "reggie", "reg"),
    ("ezra", "ez"),
    # Spellings of one name that news copy mixes up ("Micheal Cohen", "Corey Booker").
    ("michael", "micheal"),
    ("cory", "corey"),
    ("jeffrey", "jeffery"),
    ("philip", "phillip"),
    ("sarah", "sara"),
    ("ann", "anne"),
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_APOSTROPHE = re.compile(r"['\u2019\u2018`\"]")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s?(?=\s|$|,)")  # "Trump's", "Sanders'"
_SPLIT = re.compile(r"[^0-9a-z\-]+")


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[tuple[str, ...], str]:
    """(words, suffix) of ``name``: casefolded, accents and punctuation dropped, initials joined."""
    text = _POSSESSIVE.sub("", _strip_accents(name).casefold().replace("_", " "))
    text = _APOSTROPHE.sub("", text).replace(".", " ")  # O'Rourke -> orourke; H.W. -> h w
    # "h.w." became "h w ": rejoin runs of single letters into one token ("hw")
    raw = [t.strip("-") for t in _SPLIT.split(text)]
    words: list[str] = []
    run = ""
    for t in raw:
        if not t:
            continue
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            words.append(run)
            run = ""
        words.append(t)
    if run:
        words.append(run)
    suffix = ""
    while len(words) > 1 and words[-1] in SUFFIXES:
        suffix = words.pop() + (" " + suffix if suffix else "")
    return tuple(words), suffix


def _join(words: tuple[str, ...] | list[str], suffix: str) -> str:
    return " ".join(words) + (" " + suffix if suffix and words else "")


def full_key(name: str) -> str:
    """Every word of ``name``, normalised."""
    words, suffix = name_tokens(name)
    return _join(words, suffix)


def _surname_start(words: tuple[str, ...]) -> int:
    """Index where the surname begins: the last word plus any particles before it."""
    i = len(words) - 1
    while i > 1 and words[i - 1] in PARTICLES:
        i -= 1
    return i


def loose_key(name: str) -> str:
    """First name + surname (+ suffix): middle names and initials dropped."""
    words, suffix = name_tokens(name)
    if len(words) <= 2:
        return _join(words, suffix)
    return _join((words[0],) + words[_surname_start(words) :], suffix)


def surname_keys(name: str) -> tuple[str, ...]:
    """The surname of ``name`` as looked up by ``by_surname`` (particles kept)."""
    words, _suffix = name_tokens(name)
    if len(words) < 2:
        return ()
    return (" ".join(words[_surname_start(words) :]),)


def _groups_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in NICKNAME_GROUPS:
        for form in group:
            index.setdefault(form, set()).update(group)
    return {k: frozenset(v) for k, v in index.items()}


_FORMS = _groups_index()


def first_name_forms(first: str) -> frozenset[str]:
    """Every first-name form equivalent to ``first`` (itself included), normalised."""
    words, _ = name_tokens(first)
    key = " ".join(words)
    return _FORMS.get(key, frozenset()) | {key}


def index_keys(names: list[str] | tuple[str, ...]) -> tuple[set[str], set[str], set[str]]:
    """The lookup keys of one person's names: (full, loose, surname).

    A loose key that is also one of the person's full keys is left out (lookups
    consult both). The build script stores these for the shipped entries; the
    loader computes them only for extra (curation) entries.
    """
    full: set[str] = set()
    loose: set[str] = set()
    sur: set[str] = set()
    for n in names:
        words, suffix = name_tokens(n)
        if not words:
            continue
        full.add(_join(words, suffix))
        if len(words) > 2:
            loose.add(_join((words[0],) + words[_surname_start(words) :], suffix))
        if len(words) >= 2:
            sur.add(" ".join(words[_surname_start(words) :]))
    return full, loose - full, sur
