"""Who is mentioned in an article, and who each mention stands for.

Three steps, all inside one article:

1. ``find_names``: personal names (spaCy PERSON entities, titled names such as
   "Sen. Graham" the model missed, and later bare uses of a surname already
   known), cleaned of titles and possessives; outlets, parties, places and
   agencies are left out.
2. ``cluster_people``: names that denote one person are merged ("Jeff
   Sessions", "Sessions"); two people sharing a surname (Bill and Hillary
   Clinton) stay apart. The fullest name is the person's name.
3. ``Resolver``: maps any token to a person: a name, a pronoun, a role phrase
   ("the President", "his former attorney general"), an apposition ("the
   reporter, Oliver Finegold"), "I"/"me" inside a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..linking import known_person, nth_holder
from ..naming import TITLE_WORDS, person_id, same_first, same_person, split_name
from ..records import Mention, MentionKind, Person, PersonCues
from .doc_text import doc_text
from .lexicon import Lexicon

_INITIAL = re.compile(r"^[A-Z]\.?$")
# Names may change case after these prefixes (McGahn, DeSantis, LaHood); elsewhere a
# lower-to-upper change inside a word means a scraper ran two words together.
_CASE_PREFIX = re.compile(r"^(?:Mc|Mac|De|Del|Di|Da|Du|El|Al|La|Le|Van|Von|Fitz)(?=[A-Z])")
_CASE_CHANGE = re.compile(r"[a-z][A-Z]")


def _glued(word: str) -> bool:
    """True for 'ComeyThere', false for 'McGahn' or 'DeSantis'.

    >>> [_glued(w) for w in ("ComeyThere", "McGahn", "DeSantis", "McConnellThe", "O'Rourke")]
    [True, False, False, True, False]
    >>> [_glued(w) for w in ("ElBaradei", "DelBene", "AlSisiThe")]
    [False, False, True]
    """
    return bool(_CASE_CHANGE.search(_CASE_PREFIX.sub("", word)))


_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'\-\.]*$|^[A-Z]\.$|^(de|da|van|von|der|bin|al|la|le|del|di|du|mac)$")


@dataclass
class PersonInfo:
    """What the article says about one person while it is being read."""

    pid: str
    name: str
    names: dict[str, int] = field(default_factory=dict)  # surface name -> count
    roles: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)  # every word written in front of the name
    titled: bool = False
    gender: str | None = None  # "m" or "f" when a title or role says so
    first: int = 10**9  # token index of the first mention
    count: int = 0
    role_phrase: str | None = None  # set for the stand-in of an unnamed role ("the president")

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def last(self) -> str:
        return self.tokens[-1].lower() if self.tokens else ""

    @property
    def first_name(self) -> str:
        return self.tokens[0].lower() if self.tokens else ""


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int  # token indices, end exclusive
    end: int
    text: str
    titles: tuple[str, ...]  # lower-cased words in front: "president", "sen."
    from_ner: bool


def _clean_name(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int, list[str]]:
    """Trim titles and possessives off a candidate name; return the titles too."""
    titles: list[str] = []
    while start < end and (
        doc[start].lower_ in lex.honorifics
        or not doc[start].text[:1].isupper()
        or doc[start].lower_ in lex.roles
        or doc[start].pos_ == "VERB"
        or doc[start].lower_.rstrip(".") in TITLE_WORDS
    ):
        titles.append(doc[start].lower_)
        start += 1
    # A scraper's doubling ("Trump Trump", "Donald Trump Donald"): the name ends at the repeat.
    for i in range(start + 1, end):
        if doc[i].lower_ not in lex.name_suffixes and any(doc[i].lower_ == doc[j].lower_ for j in range(start, i)):
            end = i
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end, titles


# Words in front of a name that only a person takes ("Mr Fox", "Dr Fox").
_PERSONAL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})


def _plausible_name(tokens: list[Token], lex: Lexicon, titles: tuple[str, ...] = ()) -> bool:
    words = [t.text for t in tokens]
    if not words or len(words) > 5:
        return False
    core = [w for w in words if w.lower() not in lex.name_suffixes]
    if not core:
        return False
    if any(w.lower().strip(".") in lex.not_person_words for w in core):
        # A word that usually names a group, a medium or a day is still a surname in a
        # name the knowledge base holds ("Liam Fox", "Frank Church") or after "Mr"/"Dr".
        personal = bool(titles) and titles[-1].strip(".") in _PERSONAL_TITLES
        if not (personal or (len(core) >= 2 and known_person(" ".join(words)))):
            return False
    if all(_INITIAL.match(w) for w in core):
        return False
    if any(_glued(w) for w in core):
        return False  # "ComeyThere": words run together by a scraper, not a name
    return all(_NAME_TOKEN.match(w) for w in core) and not any(ch.isdigit() for w in words for ch in w)


def _preceding_titles(doc: Doc, start: int) -> list[str]:
    """Lower-cased words just before a name that may say what the person is."""
    out: list[str] = []
    i = start - 1
    while i >= 0 and len(out) < 5:
        t = doc[i]
        if (
            t.is_space
            or "\n" in t.text
            or (t.is_punct and t.text != ".")
            or t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV", "NUM", "PART")
        ):
            break
        if t.tag_ == "POS":
            break
        out.insert(0, t.lower_)
        i -= 1
    return out


def find_names(doc: Doc, lex: Lexicon) -> list[NameSpan]:
    """Personal-name spans, NER first, then titled names NER missed."""
    spans: list[NameSpan] = []
    taken: set[int] = set()

    def add(start: int, end: int, from_ner: bool) -> None:
        s, e, titles = _clean_name(doc, start, end, lex)
        if s >= e or any(i in taken for i in range(s, e)):
            return
        toks = list(doc[s:e])
        titles = _preceding_titles(doc, s) if not titles else _preceding_titles(doc, start) + titles
        if not _plausible_name(toks, lex, tuple(titles)):
            return
        spans.append(NameSpan(s, e, doc[s:e].text, tuple(titles), from_ner))
        taken.update(range(s, e))

    for ent in doc.ents:
        if ent.label_ == "PERSON":
            add(ent.start, ent.end, True)
        elif ent.label_ == "ORG" and 2 <= len(ent) <= 4 and known_person(ent.text):
            add(ent.start, ent.end, True)  # the small model's "Jeff Sessions"/ORG: the KB knows better
    # Titled names the model did not tag: "Sen. Hagel", "Mr Howard", "Rep. Paul Gosar", and a
    # first and last name after a role noun ("Fox News host Sean Hannity", "anchor Jake Tapper").
    for t in doc:
        titled = t.text[:1].isupper() and (
            t.lower_ in lex.title_roles or t.lower_ in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr.", "dr")
        )
        if titled or (t.lower_ in lex.roles and t.pos_ == "NOUN"):
            j = t.i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j - t.i <= 3:
                j += 1
            if not titled and j - t.i < 3:
                continue  # after a plain role noun, only a first and a last name
            if j > t.i + 1 and not any(i in taken for i in range(t.i + 1, j)):
                ent_labels = {doc[i].ent_type_ for i in range(t.i + 1, j)}
                if ent_labels & {"GPE", "LOC", "FAC", "DATE", "EVENT", "LAW", "WORK_OF_ART"}:
                    continue
                add(t.i, j, False)
    spans.sort(key=lambda s: s.start)
    return spans


def _core(name: str, lex: Lexicon) -> list[str]:
    return [w for w in name.split() if w.lower() not in lex.name_suffixes and not _INITIAL.match(w)]


def _roles_from_titles(titles: tuple[str, ...], lex: Lexicon) -> set[str]:
    roles: set[str] = set()
    for t in titles:
        roles.update(lex.title_roles.get(t, ()))
    padded = " " + " ".join(" ".join(titles).split()) + " "
    for role in lex.roles | lex.subordinate_roles:
        if f" {role} " in padded:  # a whole-word phrase among the titles
            roles.add(role)
    return roles


def cluster_people(
    doc: Doc, names: list[NameSpan], lex: Lexicon, kb=None
) -> tuple[dict[str, PersonInfo], dict[int, str]]:
    """Merge name spans into people; return the people and a token -> person id map.

    ``kb``: what the knowledge base says of surnames and titles on the article's date
    (``linking.KBCues``), or None. A surname alone ("Trump", "President Trump", "Mr.
    Trump") goes to the article's one person with that surname, except where:

    - its title contradicts that person: "Mr." or "Mrs." of the other gender, an office
      the KB says they never held ("President Trump" is not Melania Trump);
    - an office title names one holder of that surname in the KB ("President Clinton":
      Bill Clinton, even where only Hillary is named in full); where several held it
      ("President Bush"), only a full name in the article that held it takes it;
    - the surname's namesake (``KBCues.namesake``: the sitting president on the date,
      undated the one modern president of that surname) is not named in the article,
      and its people with that surname held no major office: the namesake is a person
      of the article too, and the mentions go to whoever the pronouns ("he", "she")
      that refer to them say; with no such evidence, to the namesake;
    - several people share the surname: the pronouns decide where their gender differs,
      else the namesake, else the first the article names in full.
    """
    people: dict[str, PersonInfo] = {}
    span_pid: dict[int, str] = {}  # index into names -> pid

    # Full names first, so that a bare surname can find the full name wherever it stands.
    for idx, span in enumerate(names):
        core = _core(span.text, lex)
        if len(core) < 2:
            continue
        same = [p for p in people.values() if same_person(p.name, span.text)]
        pid = same[0].pid if same else None
        if pid is None:
            # "Mrs Parker Bowles" after "Camilla Parker Bowles": a tail of a longer name.
            tails = [
                p
                for p in people.values()
                if len(_core(p.name, lex)) > len(core)
                and [w.lower() for w in _core(p.name, lex)[-len(core) :]] == [w.lower() for w in core]
            ]
            if len(tails) == 1:
                pid = tails[0].pid
        if pid is None:
            pid = person_id(span.text)
            while pid in people:
                pid += "-2"
            people[pid] = PersonInfo(pid, span.text)
        info = people[pid]
        if len(span.text.split()) > len(info.name.split()):
            info.name = span.text
        span_pid[idx] = pid

    surnames = _Surnames(doc, people, lex, kb)
    for idx, span in enumerate(names):
        if idx in span_pid:
            continue
        core = _core(span.text, lex)
        if not core:
            continue
        word = core[-1].lower()
        parts = split_name(span.text)
        pid = None
        if parts.suffix and parts.first:
            # "Don Jr.", "Donald Jr.": the article's person with that first name and suffix.
            matches = [
                p
                for p in people.values()
                if split_name(p.name).suffix == parts.suffix and same_first(split_name(p.name).first, parts.first)
            ]
            pid = matches[0].pid if matches else None
        else:
            pid = surnames.assign(word, span.titles, span.start)
        if pid is None and not parts.suffix and _kin_noun(doc[span.end - 1], lex) is None:
            # A first name alone ("Bernie") is the article's one full name with that first
            # name, and no other middle initial ("George W." is not George H. W. Bush); not
            # a relative's ("Bush's son, George W.": ``_add_kin_surnames``).
            firsts = [
                p
                for p in people.values()
                if len(p.tokens) > 1 and same_first(p.first_name, word) and same_person(f"{span.text} {p.last}", p.name)
            ]
            titled = any(t in lex.title_roles or t in lex.honorifics for t in span.titles)
            if len(firsts) == 1 and not titled:
                pid = firsts[0].pid
        if pid is None:
            pid = person_id(span.text)
            if pid in people and len(people[pid].name.split()) > 1:
                pid += "-2"
            people.setdefault(pid, PersonInfo(pid, span.text))
        span_pid[idx] = pid

    token_pid: dict[int, str] = {}
    for idx, span in enumerate(names):
        pid = span_pid.get(idx)
        if pid is None:
            continue
        info = people[pid]
        info.names[span.text] = info.names.get(span.text, 0) + 1
        info.count += 1
        info.first = min(info.first, span.start)
        info.roles |= _roles_from_titles(span.titles, lex)
        info.title_words.update(span.titles)
        info.gender = info.gender or lex.first_name_gender.get(
            _core(info.name, lex)[0].lower() if len(_core(info.name, lex)) > 1 else ""
        )
        for word in span.titles:
            info.gender = info.gender or lex.gendered_words.get(word)
        if any(t in lex.title_roles for t in span.titles):
            info.titled = True
        for i in range(span.start, span.end):
            token_pid[i] = pid

    _add_bare_surnames(doc, people, token_pid, lex, surnames)
    surnames.settle(token_pid)
    _add_kin_surnames(doc, people, token_pid, lex, kb)
    _add_appositive_roles(doc, people, token_pid, lex)
    return people, token_pid


# Kin who as a rule bear their relative's surname; a spouse only when the KB knows the name.
_SAME_SURNAME_KIN = frozenset(
    "son daughter brother sister father mother grandson granddaughter grandfather grandmother".split()
)


def _kin_noun(tok: Token, lex: Lexicon) -> Token | None:
    """The kin noun a first name stands in apposition to: "his son, Hunter", "Trump's daughter Ivanka"."""
    if tok.dep_ in ("appos", "compound") and tok.head.lower_ in lex.kin_nouns:
        return tok.head
    for c in tok.children:
        if c.dep_ in ("compound", "appos", "nmod") and c.lower_ in lex.kin_nouns and c.i < tok.i:
            return c
    return None


def _add_kin_surnames(doc: Doc, people: dict[str, PersonInfo], token_pid: dict[int, str], lex: Lexicon, kb) -> None:
    """A first name given as a named person's relative takes that person's surname: "Joe
    Biden's son Hunter", "the former vice president's son Hunter" are Hunter Biden. A wife
    or husband, or a relative whose owner is a pronoun ("his son, Hunter"), only when the
    KB holds the name so formed: a pronoun's owner is a guess, a spouse's surname may differ."""
    resolver = None
    for pid, p in list(people.items()):
        if len(_core(p.name, lex)) != 1 or p.role_phrase is not None or split_name(p.name).suffix:
            continue  # "Trump's son Don Jr." is for identity (graphbuild.identity)
        for i in sorted(i for i, q in token_pid.items() if q == pid):
            kin = _kin_noun(doc[i], lex)
            owner_tok = next((c for c in kin.children if c.dep_ == "poss"), None) if kin is not None else None
            if owner_tok is None:
                continue
            resolver = resolver or Resolver(doc, dict(people), token_pid, lex, {}, {})
            owner = resolver.person(owner_tok)
            if owner is None or owner == pid or owner not in people or len(_core(people[owner].name, lex)) < 2:
                continue
            full = f"{p.name} {_core(people[owner].name, lex)[-1]}"
            same = [q for q in people.values() if q.pid != pid and same_person(q.name, full)]
            if same:  # "Charles Kushner ... his father, Charles": the article named him in full
                _fold(people, token_pid, pid, same[0].pid)
                break
            guessed = owner_tok.lower_ in lex.pronouns  # "his daughter, Caroline": his may be anyone's
            if (guessed or kin.lower_ not in _SAME_SURNAME_KIN) and not (kb is not None and kb.known(full)):
                continue
            p.name = full
            p.gender = p.gender or lex.first_name_gender.get(full.split()[0].lower())
            break


class _Surnames:
    """Who a surname alone stands for in one article (see ``cluster_people``)."""

    def __init__(self, doc: Doc, people: dict[str, PersonInfo], lex: Lexicon, kb):
        self.doc, self.people, self.lex, self.kb = doc, people, lex, kb
        self.pools: dict[str, str] = {}  # surname -> pid of the mentions still undecided
        self.namesakes: set[str] = set()  # pids of people the KB named, not the article

    def by_last(self, word: str) -> list[PersonInfo]:
        return [
            p
            for p in self.people.values()
            if p.pid not in self.pools.values() and p.tokens and _core(p.name, self.lex)[-1].lower() == word
        ]

    def _namesake_person(self, holder: tuple[str, str | None], at: int) -> str:
        """The KB's person for a surname, as a person of this article named in full."""
        for p in self.people.values():
            if same_person(p.name, holder[0]):
                return p.pid
        pid = person_id(holder[0])
        while pid in self.people:
            pid += "-2"
        self.people[pid] = PersonInfo(pid, holder[0], gender=holder[1], first=at)
        self.namesakes.add(pid)
        return pid

    def assign(self, word: str, titles: tuple[str, ...], at: int) -> str | None:
        """The person a surname alone (with the words in front of it) stands for; None: nobody
        in the article yet (it becomes a person of its own, or a first name's)."""
        kb, lex = self.kb, self.lex
        if "." in titles:  # words of the sentence before ("in Iowa. President Clinton") are not its title
            titles = titles[len(titles) - titles[::-1].index(".") :]
        said = {lex.gendered_words.get(t) for t in titles} - {None}
        gender = next(iter(said)) if len(said) == 1 else None
        office = kb.office(titles) if kb is not None else None
        holder = kb.holder(word, office) if office else None
        if holder is None:
            office = None  # nobody of that surname held it: a hypothetical "President Ryan" is still Ryan
        cands = [
            p
            for p in self.by_last(word)
            if not (gender and p.gender and p.gender != gender)
            and not (
                kb is not None and (gender or office) and len(p.tokens) > 1 and kb.contradicts(p.name, office, gender)
            )
        ]
        if office:
            from ..linking import AMBIGUOUS

            if holder == AMBIGUOUS:
                # "President Bush": only a full name of the article that held the office.
                held = [p for p in cands if len(p.tokens) > 1 and kb.held(p.name, office)]
                return held[0].pid if len(held) == 1 else None
            if holder is not None:
                hit = [p for p in cands if kb.denotes(p.name, holder)]
                return hit[0].pid if hit else self._namesake_person(holder, at)
        namesake = kb.namesake(word) if (kb is not None and not office) else None
        if namesake and gender and namesake[1] and namesake[1] != gender:
            namesake = None
        full = [p for p in cands if len(p.tokens) > 1]
        if namesake and not any(kb.denotes(p.name, namesake) for p in full) and all(kb.minor(p.name) for p in full):
            x = self._namesake_person(namesake, at)
            cands = [self.people[x]] + [p for p in cands if p.pid != x]
        if len(cands) == 1:
            return cands[0].pid
        if not cands:
            return None
        if word not in self.pools:
            pid = f"{person_id(word)}-?"
            self.people[pid] = PersonInfo(pid, word.title(), first=at)
            self.pools[word] = pid
        return self.pools[word]

    def settle(self, token_pid: dict[int, str]) -> None:
        """Give each pool of undecided surname mentions to one person: the one whose gender
        the pronouns that refer to the mentions have, else the namesake, else the first
        the article names in full."""
        for word, pool in list(self.pools.items()):
            cands = self.by_last(word)
            del self.pools[word]  # by_last sees the pool as a person from here on
            target = self._by_pronouns(pool, cands, token_pid)
            if target is None:
                named = [p for p in cands if p.pid in self.namesakes]
                # One surname, several people: the first the article names in full (its
                # subject, as a rule).
                target = named[0] if named else min(cands, key=lambda p: (len(p.tokens) < 2, p.first))
            _fold(self.people, token_pid, pool, target.pid)
        for pid in self.namesakes:
            if self.people[pid].count == 0:
                del self.people[pid]  # the pronouns gave every mention to someone else

    def _by_pronouns(self, pool: str, cands: list[PersonInfo], token_pid: dict[int, str]) -> PersonInfo | None:
        def gender(p: PersonInfo) -> str | None:
            if p.gender or self.kb is None or len(p.tokens) < 2:
                return p.gender
            return self.kb.gender(p.name)

        genders = {gender(p) for p in cands}
        if None in genders or len(genders) < 2:
            return None  # the pronouns could not tell them apart
        votes = {"m": 0, "f": 0}
        # A resolver of its own, on a copy of the people: role stand-ins it makes stay out.
        # Only subjects and possessives outside quotes vote: an object pronoun ("Ryan has
        # ignored her") or one in a quote ("I met him") is too often someone else.
        from .quotes import find_quotes

        quoted = {i for q in find_quotes(self.doc) for i in range(q.tok_start, q.tok_end)}
        resolver = Resolver(self.doc, dict(self.people), token_pid, self.lex, {}, {})
        for t in self.doc:
            g = self.lex.pronoun_gender.get(t.lower_)
            if not g or t.i in quoted or t.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            if resolver.person(t) == pool:
                votes[g] += 1
        (win, n), (_, other) = sorted(votes.items(), key=lambda kv: -kv[1])
        if n == 0 or n <= 2 * other:
            return None
        fit = [p for p in cands if gender(p) == win]
        return fit[0] if len(fit) == 1 else None


