"""The relation wording, loaded once from two JSON files into lookup tables.

``lexicon.json`` is hand-written; ``lexicon_cameo.json`` is generated from the
CAMEO verb dictionary by ``python -m graphbuild.extract.cameo_import``. The
hand-written file overrides: a verb lemma it names takes none of CAMEO's
entries. Both files are checked against a schema at load: an unknown key, a
value of the wrong type, an unknown relation type or an entry that duplicates
another (and so could never fire) raises ``LexiconError`` naming the file,
the entry and the fix.

>>> lex = load_lexicon()
>>> [p.relation.value for p in lex.verbs["endorse"]]
['ENDORSED']
>>> lex.title_roles["sen."]
('senator', 'lawmaker')
>>> [(p.relation.value, p.origin) for p in lex.verbs["castigate"]]
[('CRITICIZED', 'cameo 111')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import LexiconError, UnknownRelationError
from ..records import Relation

FILES = ("lexicon.json", "lexicon_cameo.json")


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    relation: Relation
    preps: tuple[str, ...] = ()  # target is the pobj of one of these; empty: the dobj
    prt: str | None = None  # a particle the verb must carry ("vote out")
    no_prt: tuple[str, ...] = ()  # particles that change the meaning ("fire back")
    oprd: tuple[str, ...] = ()  # nouns that must complete the verb ("called X a jerk")
    needs_prep: tuple[str, ...] = ()  # a prep the verb must also carry ("named X as ...")
    no_prep: tuple[str, ...] = ()  # a prep that hands the role to someone else ("replaced X with Y")
    needs_dobj_noun: tuple[str, ...] = ()  # light-verb nouns ("put a hold on X")
    needs_prep_object_noun: tuple[str, ...] = ()  # "likened X to a guard"
    needs_xcomp: tuple[str, ...] = ()  # "forced X to resign"
    negated_means: Relation | None = None  # "would not support X" asserts OPPOSED
    needs_ccomp: bool = False  # "warned X that ...", not "warned X against ..."
    no_xcomp: bool = False  # "threatened X", not "threatened to ..."
    xcomp_object: bool = False  # "threatened to fire X": the target is the object of the xcomp
    proxy_only: bool = False  # the target is only ever the owner of a proxy noun
    deep_object: bool = False  # the target may sit deeper ("recused from the probe into X")
    subject_roles: tuple[str, ...] = ()  # a subject holding one of these roles ...
    subject_role_means: Relation | None = None  # ... makes it this relation ("prosecutors charged X")
    reverse: bool = False  # the subject is the target ("won the backing of X": X endorsed the subject)
    origin: str = "lexicon"  # "lexicon" (hand-written) or "cameo CODE"
    context: str | None = None  # "election": only with an election word in this sentence or the two before
    mutual: bool = False  # "X faces Y", "X trails Y": both compete, the edge goes both ways


@dataclass(frozen=True, slots=True)
class NounPattern:
    lemma: str
    relation: Relation
    preps: tuple[str, ...] = ()
    that_clause: bool = False
    reverse: bool = False
    deep_object: bool = False


@dataclass(frozen=True, slots=True)
class Constructions:
    """Wording of the constructions and cues in ``lexicon.json``'s "constructions" group."""

    press_roles: frozenset[str]  # a person with one of these roles interviews, not converses
    outlet_words: frozenset[str]  # "CNN's Jake Tapper": an outlet owner makes a journalist
    press_verbs: frozenset[str]  # "X told CNN's Y", "Y asked X": an interview when Y is press
    event_nouns_with_subject: frozenset[str]  # "said in an interview with Y": the verb's subject
    event_preps: frozenset[str]
    service_nouns: frozenset[str]  # "an official under Obama", "a staffer for Clinton's campaign"
    service_preps: frozenset[str]
    service_org_nouns: frozenset[str]  # "the Trump campaign", "the Obama administration"
    election_context: frozenset[str]
    election_opponent_words: frozenset[str]  # "her Republican opponent": a rival in a race
    speculation_heads: frozenset[str]  # "musing about firing X": verbs whose gerund object is not done
    speculation_nouns: frozenset[str]  # "the more likely scenario is that ...", "the possibility of"
    supposition_governors: frozenset[str]  # "assume Bernie defeats Warren"
    negating_preps: frozenset[str]  # "without endorsing X"
    factive_marks: frozenset[str]  # "even though he blasted X": the clause is asserted
    temporal_preps: frozenset[str]  # "before interviewing her": the gerund is asserted
    presupposing_wh: frozenset[str]  # "why is Bush backing Cruz?" asks about a fact
    epistemic_aux: frozenset[str]  # "might not support X": no refusal is asserted
    same_words: dict[str, str]  # "GOP" and "Republican" say the same thing
    topic_preps: frozenset[str]  # "so says Clinton of her rival Sanders": the quote is about Sanders
    receiving_verbs: frozenset[str]  # "X has the backing of Y": Y backs X
    seeking_verbs: frozenset[str]  # "X sought the endorsement of Y": Y's endorsement is hoped for
    joining_verbs: frozenset[str]  # "Manafort joined the Trump campaign"
    placement_verbs: frozenset[str]  # "Page was named to Trump's team", "served in the Obama administration"
    placement_preps: frozenset[str]
    ranking_words: frozenset[str]  # "the first senator to endorse him" happened; "a candidate to face Trump" not yet
    statement_nouns: frozenset[str]  # "a statement from X said": X speaks
    evaluative_negative: frozenset[str]  # '"Paul Ryan's position is treasonous," said X': X criticized Ryan
    evaluative_positive: frozenset[str]
    tie_nouns: dict[str, str]  # "his opponent" is whoever the article has him running against
    attempt_words: frozenset[str]  # "a bid to unseat X": the challenge is made
    belief_verbs: frozenset[str]  # with speech verbs: "Trump thinks he ...": he is Trump


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[VerbPattern, ...]]
    adjectives: dict[str, NounPattern]
    nouns: dict[str, NounPattern]
    relational_nouns: dict[str, NounPattern]
    say_about: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    voice_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    kin_nouns: frozenset[str]
    subordinate_roles: frozenset[str]
    roles: frozenset[str]
    title_roles: dict[str, tuple[str, ...]]
    honorifics: frozenset[str]
    name_suffixes: frozenset[str]
    not_person_words: frozenset[str]
    speech_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_governors: frozenset[str]
    commitment_governors: frozenset[str]
    refusal_governors: frozenset[str]
    negators: frozenset[str]
    hedges: frozenset[str]
    singling_out: frozenset[str]
    contrast_words: tuple[frozenset[str], ...]  # groups: two words of one group contradict
    correlative_negators: frozenset[str]
    first_name_gender: dict[str, str]
    conditional_marks: frozenset[str]
    pronouns: frozenset[str]
    pronoun_gender: dict[str, str]
    gendered_words: dict[str, str]  # titles, roles and kin nouns that say "m" or "f"
    first_person: frozenset[str]
    withdrawing_verbs: frozenset[str]  # "withdrew his endorsement of X": the relation noun is negated
    constructions: Constructions

    @property
    def all_roles(self) -> frozenset[str]:
        return self.roles | self.subordinate_roles | self.kin_nouns

    @property
    def role_heads(self) -> frozenset[str]:
        """The last word of every role and kin phrase: "general" of "attorney general"."""
        return _heads(self.all_roles)

    @property
    def roles_longest_first(self) -> tuple[str, ...]:
        return _longest_first(self.roles | self.subordinate_roles)


