"""The relation wording, loaded once from ``lexicon.json`` into lookup tables.

All wording lives in the JSON file; this module only indexes it.

>>> lex = load_lexicon()
>>> [p.relation.value for p in lex.verbs["endorse"]]
['ENDORSED']
>>> lex.title_roles["sen."]
('senator', 'lawmaker')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import Relation


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


def _tuple(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, ())
    return tuple(value) if isinstance(value, list) else ((value,) if value else ())


def _noun(entry: dict) -> NounPattern:
    return NounPattern(entry["lemma"], Relation.parse(entry["relation"]), _tuple(entry, "preps"),
                       bool(entry.get("that_clause")), bool(entry.get("reverse")),
                       bool(entry.get("deep_object")))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = json.loads(resources.files(__package__).joinpath("lexicon.json").read_text("utf-8"))
    verbs: dict[str, list[VerbPattern]] = {}
    for e in raw["verbs"]:
        verbs.setdefault(e["lemma"], []).append(VerbPattern(
            lemma=e["lemma"], relation=Relation.parse(e["relation"]), preps=_tuple(e, "preps"),
            prt=e.get("prt"), no_prt=_tuple(e, "no_prt"), oprd=_tuple(e, "oprd"),
            needs_prep=_tuple(e, "needs_prep"), no_prep=_tuple(e, "no_prep"), needs_dobj_noun=_tuple(e, "needs_dobj_noun"),
            needs_prep_object_noun=_tuple(e, "needs_prep_object_noun"),
            needs_xcomp=_tuple(e, "needs_xcomp"),
            negated_means=Relation.parse(e["negated_means"]) if e.get("negated_means") else None,
            proxy_only=bool(e.get("proxy_only")), deep_object=bool(e.get("deep_object")),
            needs_ccomp=bool(e.get("needs_ccomp")), no_xcomp=bool(e.get("no_xcomp")),
            xcomp_object=bool(e.get("xcomp_object")), context=e.get("context"), mutual=bool(e.get("mutual")),
        ))
    f = frozenset
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        adjectives={e["lemma"]: _noun(e) for e in raw["adjectives"]},
        nouns={e["lemma"]: _noun(e) for e in raw["nouns"]},
        relational_nouns={e["lemma"]: _noun(e) for e in raw["relational_nouns"]},
        say_about={k: f(v) for k, v in raw["say_about"].items() if not k.startswith("_")},
        light_verbs=f(raw["light_verbs"]), voice_nouns=f(raw["voice_nouns"]), proxy_nouns=f(raw["proxy_nouns"]),
        kin_nouns=f(raw["kin_nouns"]), subordinate_roles=f(raw["subordinate_roles"]),
        roles=f(raw["roles"]), title_roles={k: tuple(v) for k, v in raw["title_roles"].items()},
        honorifics=f(raw["honorifics"]), name_suffixes=f(raw["name_suffixes"]),
        not_person_words=f(raw["not_person_words"]), speech_verbs=f(raw["speech_verbs"]),
        hypothetical_aux=f(raw["hypothetical_aux"]),
        hypothetical_governors=f(raw["hypothetical_governors"]),
        commitment_governors=f(raw["commitment_governors"]),
        refusal_governors=f(raw["refusal_governors"]), negators=f(raw["negators"]),
        hedges=f(raw["hedges"]), singling_out=f(raw["singling_out"]), contrast_words=tuple(f(g) for g in raw["contrast_words"]),
        correlative_negators=f(raw["correlative_negators"]),
        first_name_gender={**{n: "m" for n in raw["male_first_names"]}, **{n: "f" for n in raw["female_first_names"]}},
        conditional_marks=f(raw["conditional_marks"]), pronouns=f(raw["pronouns"]),
        pronoun_gender=dict(raw["pronouns"]), gendered_words=dict(raw["gendered_words"]),
        first_person=f(raw["first_person"]),
        constructions=Constructions(**{k: dict(v) if isinstance(v, dict) else f(v)
                                       for k, v in raw["constructions"].items() if not k.startswith("_")}),
    )