def _fold(people: dict[str, PersonInfo], token_pid: dict[int, str], src: str, dst: str) -> None:
    """Every mention of person ``src`` becomes one of ``dst``."""
    a, b = people.pop(src), people[dst]
    for i, pid in token_pid.items():
        if pid == src:
            token_pid[i] = dst
    for name, n in a.names.items():
        b.names[name] = b.names.get(name, 0) + n
    b.count += a.count
    b.first = min(a.first, b.first)
    b.roles |= a.roles
    b.title_words |= a.title_words
    b.titled = b.titled or a.titled


def _add_bare_surnames(
    doc: Doc, people: dict[str, PersonInfo], token_pid: dict[int, str], lex: Lexicon, surnames: _Surnames
) -> None:
    """A known surname the model tagged as something else ("endorsing Brill") is still that person."""
    lasts: set[str] = set()
    for p in people.values():
        core = _core(p.name, lex)
        if core:
            lasts.add(core[-1].lower())
    for t in doc:
        if t.i in token_pid or t.lower_ not in lasts or not t.is_title:
            continue
        if t.pos_ != "PROPN" and not (
            t.pos_ in ("ADJ", "NOUN")
            and (
                t.i > t.sent.start
                or t.ent_iob_ == "B"
                or t.dep_ in ("nsubj", "nsubjpass")
                and not any(c.dep_ == "det" for c in t.children)
            )
        ):
            # sentence-initial "Trump has said ...", "Cox will face ..." are often tagged NOUN
            continue
        if t.ent_iob_ == "I" and t.ent_type_ != "PERSON":
            continue  # inside a longer organisation name: "the Trump Organization"
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.lower_ in lex.not_person_words:
            continue
        pid = surnames.assign(t.lower_, (), t.i)
        if pid is None:
            continue
        token_pid[t.i] = pid
        people[pid].count += 1
        people[pid].first = min(people[pid].first, t.i)