@lru_cache(maxsize=4)
def _heads(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.split()[-1] for w in words)


@lru_cache(maxsize=4)
def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


# -- schema ----------------------------------------------------------------------------

_STR, _WORDS, _BOOL, _REL = "a string", "a list of strings", "true or false", "a relation type"
VERB_KEYS: dict[str, str] = {
    "lemma": _STR,
    "relation": _REL,
    "preps": _WORDS,
    "prt": _STR,
    "no_prt": _WORDS,
    "oprd": _WORDS,
    "needs_prep": _WORDS,
    "no_prep": _WORDS,
    "needs_dobj_noun": _WORDS,
    "needs_prep_object_noun": _WORDS,
    "needs_xcomp": _WORDS,
    "negated_means": _REL,
    "needs_ccomp": _BOOL,
    "no_xcomp": _BOOL,
    "xcomp_object": _BOOL,
    "proxy_only": _BOOL,
    "deep_object": _BOOL,
    "subject_roles": _WORDS,
    "subject_role_means": _REL,
    "reverse": _BOOL,
    "context": _STR,
    "mutual": _BOOL,
}
CAMEO_KEYS: dict[str, str] = {**VERB_KEYS, "cameo": _STR, "cameo_block": _STR}
NOUN_KEYS: dict[str, str] = {
    "lemma": _STR,
    "relation": _REL,
    "preps": _WORDS,
    "that_clause": _BOOL,
    "reverse": _BOOL,
    "deep_object": _BOOL,
}
_WORD_LISTS = (
    "light_verbs",
    "voice_nouns",
    "proxy_nouns",
    "kin_nouns",
    "subordinate_roles",
    "roles",
    "honorifics",
    "name_suffixes",
    "not_person_words",
    "speech_verbs",
    "hypothetical_aux",
    "hypothetical_governors",
    "commitment_governors",
    "refusal_governors",
    "negators",
    "correlative_negators",
    "singling_out",
    "hedges",
    "conditional_marks",
    "first_person",
    "male_first_names",
    "female_first_names",
    "withdrawing_verbs",
)
# Keys of lexicon.json; a key starting with "_" is a comment.
TOP_KEYS: dict[str, str] = {
    "verbs": "verbs",
    "adjectives": "nouns",
    "nouns": "nouns",
    "relational_nouns": "nouns",
    "say_about": "say_about",
    "title_roles": "word_lists_by_word",
    "pronouns": "gender_by_word",
    "gendered_words": "gender_by_word",
    "contrast_words": "word_groups",
    **dict.fromkeys(_WORD_LISTS, "words"),
    "constructions": "constructions",
}
SAY_ABOUT_KEYS = ("verbs", "objects", "positive", "negative")
# The fields that decide whether a verb entry fires: two entries equal on all of them
# are one wording given twice, and only the first could ever fire.
_MATCH_FIELDS = tuple(k for k in VERB_KEYS if k not in ("relation", "negated_means", "subject_role_means"))