def _add_appositive_roles(doc: Doc, people: dict[str, PersonInfo], token_pid: dict[int, str], lex: Lexicon) -> None:
    """'the reporter, Oliver Finegold' / 'McGahn, the White House counsel': the role is theirs."""
    roles = lex.roles | lex.subordinate_roles
    for t in doc:
        if t.dep_ != "appos":
            continue
        a, b = t, t.head
        for name_tok, role_tok in ((a, b), (b, a)):
            pid = token_pid.get(name_tok.i)
            if pid and role_tok.i not in token_pid and role_tok.pos_ == "NOUN":
                phrase = role_phrase(role_tok)
                for role in roles:
                    if phrase.endswith(role):
                        people[pid].roles.add(role)
                        people[pid].title_words.update(phrase.split())
                people[pid].gender = people[pid].gender or lex.gendered_words.get(role_tok.lower_)


def role_phrase(tok: Token) -> str:
    """The lower-cased noun phrase of a role head without determiners: 'former attorney general'."""
    words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.tag_ != "POS"]
    return " ".join(words + [tok.lower_])


# Roles one person holds at a time (in the US, unless a country is named), and the
# words that may stand around them: "the U.S. president", "the Senate majority leader".
_ONE_HOLDER_ROLES = frozenset(
    {
        "president",
        "vice president",
        "attorney general",
        "speaker",
        "majority leader",
        "minority leader",
        "secretary of state",
        "house speaker",
        "first lady",
        "deputy attorney general",
    }
)
_ROLE_PLACE_WORDS = frozenset({"u.s.", "us", "american", "senate", "house", "current", "sitting"})