def _fail(path: str, where: str, reason: str, fix: str) -> LexiconError:
    return LexiconError(path, where, reason, fix)


def _check_value(path: str, where: str, key: str, value: object, kind: str) -> None:
    ok = {
        _STR: isinstance(value, str) and value != "",
        _WORDS: isinstance(value, list) and all(isinstance(v, str) and v for v in value),
        _BOOL: isinstance(value, bool),
        _REL: isinstance(value, str),
    }[kind]
    if not ok:
        raise _fail(path, where, f"{key!r} is {value!r}", f"make it {kind}")
    if kind == _REL:
        try:
            Relation.parse(value)
        except UnknownRelationError as exc:
            raise _fail(path, where, f"{key!r}: {exc}", "use a type from spec/relations.md") from exc
    if kind == _WORDS and len(set(value)) != len(value):
        dup = next(v for v in value if value.count(v) > 1)
        raise _fail(path, where, f"{key!r} lists {dup!r} twice", "remove the second one")


def _check_entries(path: str, section: str, entries: object, keys: dict[str, str]) -> None:
    if not isinstance(entries, list):
        raise _fail(path, section, f"is {type(entries).__name__}", "make it a list of entries")
    seen: dict[tuple, int] = {}
    for i, e in enumerate(entries):
        where = f"{section}[{i}]" + (f" ({e.get('lemma')!r})" if isinstance(e, dict) else "")
        if not isinstance(e, dict):
            raise _fail(path, where, f"is {e!r}", "make it an object with 'lemma' and 'relation'")
        for key, value in e.items():
            if key not in keys:
                raise _fail(
                    path,
                    where,
                    f"unknown key {key!r}",
                    f"use one of {', '.join(sorted(keys))} (a misspelt key would be ignored)",
                )
            _check_value(path, where, key, value, keys[key])
        for key in ("lemma", "relation"):
            if key not in e:
                raise _fail(path, where, f"has no {key!r}", f"add {key!r}")
        if ("subject_roles" in e) != ("subject_role_means" in e):
            raise _fail(path, where, "'subject_roles' and 'subject_role_means' go together", "give both, or neither")
        fields = _MATCH_FIELDS if keys is not NOUN_KEYS else ("lemma",)
        key = tuple(json.dumps(e.get(f), sort_keys=True) for f in fields)
        if key in seen:
            raise _fail(
                path,
                where,
                f"duplicates {section}[{seen[key]}]: the second can never fire",
                "merge the two entries into one",
            )
        seen[key] = i


def _check_constructions(path: str, value: object) -> None:
    """The "constructions" group: exactly the fields of ``Constructions``, each a list of
    words or (same_words, tie_nouns) an object of word -> word."""
    if not isinstance(value, dict):
        raise _fail(path, "constructions", f"is {value!r}", "make it a JSON object")
    fields = dict(Constructions.__annotations__.items())
    for key, v in value.items():
        if key.startswith("_"):
            continue
        if key not in fields:
            raise _fail(
                path,
                "constructions",
                f"unknown key {key!r}",
                f"use one of {', '.join(sorted(fields))} (a misspelt key would be ignored)",
            )
        if "dict" in str(fields[key]):
            if not isinstance(v, dict) or not all(
                isinstance(a, str) and isinstance(b, str) and b for a, b in v.items()
            ):
                raise _fail(path, f"constructions[{key!r}]", f"is {v!r}", "make it an object of word -> word")
        else:
            _check_value(path, f"constructions[{key!r}]", key, v, _WORDS)
    missing = [f for f in fields if f not in value]
    if missing:
        raise _fail(path, "constructions", f"has no {missing[0]!r}", f"add {missing[0]!r}")