class Resolver:
    """Who a token stands for, in one article.

    Built once per Doc; ``person(tok)`` answers for names, pronouns, role
    phrases and appositions, and ``how(tok)`` says which of these it was, so
    that confidence can reflect how the person was found.
    """

    def __init__(
        self,
        doc: Doc,
        people: dict[str, PersonInfo],
        token_pid: dict[int, str],
        lex: Lexicon,
        quote_of: dict[int, int],
        speakers: dict[int, str],
    ):
        self.doc, self.people, self.token_pid, self.lex = doc, people, token_pid, lex
        self.quote_of, self.speakers = quote_of, speakers  # token -> quote index; quote -> speaker pid
        self._cache: dict[int, tuple[str | None, str]] = {}
        self.topics: dict[int, str] = {}  # quote index -> the person the quote is said of
        self.ties: dict[tuple[str, str], set[str]] = {}  # (tie noun, owner) -> people
        self._want_gender: str | None = None  # set while a gendered pronoun is being resolved
        self._sent_start = {}
        for si, s in enumerate(doc.sents):
            for t in s:
                self._sent_start[t.i] = si

    # -- public ---------------------------------------------------------------------
    def set_speakers(self, speakers: dict[int, str]) -> None:
        """Quote speakers, once known: "I" and "he" inside quotes resolve anew."""
        self.speakers.clear()
        self.speakers.update(speakers)
        self._cache.clear()

    def set_ties(self, ties: dict[tuple[str, str], set[str]]) -> None:
        """What the article said of who runs against or succeeded whom: "his opponent",
        "her predecessor" resolve through it when the owner has exactly one such tie."""
        self.ties = dict(ties)
        self._cache.clear()

    def set_topics(self, topics: dict[int, str]) -> None:
        """Who each quote is said of ("So says Clinton of her rival Sanders"): "he" and
        "him" inside that quote are Sanders."""
        self.topics = dict(topics)
        self._cache.clear()

    def person(self, tok: Token) -> str | None:
        return self._resolve(tok)[0]

    def how(self, tok: Token) -> str:
        return self._resolve(tok)[1]

    def name_of(self, pid: str) -> str:
        return self.people[pid].name

    # -- internals ------------------------------------------------------------------
    def _resolve(self, tok: Token) -> tuple[str | None, str]:
        if tok.i not in self._cache:
            self._cache[tok.i] = (None, "none")  # guards against cycles
            self._cache[tok.i] = self._compute(tok)
        return self._cache[tok.i]

    def _compute(self, tok: Token) -> tuple[str | None, str]:
        pid = self.token_pid.get(tok.i)
        if pid:
            return pid, "name"
        low = tok.lower_
        q = self.quote_of.get(tok.i)
        if low in self.lex.first_person and q is not None:
            return self.speakers.get(q), "speaker"
        if low in self.lex.pronouns and tok.pos_ == "PRON":
            return self._pronoun(tok), "pronoun"
        if low == "whose" and tok.dep_ == "poss":
            # "Dan Golvach, whose son Spencer was murdered": the relative clause's antecedent
            for anc in tok.ancestors:
                if anc.dep_ == "relcl":
                    return self._resolve(anc.head)[0], "pronoun"
        if low == "their" and tok.dep_ == "poss" and tok.head.lower_ in self.lex.kin_nouns:
            # "Nancy Bryce, their mother": a plural owner of a kin noun is one of the family;
            # elsewhere "their" is a group, never one person.
            return self._pronoun(tok), "pronoun"
        for child in tok.children:
            if child.dep_ == "appos" and self.token_pid.get(child.i):
                return self.token_pid[child.i], "apposition"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            pid = self._role(tok) or self._unnamed_role(tok)
            if pid:
                return pid, "role"
        if self.ties and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.constructions.tie_nouns:
            for c in tok.children:
                owner = self.person(c) if c.dep_ == "poss" else None
                tied = self.ties.get((tok.lemma_.lower(), owner), set()) if owner else set()
                if len(tied) == 1:
                    return next(iter(tied)), "role"  # "accusing his opponent": the one he runs against
        return None, "none"

    def _unnamed_role(self, tok: Token) -> str | None:
        """'the president' with no named holder in the article: a stand-in person that
        linking (graphbuild.linking) gives to whoever held the role on the article's date."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        phrase = role_phrase(tok)
        core = " ".join(w for w in phrase.split() if w not in _ROLE_PLACE_WORDS)
        if core not in _ONE_HOLDER_ROLES:
            return None  # "the first senator", "a president": not one person on a given day
        pid = "role:" + phrase
        if pid not in self.people:
            self.people[pid] = PersonInfo(pid, "", role_phrase=phrase)
        return pid

    def _recent(
        self, before: int, exclude: set[str], subjects_only: bool = False, same_sentence: bool = False, window: int = 3
    ) -> str | None:
        """The person mentioned most recently before token ``before`` (within 3 sentences)."""
        sent = self._sent_start.get(before, 0)
        for i in range(before - 1, -1, -1):
            si = self._sent_start.get(i, 0)
            if sent - si > window or (same_sentence and si != sent):
                return None
            pid = self.token_pid.get(i)
            if pid is None and self._unnamed_antecedent(self.doc[i]):
                return None  # "the Queen handing the throne to her grandson": her is the Queen
            if pid is None and self.doc[i].lower_ in self.lex.first_person and self.quote_of.get(i) is not None:
                pid = self.speakers.get(self.quote_of[i])
            if not pid or pid in exclude or not self._gender_fits(pid):
                continue
            if subjects_only and not self._is_subject(self.doc[i]):
                continue
            return pid
        return None

    def _unnamed_antecedent(self, tok: Token) -> bool:
        """A definite role or kin noun in an argument slot that names nobody in the article."""
        if self._want_gender is None:
            return False  # only he/she and their forms point at one person; "their" does not
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.lower_ in self.lex.gendered_words):
            return False
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or tok.lower_ not in self.lex.all_roles:
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        gender = self.lex.gendered_words.get(tok.lower_)
        if self._want_gender and gender and gender != self._want_gender:
            return False
        return self._role(tok) is None

    @staticmethod
    def _is_subject(tok: Token) -> bool:
        head = tok
        while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass")

    def _clause_subject(self, tok: Token) -> str | None:
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i != tok.i:
                pid = self.person(c) if c.lower_ not in self.lex.pronouns else self._pronoun(c)
                if pid:
                    return pid
        return None

    def _governing_subject(self, tok: Token) -> str | None:
        """'Sanders' campaign has been critical of X, claiming that the DNC favored his
        challenger': with no person subject in its own clause, a possessive pronoun goes
        to the subject of a clause above it (a person, or a person's campaign or office)."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(3):
            if verb.dep_ in ("acl", "agent") and self.token_pid.get(verb.head.i) and verb.head.i < tok.i:
                return self.token_pid[verb.head.i]  # "Udall, ... hit back by accusing his opponent"
            if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "agent") or verb.head.i == verb.i:
                return None
            verb = verb.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            for c in verb.children:
                if c.dep_ not in ("nsubj", "nsubjpass") or c.i > tok.i:
                    continue
                pid = self.token_pid.get(c.i)
                if pid is None and c.lemma_.lower() in self.lex.voice_nouns:
                    pid = next(
                        (self.token_pid[p.i] for p in c.children if p.dep_ == "poss" and self.token_pid.get(p.i)), None
                    )
                if pid and self._gender_fits(pid):
                    return pid
                if c.pos_ in ("PROPN", "NOUN") and pid is None:
                    return None  # a subject that is no person: stop here
        return None

    def _gender_fits(self, pid: str) -> bool:
        want = self._want_gender
        have = self.people[pid].gender
        return want is None or have is None or want == have

    def _pronoun(self, tok: Token) -> str | None:
        outer, self._want_gender = self._want_gender, self.lex.pronoun_gender.get(tok.lower_)
        try:
            return self._pronoun_candidates(tok)
        finally:
            self._want_gender = outer

    def pronoun_excluding(self, tok: Token, exclude: set[str]) -> str | None:
        """A pronoun's person when some people are ruled out ('Nancy Bryce, their
        mother': 'their' is not Nancy)."""
        outer, self._want_gender = self._want_gender, self.lex.pronoun_gender.get(tok.lower_)
        try:
            return self._recent(tok.i, exclude, window=2) or self._salient(tok.i, exclude)
        finally:
            self._want_gender = outer

    def _pronoun_candidates(self, tok: Token) -> str | None:
        exclude: set[str] = set()
        q = self.quote_of.get(tok.i)
        if q is not None and self.speakers.get(q):
            exclude.add(self.speakers[q])  # "he" in my quote is not me
        if q is not None and self.topics.get(q) and self._gender_fits(self.topics[q]):
            return self.topics[q]  # "'Nobody likes him,' so says Clinton of Sanders"
        main = self._main_subject_after(tok)
        if main and main not in exclude and main != self._clause_subject(tok):
            # "When Carlson pressed him ..., Sessions denied": a pronoun in a fronted
            # subordinate clause looks ahead to the main clause's subject.
            return main
        if tok.dep_ in ("nsubj", "nsubjpass"):
            reporter = self._reporting_subject(tok)
            if reporter and reporter not in exclude:
                return reporter
            if self._reported_by_stranger(tok):
                return None  # "Volker wrote how he had talked ...": he is Volker, whom we do not know
            return (
                self._recent(tok.i, exclude, subjects_only=True, same_sentence=True)
                or self._recent(tok.i, exclude, subjects_only=True, window=2)
                or self._salient(tok.i, exclude)
            )
        if (
            tok.dep_ == "poss"
            and tok.head.dep_ == "conj"
            and self.token_pid.get(tok.head.head.i)
            and self._gender_fits(self.token_pid[tok.head.head.i])
        ):
            return self.token_pid[tok.head.head.i]  # "Joe Biden and his son Hunter"
        if tok.dep_ == "poss" or tok.lower_ in ("himself", "herself"):
            subj = self._nominal_possessor(tok) or self._clause_subject(tok) or self._governing_subject(tok)
            if subj and subj not in exclude:
                return subj
            return self._recent(tok.i, exclude)
        subj = self._clause_subject(tok)
        if subj:
            exclude = exclude | {subj}
        # "Liam Fox said the comments were at odds with Tony Blair's prediction. But Mr Clarke
        # accused him ...": an object pronoun prefers a recent subject to a mere possessor.
        return (
            self._recent(tok.i, exclude, same_sentence=True)
            or self._recent(tok.i, exclude, subjects_only=True, window=1)
            or self._recent(tok.i, exclude, window=2)
            or self._salient(tok.i, exclude)
        )

    def _nominal_possessor(self, tok: Token) -> str | None:
        """ "Trump's description of his conversation": a possessive inside a noun phrase
        that another person possesses is that person's, as a clause's is its subject's."""
        node = tok.head
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "of":
                node = node.head.head
            else:
                return None
            for c in node.children:
                if c.dep_ == "poss" and c.i != tok.i and self.token_pid.get(c.i):
                    pid = self.token_pid[c.i]
                    return pid if self._gender_fits(pid) else None
        return None

    def _reporters(self, tok: Token) -> list[Token]:
        """The subjects, before ``tok``, of the reporting verb whose complement clause
        ``tok`` is the subject of ("Trump has said he ...": Trump); [] if none."""
        verb = tok.head
        if (
            verb.dep_ != "ccomp"
            or verb.head.lemma_.lower() not in self.lex.speech_verbs | self.lex.constructions.belief_verbs
        ):
            return []
        return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < tok.i]

    def _reported_by_stranger(self, tok: Token) -> bool:
        """The reporter is a proper name that is no person of the article (a name the model
        missed): the pronoun is most likely that name, so no other person may be guessed."""
        return any(c.pos_ == "PROPN" and not self.person(c) for c in self._reporters(tok))

    def _reporting_subject(self, tok: Token) -> str | None:
        """'Trump has said he fired Bolton': the subject of a reporting verb is the
        antecedent of 'he' in its complement clause, when it is a named person of the
        pronoun's gender."""
        for c in self._reporters(tok):
            pid = self.token_pid.get(c.i) or (self.person(c) if self.how(c) in ("apposition", "role") else None)
            if pid and self._gender_fits(pid):
                return pid
        return None

    def _main_subject_after(self, tok: Token) -> str | None:
        # "Before his first meeting with Kim, Mr. Trump told reporters ...": a pronoun in a
        # fronted phrase looks ahead to the main clause's subject.
        node = tok
        while node.head.i != node.i and not (
            node.dep_ in ("prep", "advcl") and node.head.pos_ in ("VERB", "AUX") and node.head.dep_ == "ROOT"
        ):
            node = node.head
        root = node.head
        if (
            node.dep_ in ("prep", "advcl")
            and node.i < root.i
            and root.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)
            and node.lower_ not in ("as", "regarding", "concerning", "about")
        ):  # "As for her meeting, Earnest said"
            # "In April 2008, in the middle of his primary race against Clinton, Obama gave a
            # speech", "Responding to questions ... where polls show he trails Cruz, Trump said":
            # when only fronted phrases stand before the subject, the pronoun looks ahead.
            for c in root.children:
                if (
                    c.dep_ == "nsubj"
                    and c.i > tok.i
                    and self.token_pid.get(c.i)
                    and self._gender_fits(self.token_pid[c.i])
                ):
                    before = [d for d in root.children if d.i < c.i]
                    if all(d.dep_ in ("prep", "punct", "npadvmod", "advmod", "cc", "advcl") for d in before):
                        return self.token_pid[c.i]
        clause = tok
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        if not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "after", "before", "while", "once", "since")
            for c in clause.children
        ):
            return None
        for c in clause.head.children:
            if c.dep_ == "nsubj" and c.i > tok.i and self.token_pid.get(c.i):
                return self.token_pid[c.i]
        return None

    def _salient(self, before: int, exclude: set[str], window: int = 5) -> str | None:
        """The most mentioned person among those mentioned in the last few sentences."""
        sent = self._sent_start.get(before, 0)
        seen: dict[str, None] = {}  # most recent first; a dict keeps that order, a set would not
        for i in range(before - 1, -1, -1):
            if sent - self._sent_start.get(i, 0) > window:
                break
            pid = self.token_pid.get(i)
            if pid is None and not seen and self._unnamed_antecedent(self.doc[i]):
                return None
            if pid and pid not in exclude and self._gender_fits(pid):
                seen.setdefault(pid)
        if not seen:
            return None
        # Ties go to the most recent: max keeps the first of equals, and the order is stable
        # across processes (set order is not: it follows each process's hash seed).
        return max(seen, key=lambda p: self.people[p].count)

    def _role(self, tok: Token) -> str | None:
        """'the President', 'his former attorney general', 'my brother' -> the person tied to it."""
        phrase = role_phrase(tok)
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if not dets:
            return None
        det = dets[0]
        if det.dep_ == "det" and det.lower_ not in ("the", "this", "that"):
            return None
        if det.lower_ in ("my", "your") and tok.lower_ not in self.lex.kin_nouns:
            return None  # '"under advice of my counsel," Vindman said': his own, not the special counsel
        if tok.lower_ in self.lex.kin_nouns:
            if det.dep_ != "poss" or any(c.dep_ == "appos" for c in tok.children):
                # "Her father, an influential Democrat, ...": described, not named, so
                # not one of the article's named people.
                return None
            owner = self.person(det)
            if not owner:
                return None
            if self.how(det) == "pronoun" and self._clause_subject(det) != owner:
                return None  # a guessed owner makes a guessed relative: too weak to draw
            surname = self.people[owner].last
            gender = self.lex.gendered_words.get(tok.lower_)
            kin = [
                p
                for p in self.people.values()
                if p.pid != owner and p.last == surname and (gender is None or p.gender in (None, gender))
            ]
            if not kin:
                return None
            return max(kin, key=lambda p: (p.titled, p.count)).pid
        role = None
        for r in self.lex.roles_longest_first:
            if phrase == r or phrase.endswith(" " + r):
                role = r
                break
        if role is None:
            return None
        nth = _ordinal(tok)
        if nth and role in ("president", "vice president"):
            # "the 41st president": the KB's 41st, if the article names him; else nobody
            name = nth_holder(role, nth)
            named = [p for p in self.people.values() if name and p.role_phrase is None and same_person(p.name, name)]
            return named[0].pid if len(named) == 1 else None
        holders = [p for p in self.people.values() if role in p.roles and p.role_phrase is None]
        # "the Republican candidate" is not "Democratic congressional candidate Randy Bryce",
        # "the US president" not "the French president": a contradicting word rules a holder out.
        same = self.lex.constructions.same_words  # "the GOP candidate" is "Republican candidate X"

        def norm(words) -> set[str]:
            return {same.get(w, w) for w in words}

        for group in self.lex.contrast_words:
            said = norm(set(phrase.split()) & group)
            if said:
                holders = [p for p in holders if not (p.title_words & group) or norm(p.title_words & group) & said]
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0].pid
        for i in range(tok.i - 1, -1, -1):
            pid = self.token_pid.get(i)
            if pid and any(h.pid == pid for h in holders):
                return pid
        return None