def check_lexicon(raw: object, path: str = "lexicon.json") -> None:
    """Raise ``LexiconError`` unless ``raw`` follows the hand-written lexicon's schema."""
    if not isinstance(raw, dict):
        raise _fail(path, "top level", f"is {type(raw).__name__}", "make it a JSON object")
    for key in raw:
        if key not in TOP_KEYS and not key.startswith("_"):
            raise _fail(
                path,
                "top level",
                f"unknown key {key!r}",
                f"use one of {', '.join(sorted(TOP_KEYS))}, or start a comment key with '_'",
            )
    for key, kind in TOP_KEYS.items():
        if key not in raw:
            raise _fail(path, "top level", f"has no {key!r}", f"add {key!r} ({kind})")
        value = raw[key]
        if kind == "verbs":
            _check_entries(path, key, value, VERB_KEYS)
        elif kind == "nouns":
            _check_entries(path, key, value, NOUN_KEYS)
        elif kind == "words":
            _check_value(path, key, key, value, _WORDS)
        elif kind == "constructions":
            _check_constructions(path, value)
        elif kind == "word_groups":
            if not isinstance(value, list):
                raise _fail(path, key, f"is {value!r}", "make it a list of word lists")
            for i, group in enumerate(value):
                _check_value(path, f"{key}[{i}]", key, group, _WORDS)
        elif kind in ("word_lists_by_word", "gender_by_word", "say_about"):
            if not isinstance(value, dict):
                raise _fail(path, key, f"is {value!r}", "make it a JSON object")
            for word, v in value.items():
                if word.startswith("_"):
                    continue
                if kind == "say_about" and word not in SAY_ABOUT_KEYS:
                    raise _fail(path, key, f"unknown key {word!r}", f"use one of {', '.join(SAY_ABOUT_KEYS)}")
                if kind == "gender_by_word":
                    if v not in ("m", "f"):
                        raise _fail(path, f"{key}[{word!r}]", f"is {v!r}", 'make it "m" or "f"')
                else:
                    _check_value(path, f"{key}[{word!r}]", word, v, _WORDS)
            if kind == "say_about":
                missing = [k for k in SAY_ABOUT_KEYS if k not in value]
                if missing:
                    raise _fail(path, key, f"has no {missing[0]!r}", f"add {missing[0]!r} (a list of words)")


def check_cameo(raw: object, path: str = "lexicon_cameo.json") -> None:
    """Raise ``LexiconError`` unless ``raw`` follows the generated CAMEO file's schema."""
    if not isinstance(raw, dict) or "verbs" not in raw:
        raise _fail(
            path,
            "top level",
            "has no 'verbs'",
            "regenerate it with `python -m graphbuild.extract.cameo_import CAMEO.2.0.txt`",
        )
    for key in raw:
        if key != "verbs" and not key.startswith("_"):
            raise _fail(path, "top level", f"unknown key {key!r}", "only 'verbs' and '_' comments belong here")
    _check_entries(path, "verbs", raw["verbs"], CAMEO_KEYS)


# -- loading ---------------------------------------------------------------------------


def _tuple(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, ())
    return tuple(value) if isinstance(value, list) else ((value,) if value else ())


def _noun(entry: dict) -> NounPattern:
    return NounPattern(
        entry["lemma"],
        Relation.parse(entry["relation"]),
        _tuple(entry, "preps"),
        bool(entry.get("that_clause")),
        bool(entry.get("reverse")),
        bool(entry.get("deep_object")),
    )