_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _ordinal(tok: Token) -> int | None:
    """41 for "the 41st president"."""
    for c in tok.lefts:
        m = _ORDINAL.match(c.lower_)
        if m:
            return int(m.group(1))
    return None


_KIND = {
    "name": MentionKind.NAME,
    "pronoun": MentionKind.PRONOUN,
    "speaker": MentionKind.PRONOUN,
    "role": MentionKind.ROLE,
    "apposition": MentionKind.ROLE,
}


def person_cues(doc: Doc, resolver: Resolver) -> list[PersonCues]:
    """What the article says about each of its people, for linking (``graphbuild.linking``)."""
    after: dict[str, list[str]] = {}
    text = doc_text(doc)
    i = 0
    while i < len(doc):
        pid = resolver.token_pid.get(i)
        if pid is None:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and resolver.token_pid.get(j) == pid:
            j += 1
        end = doc[j - 1].idx + len(doc[j - 1].text)
        tail = text[end : end + 60].split("\n", 1)[0]
        after.setdefault(pid, []).append(tail)
        i = j
    out = []
    for p in resolver.people.values():
        if p.role_phrase is not None:
            out.append(PersonCues(p.pid, "", role_phrase=p.role_phrase))
        elif p.count or p.pid in after:
            out.append(
                PersonCues(
                    p.pid,
                    p.name,
                    tuple(sorted(p.names)),
                    tuple(sorted(p.roles)),
                    tuple(sorted(p.title_words)),
                    tuple(after.get(p.pid, ())),
                    p.gender,
                )
            )
    return out


def article_people(resolver: Resolver) -> list[Person]:
    """The article's people as records: id, fullest name, every name the article used."""
    return [
        Person(p.pid, p.name, tuple(sorted(p.names)))
        for p in resolver.people.values()
        if p.count and p.role_phrase is None
    ]


def article_mentions(doc: Doc, resolver: Resolver) -> list[Mention]:
    """Every span that refers to a person, with how it was found (character offsets)."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        pid = resolver.token_pid.get(i)
        if pid:
            j = i + 1
            while j < len(doc) and resolver.token_pid.get(j) == pid:
                j += 1
            # Titles in front belong to the mention: "Former Attorney General Jeff Sessions".
            start = i
            while (
                start > 0
                and doc[start - 1].dep_ in ("compound", "amod")
                and doc[start - 1].head.i in range(start, j)
                and not resolver.token_pid.get(start - 1)
            ):
                start -= 1
            span = doc[start:j]
            out.append(
                Mention(
                    span.start_char, span.end_char, span.text, MentionKind.TITLE if start < i else MentionKind.NAME, pid
                )
            )
            i = j
            continue
        low = tok.lower_
        if (
            low in resolver.lex.pronouns
            or low in resolver.lex.first_person
            or (tok.pos_ in ("NOUN", "PROPN") and low in resolver.lex.role_heads)
        ):
            pid = resolver.person(tok)
            if pid:
                # A role mention spans its whole phrase: "former attorney general".
                mods = [t.i for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod")]
                span = doc[min(mods, default=tok.i) : tok.i + 1]
                out.append(
                    Mention(
                        span.start_char, span.end_char, span.text, _KIND.get(resolver.how(tok), MentionKind.ROLE), pid
                    )
                )
        i += 1
    return out