def _verb(e: dict, origin: str) -> VerbPattern:
    rel = Relation.parse
    return VerbPattern(
        lemma=e["lemma"],
        relation=rel(e["relation"]),
        preps=_tuple(e, "preps"),
        prt=e.get("prt"),
        no_prt=_tuple(e, "no_prt"),
        oprd=_tuple(e, "oprd"),
        needs_prep=_tuple(e, "needs_prep"),
        no_prep=_tuple(e, "no_prep"),
        needs_dobj_noun=_tuple(e, "needs_dobj_noun"),
        needs_prep_object_noun=_tuple(e, "needs_prep_object_noun"),
        needs_xcomp=_tuple(e, "needs_xcomp"),
        negated_means=rel(e["negated_means"]) if e.get("negated_means") else None,
        proxy_only=bool(e.get("proxy_only")),
        deep_object=bool(e.get("deep_object")),
        needs_ccomp=bool(e.get("needs_ccomp")),
        no_xcomp=bool(e.get("no_xcomp")),
        xcomp_object=bool(e.get("xcomp_object")),
        subject_roles=_tuple(e, "subject_roles"),
        subject_role_means=rel(e["subject_role_means"]) if e.get("subject_role_means") else None,
        reverse=bool(e.get("reverse")),
        origin=origin,
        context=e.get("context"),
        mutual=bool(e.get("mutual")),
    )


def _lemma_variants(lemma: str) -> tuple[str, ...]:
    """The lemmas the small model's lemmatizer gives inflections it has not seen:
    "lambasted" -> "lambast", "extolled" -> "extoll"."""
    out = []
    if lemma.endswith("e") and len(lemma) > 4:
        out.append(lemma[:-1])
    if len(lemma) > 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out.append(lemma + lemma[-1])
    return tuple(out)


def _read(name: str) -> object:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(name, f"line {exc.lineno}", f"is not JSON ({exc.msg})", "fix the JSON syntax") from exc


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = _read(FILES[0])
    check_lexicon(raw, FILES[0])
    cameo = _read(FILES[1])
    check_cameo(cameo, FILES[1])
    return build_lexicon(raw, cameo)


def build_lexicon(raw: dict, cameo: dict | None = None) -> Lexicon:
    """Index checked lexicon data; CAMEO verbs only for lemmas the hand-written file does not name."""
    verbs: dict[str, list[VerbPattern]] = {}
    for e in raw["verbs"]:
        verbs.setdefault(e["lemma"], []).append(_verb(e, "lexicon"))
    hand = set(verbs)
    for e in (cameo or {}).get("verbs", []):
        if e["lemma"] not in hand:
            verbs.setdefault(e["lemma"], []).append(_verb(e, f"cameo {e['cameo']}"))
    for lemma in list(verbs):
        for variant in _lemma_variants(lemma):
            verbs.setdefault(variant, verbs[lemma])
    f = frozenset
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        adjectives={e["lemma"]: _noun(e) for e in raw["adjectives"]},
        nouns={e["lemma"]: _noun(e) for e in raw["nouns"]},
        relational_nouns={e["lemma"]: _noun(e) for e in raw["relational_nouns"]},
        say_about={k: f(v) for k, v in raw["say_about"].items() if not k.startswith("_")},
        light_verbs=f(raw["light_verbs"]),
        voice_nouns=f(raw["voice_nouns"]),
        proxy_nouns=f(raw["proxy_nouns"]),
        kin_nouns=f(raw["kin_nouns"]),
        subordinate_roles=f(raw["subordinate_roles"]),
        roles=f(raw["roles"]),
        title_roles={k: tuple(v) for k, v in raw["title_roles"].items()},
        honorifics=f(raw["honorifics"]),
        name_suffixes=f(raw["name_suffixes"]),
        not_person_words=f(raw["not_person_words"]),
        speech_verbs=f(raw["speech_verbs"]),
        hypothetical_aux=f(raw["hypothetical_aux"]),
        hypothetical_governors=f(raw["hypothetical_governors"]),
        commitment_governors=f(raw["commitment_governors"]),
        refusal_governors=f(raw["refusal_governors"]),
        negators=f(raw["negators"]),
        hedges=f(raw["hedges"]),
        singling_out=f(raw["singling_out"]),
        contrast_words=tuple(f(g) for g in raw["contrast_words"]),
        correlative_negators=f(raw["correlative_negators"]),
        first_name_gender={
            **dict.fromkeys(raw["male_first_names"], "m"),
            **dict.fromkeys(raw["female_first_names"], "f"),
        },
        conditional_marks=f(raw["conditional_marks"]),
        pronouns=f(raw["pronouns"]),
        pronoun_gender=dict(raw["pronouns"]),
        gendered_words=dict(raw["gendered_words"]),
        first_person=f(raw["first_person"]),
        withdrawing_verbs=f(raw["withdrawing_verbs"]),
        constructions=Constructions(
            **{
                k: dict(v) if isinstance(v, dict) else f(v)
                for k, v in raw["constructions"].items()
                if not k.startswith("_")
            }
        ),
    )
