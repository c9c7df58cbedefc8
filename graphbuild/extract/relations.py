"""Dependency patterns: who does what to whom, read off the parse.

Each pattern family finds (source token, target token, relation, wording)
candidates; the people behind the tokens come from the ``Resolver``, the
modality from ``modality_of`` and the voice behind the claim (speaker,
reported_by) from ``attribution_of``. The wording itself is data
(``lexicon.json``); this module holds only the shapes of the parse.

Families: verbs (active, passive, coordinated subjects and objects,
inherited subjects of "..., endorsing Brill"), light-verb nouns ("declared
his loyalty to the President"), nominalizations ("Trump's criticism of
Sessions"), adjectives ("too harsh to Hillary Clinton"), "said nice things
about X", relational nouns ("a close ally of Graham's"), role and kin ties
("his former attorney general", "Nancy Bryce, their mother"), and a surface
fallback for verbs the tagger mistook for nouns ("Trump disapproves of").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..naming import split_name
from ..records import Modality, Relation
from .doc_text import doc_text
from .lexicon import Lexicon, NounPattern, VerbPattern
from .mentions import Resolver

SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")


@dataclass(frozen=True, slots=True)
class Candidate:
    source: str
    target: str
    relation: Relation
    label: str
    anchor: Token  # the word that carries the relation: modality is read from here
    modality: Modality
    strength: float  # how explicit the pattern is, before resolution penalties
    how: tuple[str, str]  # how each end was resolved: name, pronoun, role, ...


# -- small helpers over the parse ---------------------------------------------------


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _has_particle(verb: Token, prt: str) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == prt for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == prt and not list(c.children) for c in verb.children
    )


def _inside_clause(tok: Token, top: Token) -> bool:
    """Whether a clause of its own (relative, adverbial, complement) lies between tok and top."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            return True
        node = node.head
    return False


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _reduced_passive(verb: Token) -> bool:
    """'Strange, backed by President Trump, ...', 'Backed by Trump, Strange won': a past
    participle with an agent and no subject of its own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and not _is_passive(verb)
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _is_outlet(tok: Token, cx) -> bool:
    """'CNN' in "CNN's Jake Tapper", 'the New York Times' in "the Times' Maggie Haberman"."""
    words = [t for t in tok.subtree if t.dep_ != "case" and t.pos_ != "DET"]
    if any(w.lower_ in cx.outlet_words for w in words):
        return True
    return len(words) == 1 and tok.text.isupper() and 2 <= len(tok.text) <= 6 and tok.ent_type_ == "ORG"


def _in_election_context(tok: Token, cx) -> bool:
    """An election word in tok's sentence or the two before it."""
    sent = tok.sent
    words = list(sent)
    for _ in range(2):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
        words += list(sent)
    return any(t.lower_ in cx.election_context or t.lemma_.lower() in cx.election_context for t in words)


class PatternMatcher:
    """Runs every pattern family over one parsed article."""

    def __init__(self, doc: Doc, resolver: Resolver, lex: Lexicon):
        self.doc, self.r, self.lex = doc, resolver, lex
        self.out: list[Candidate] = []
        self.press = self._press_people()
        sizes: dict[int, int] = {}
        for q in resolver.quote_of.values():
            sizes[q] = sizes.get(q, 0) + 1
        # A capitalised word inside a short quote is a title ("Face the Nation"), not a verb.
        self.in_title = {i for i, q in resolver.quote_of.items() if sizes[q] <= 7 and doc[i].is_title}

    def _press_people(self) -> set[str]:
        """People the article presents as journalists: a press role ("NPR host Steve
        Inskeep") or an outlet as owner ("CNN's Jake Tapper")."""
        cx = self.lex.constructions
        press = {pid for pid, p in self.r.people.items() if (p.roles | p.title_words) & cx.press_roles}
        for t in self.doc:
            pid = self.r.token_pid.get(t.i)
            if not pid or self.r.token_pid.get(t.head.i) == pid:
                continue
            if any(c.dep_ == "poss" and not self.r.token_pid.get(c.i) and _is_outlet(c, cx) for c in t.children):
                press.add(pid)
        return press

    # -- people behind tokens -------------------------------------------------------
    def people_at(
        self, tok: Token, proxy: bool = True, deep: bool = False, before: int | None = None
    ) -> list[tuple[str, str]]:
        """The people a noun phrase denotes, through coordination, appositions and
        proxy nouns ("Trump's agenda" stands for Trump as an object); with ``before``,
        only conjuncts written before that token."""
        found: list[tuple[str, str]] = []
        for t in _conjuncts(tok):
            if before is not None and t.i >= before:
                continue
            pid = self.r.person(t)
            if pid:
                found.append((pid, self.r.how(t)))
                continue
            if proxy and t.lower_ in self.lex.proxy_nouns or deep:
                for c in t.children:
                    if c.dep_ == "poss" and self.r.person(c):
                        found.append((self.r.person(c), self.r.how(c)))
                    elif c.dep_ == "prep" and c.lower_ in ("of", "into", "on", "against"):
                        for p in _children(c, "pobj"):
                            found.extend(self.people_at(p, proxy=True, deep=False))
        return found

    def _voice_of(self, tok: Token) -> list[tuple[str, str]]:
        """'Clinton's campaign', 'Banda's office': a person's own organisation acts for them."""
        if tok.lemma_.lower() not in self.lex.voice_nouns:
            return []
        return [x for c in _children(tok, "poss") for x in self.people_at(c, proxy=False)]

    def subjects(self, verb: Token, depth: int = 0) -> list[tuple[str, str]]:
        """The people doing ``verb``: its own subject, else one it inherits."""
        if depth > 4:
            return []
        found: list[tuple[str, str]] = []
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    # "Kian, who served on Trump's transition, and his son": the clause is
                    # about the noun it follows, not the conjuncts written after it
                    return self.people_at(verb.head, proxy=False, before=verb.i)
                found += self.people_at(c, proxy=False) or self._voice_of(c)
        if found or any(c.dep_ in ("nsubj", "csubj") for c in verb.children):
            return found
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp":
            objs = _children(head, "dobj")
            if objs and head.lemma_ not in ("promise",):
                return self.people_at(objs[0], proxy=False)  # object control: urged X to ...
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("advcl", "conj"):
            if any(
                c.dep_ == "mark" and c.lower_ in ("if", "because", "although", "while", "when", "unless")
                for c in verb.children
            ):
                return []
            return self.subjects(head, depth + 1)
        if verb.dep_ == "pcomp":
            governor = head.head
            objs = _children(governor, "dobj")
            if head.lower_ in ("for", "of") and objs and governor.pos_ == "VERB":
                # "slammed X for attacking Y", "accused them of supporting Y": the object acts.
                return self.people_at(objs[0], proxy=False)
            if governor.pos_ not in ("VERB", "AUX") or governor.i == head.i:
                return []  # "them ... hypocritical for supporting Y": no safe subject
            return self.subjects(governor, depth + 1)
        if verb.dep_ in ("relcl", "acl"):
            # "the first senator to endorse him": the noun is the subject when it is
            # a person, or the complement of a person ("I was the first senator").
            own = self.people_at(head, proxy=False)
            if own:
                return own
            if verb.dep_ == "acl" and head.lemma_.lower() in self.lex.constructions.attempt_words:
                # "Trump's bid to oust X", "won the nomination in a bid to unseat X"
                owners = [x for c in _children(head, "poss") for x in self.people_at(c, proxy=False)]
                if owners:
                    return owners
                if head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
                    return self.subjects(head.head.head, depth + 1)
            if head.dep_ in ("attr", "npadvmod", "appos") and head.head.pos_ in ("AUX", "VERB"):
                return self.subjects(head.head, depth + 1)
        return []

    # -- emit -----------------------------------------------------------------------
    def emit(
        self,
        sources,
        targets,
        relation: Relation,
        label: str,
        anchor: Token,
        strength: float,
        modality: Modality | None = None,
        reverse: bool = False,
    ) -> None:
        mod = modality or modality_of(anchor, self.lex)
        for s0, sh0 in sources:
            for t0, th0 in targets:
                s, t, sh, th = (t0, s0, th0, sh0) if reverse else (s0, t0, sh0, th0)
                rel = relation
                if rel is Relation.SPOKE_WITH and (s in self.press) != (t in self.press):
                    # "talks to Steve Inskeep", "an interview with NBC's Kasie Hunt": a
                    # conversation with a journalist is an interview, and the journalist asks.
                    rel = Relation.INTERVIEWED
                    if s not in self.press:
                        s, t, sh, th = t, s, th, sh
                if s and t and s != t:
                    self.out.append(Candidate(s, t, rel, label, anchor, mod, strength, (sh, th)))

    # -- families -------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        self._run_once()
        ties = self._ties()
        if ties and any(
            t.lemma_.lower() in self.lex.constructions.tie_nouns
            and self.r.person(t) is None
            and any(c.dep_ == "poss" for c in t.children)
            for t in self.doc
        ):
            # "Udall hit back by accusing his opponent": read again, now that the article has
            # said who runs against whom.
            self.r.set_ties(ties)
            self.out = []
            self._run_once()
        return self.out

    def _ties(self) -> dict[tuple[str, str], set[str]]:
        """(tie noun, owner) -> the people the article ties to the owner that way."""
        out: dict[tuple[str, str], set[str]] = {}
        for noun, rel in self.lex.constructions.tie_nouns.items():
            for c in self.out:
                if c.modality is not Modality.ASSERTED or c.relation.value != rel.rstrip("<>"):
                    continue
                if rel.endswith("<"):  # X's predecessor: X succeeded them
                    out.setdefault((noun, c.source), set()).add(c.target)
                elif rel.endswith(">"):  # X's successor: they succeeded X
                    out.setdefault((noun, c.target), set()).add(c.source)
                else:
                    out.setdefault((noun, c.source), set()).add(c.target)
                    out.setdefault((noun, c.target), set()).add(c.source)
        return out

    def _run_once(self) -> None:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.i in self.in_title:
                continue
            if tok.pos_ in ("VERB", "AUX") and lemma in self.lex.verbs:
                self.verb(tok, lemma)
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.verbs and tok.tag_ in ("NNS", "VBZ"):
                self.surface_verb(tok, lemma)
            if tok.pos_ == "NOUN" and lemma in self.lex.nouns:
                self.nominal(tok, self.lex.nouns[lemma])
            if tok.pos_ == "ADJ" and lemma in self.lex.adjectives:
                self.adjective(tok, self.lex.adjectives[lemma])
            if tok.pos_ == "VERB" and lemma in self.lex.say_about["verbs"]:
                self.say_about(tok)
            if tok.pos_ == "NOUN" and lemma in self.lex.relational_nouns:
                self.relational_noun(tok, self.lex.relational_nouns[lemma])
            if tok.pos_ in ("NOUN", "PROPN"):
                self.tie(tok)
            if tok.pos_ == "NOUN":
                self.service(tok)
            if tok.pos_ == "VERB" and lemma in self.lex.constructions.press_verbs:
                self.press_verb(tok, lemma)
            if tok.pos_ == "VERB" and (
                lemma in self.lex.constructions.joining_verbs or lemma in self.lex.constructions.placement_verbs
            ):
                self.joined(tok)
            if tok.pos_ in ("ADJ", "VERB", "PROPN") and (
                tok.lower_ in self.lex.constructions.evaluative_negative
                or tok.lower_ in self.lex.constructions.evaluative_positive
            ):
                self.evaluation(tok)

    def verb(self, verb: Token, lemma: str) -> None:
        for p in self.lex.verbs[lemma]:
            if not self._verb_fits(verb, p):
                continue
            passive = _is_passive(verb)
            if passive or _reduced_passive(verb):
                if passive:
                    targets = [x for c in _children(verb, "nsubjpass") for x in self.people_at(c, proxy=True)]
                elif verb.dep_ == "acl":  # "Sen. Luther Strange, backed by President Trump"
                    targets = self.people_at(verb.head, proxy=True)
                else:  # "Backed by Trump, Strange won the primary"
                    targets = self.subjects(verb.head)
                sources = [
                    x
                    for a in _children(verb, "agent")
                    for o in _children(a, "pobj")
                    for x in self.people_at(o, proxy=False)
                ]
                if passive and not sources:
                    # "was trounced in the state's primary by Sanders": the parser hangs the
                    # by-phrase on the noun before it.
                    sources = [
                        x
                        for pr in _children(verb, "prep")
                        for o in _children(pr, "pobj")
                        for by in _children(o, "prep")
                        if by.lower_ == "by"
                        for oo in _children(by, "pobj")
                        for x in self.people_at(oo, proxy=False)
                    ]
            else:
                sources = self.subjects(verb)
                targets = self._objects(verb, p)
            if not sources or not targets:
                continue
            if p.reverse:
                sources, targets = targets, sources  # lexicon: "won the backing of X"
            label = self._verb_label(verb, p)
            strength = 0.85 if not p.proxy_only else 0.75
            modality = modality_of(verb, self.lex)
            if p.relation is Relation.CHALLENGED and modality is Modality.HYPOTHETICAL and _attempted(verb, self.lex):
                modality = Modality.ASSERTED  # "a bid to unseat Sen. Tester" is a challenge made
            if p.mutual and modality is Modality.HYPOTHETICAL and _scheduled(verb, self.lex):
                modality = Modality.ASSERTED  # "Cox will face Newsom in November": a contest set
            relation = p.relation
            if p.subject_role_means is not None and self._subject_has_role(verb, sources, p.subject_roles):
                relation = p.subject_role_means  # lexicon: "prosecutors charged X with ..." -> INVESTIGATED
            if p.mutual:
                self.emit(targets, sources, relation, label, verb, strength - 0.05, modality)
            self.emit(sources, targets, relation, label, verb, strength, modality)
            if modality is Modality.NEGATED and p.negated_means is not None and _negation_is_refusal(verb, self.lex):
                self.emit(sources, targets, p.negated_means, label, verb, strength - 0.1, Modality.ASSERTED)
            break

    def _subject_has_role(self, verb: Token, sources, roles: tuple[str, ...]) -> bool:
        """Whether the subject's phrase or the source's known roles name one of ``roles``."""
        words = {t.lower_ for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
        return bool(words & set(roles)) or any(
            set(roles) & self.r.people[pid].roles for pid, _ in sources if pid in self.r.people
        )

    def _verb_fits(self, verb: Token, p: VerbPattern) -> bool:
        if p.prt and not _has_particle(verb, p.prt):
            return False
        if p.context == "election" and not _in_election_context(verb, self.lex.constructions):
            return False
        if any(_has_particle(verb, x) for x in p.no_prt):
            return False
        if p.oprd:
            oprds = _children(verb, "oprd", "attr", "ccomp", "xcomp")
            if not any(o.lemma_.lower() in p.oprd or o.lower_ in p.oprd for o in oprds):
                return False
        if p.needs_prep and not any(c.dep_ in ("prep", "dative") and c.lower_ in p.needs_prep for c in verb.children):
            return False
        if p.no_prep and any(c.dep_ in ("prep", "agent") and c.lower_ in p.no_prep for c in verb.children):
            return False
        if p.needs_dobj_noun and not any(c.lemma_.lower() in p.needs_dobj_noun for c in _children(verb, "dobj")):
            return False
        if p.needs_prep_object_noun:
            nouns = [o.lemma_.lower() for c in _children(verb, "prep") for o in _children(c, "pobj")]
            if not any(n in p.needs_prep_object_noun for n in nouns):
                return False
        if p.needs_xcomp and not any(c.lemma_.lower() in p.needs_xcomp for c in _children(verb, "xcomp")):
            return False
        if p.needs_ccomp and not _children(verb, "ccomp"):
            return False
        if (p.no_xcomp or p.xcomp_object) and bool(_children(verb, "xcomp")) != p.xcomp_object:
            return False
        return True

    def _objects(self, verb: Token, p: VerbPattern) -> list[tuple[str, str]]:
        if p.xcomp_object:
            return [
                x
                for x_ in _children(verb, "xcomp")
                for o in _children(x_, "dobj")
                for x in self.people_at(o, proxy=True)
            ]
        if p.needs_dobj_noun or p.preps:
            preps = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in p.preps]
            for d in _children(verb, "dobj"):  # "put a hold on X": the prep may hang on the noun
                preps += [c for c in d.children if c.dep_ == "prep" and c.lower_ in p.preps]
            found = []
            for prep in preps:
                for o in _children(prep, "pobj"):
                    found += self.people_at(o, proxy=True, deep=p.deep_object)
            if p.prt and not found and not p.needs_dobj_noun:
                for o in _children(verb, "dobj"):
                    found += self.people_at(o, proxy=True)
            return found
        found = []
        for o in _children(verb, "dobj", "dative"):
            if p.proxy_only:
                found += [x for t in _conjuncts(o) if self.r.person(t) is None for x in self.people_at(t, proxy=True)]
            else:
                found += self.people_at(o, proxy=p.relation.polarity != 0)
            if not found and p.relation.polarity != 0:
                found += self._singled_out(o)
        return found

    def _singled_out(self, obj: Token) -> list[tuple[str, str]]:
        """'criticized the response, particularly the appearance of Susan Rice': the
        person an object singles out with particularly / especially / notably."""
        for t in obj.subtree:
            if t.dep_ in ("appos", "npadvmod", "conj") and any(
                c.dep_ == "advmod" and c.lower_ in self.lex.singling_out for c in t.children
            ):
                found = self.people_at(t, proxy=True, deep=True)
                if found:
                    return found
                # The small parser often hangs the name elsewhere in the phrase: take the
                # first named person inside it, outside any clause of its own.
                for n in t.subtree:
                    pid = self.r.token_pid.get(n.i)
                    if pid and n.dep_ != "compound" and not _inside_clause(n, t):
                        return [(pid, "name")]
        return []

    def _verb_label(self, verb: Token, p: VerbPattern) -> str:
        words = [c.lower_ for c in verb.lefts if c.dep_ in ("aux", "neg") and c.lower_ not in ("to",)]
        words.append(verb.lower_)
        words += [c.lower_ for c in verb.rights if c.dep_ == "prt"]
        if p.oprd:
            for o in _children(verb, "oprd", "attr", "ccomp", "xcomp"):
                det = [c.lower_ for c in o.children if c.dep_ == "det"]
                words += det + [o.lower_]
        if p.needs_dobj_noun:
            words += [d.lower_ for d in _children(verb, "dobj")][:1]
        if p.needs_prep and p.needs_prep_object_noun:  # "came under fire from"
            words += [
                f"{c.lower_} {o.lower_}"
                for c in _children(verb, "prep")
                if c.lower_ in p.needs_prep
                for o in _children(c, "pobj")
                if o.lemma_.lower() in p.needs_prep_object_noun
            ][:1]
        if p.preps:  # the preposition the text uses ("spoke to", "won the backing of")
            words += [c.lower_ for c in verb.subtree if c.lower_ in p.preps][:1]
        label = " ".join(w.replace("n't", "not") for w in words)
        return label.replace("ca not", "cannot").replace("wo not", "will not")

    def surface_verb(self, tok: Token, lemma: str) -> None:
        """A cue verb the tagger took for a noun ("Trump disapproves of"): the name just
        before is the subject, the first other person after it (same clause) the target."""
        prev = tok.nbor(-1) if tok.i > 0 else None
        if prev is None or not self.r.token_pid.get(prev.i):
            return
        source = self.r.token_pid[prev.i]
        for p in self.lex.verbs[lemma]:
            if p.oprd or p.needs_dobj_noun or p.needs_xcomp or p.prt:
                continue
            j = tok.i + 1
            if p.preps:
                if j >= len(self.doc) or self.doc[j].lower_ not in p.preps:
                    continue
                j += 1
            while j < len(self.doc) and j < tok.i + 10:
                t = self.doc[j]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
                    break
                pid = self.r.person(t) if t.tag_ != "PRP$" else None
                if pid and pid != source:
                    self.emit(
                        [(source, "name")],
                        [(pid, self.r.how(t))],
                        p.relation,
                        lemma,
                        tok,
                        0.55,
                        _surface_modality(tok, self.lex),
                    )
                    return
                j += 1
            return

    def nominal(self, noun: Token, p: NounPattern) -> None:
        """'Trump's criticism of Sessions', 'declared his loyalty to the President',
        'Trump and McConnell's backing of Strange', 'Northam's victory over Gillespie',
        'said in an interview with NBC's Kasie Hunt'; 'X has the backing of Y' (Y backs X)."""
        cx = self.lex.constructions
        if noun.dep_ == "dobj" and p.relation.polarity > 0 and any(pr.lower_ == "of" for pr in _children(noun, "prep")):
            gov = noun.head.lemma_.lower()
            if gov in cx.receiving_verbs or gov in cx.seeking_verbs:
                backers = [
                    x
                    for pr in _children(noun, "prep")
                    if pr.lower_ == "of"
                    for o in _children(pr, "pobj")
                    for x in self.people_at(o, proxy=False)
                ]
                backed = self.subjects(noun.head)
                mod = Modality.HYPOTHETICAL if gov in cx.seeking_verbs else modality_of(noun.head, self.lex)
                self.emit(backers, backed, p.relation, f"{noun.head.lower_} the {noun.lower_} of", noun.head, 0.7, mod)
                return
        sources = [
            x
            for c in _children(noun, "poss", "nmod")
            if c.dep_ == "poss" or self.r.person(c)
            for x in self.people_at(c, proxy=False)
        ]
        if not sources:  # "the win by Democrat Phil Murphy"
            sources = [
                x
                for pr in _children(noun, "prep")
                if pr.lower_ == "by"
                for o in _children(pr, "pobj")
                for x in self.people_at(o, proxy=False)
            ]
        if (
            not sources
            and noun.lemma_.lower() in cx.event_nouns_with_subject
            and noun.dep_ == "pobj"
            and noun.head.lower_ in cx.event_preps
            and noun.head.head.pos_ in ("VERB", "AUX")
        ):
            sources = self.subjects(noun.head.head)  # "Walker said in an interview with NBC's Kasie Hunt"
        light = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        if not sources and light is not None and light.lemma_.lower() in self.lex.light_verbs:
            sources = self.subjects(light)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "from":
            return
        targets = []
        preps = [c for c in _children(noun, "prep") if c.lower_ in p.preps]
        if not preps and noun.dep_ == "dobj" and light.lemma_.lower() in self.lex.light_verbs:
            # "filed a lawsuit against X": the parser often hangs the prep on the light verb
            preps = [c for c in _children(light, "prep") if c.lower_ in p.preps and c.i > noun.i]
        for prep in preps:
            for o in _children(prep, "pobj"):
                targets += self.people_at(o, proxy=True, deep=p.deep_object)
        if p.that_clause:
            clauses = list(noun.children)
            if noun.dep_ == "dobj":
                # "condemned the accusation that X was ...": the parser often hangs the
                # clause on the verb; take it when it follows the noun directly.
                clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and 0 < c.left_edge.i - noun.i <= 4]
            for c in clauses:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.lower_ == "that" and m.dep_ == "mark" for m in c.children
                ):
                    for s in _children(c, "nsubj", "nsubjpass"):
                        targets += self.people_at(s, proxy=False)
        if not sources or not targets:
            return
        anchor = light if light is not None and light.lemma_.lower() in self.lex.light_verbs else noun
        withdrawn = light is not None and light.lemma_.lower() in self.lex.withdrawing_verbs
        mod = Modality.NEGATED if withdrawn else modality_of(anchor, self.lex)
        label = " ".join(
            w for w in ([light.lower_] if anchor is light else []) + [noun.lower_] + [prep.lower_ for prep in preps][:1]
        )
        self.emit(sources, targets, p.relation, label, anchor, 0.7, mod)

    def adjective(self, adj: Token, p: NounPattern) -> None:
        """'Comey had been too harsh to Hillary Clinton': the copula's subject is the source."""
        if adj.dep_ not in ("acomp", "amod", "oprd"):
            return
        head = adj.head
        sources = self.subjects(head) if adj.dep_ == "acomp" else self.people_at(head, proxy=False)
        targets = [
            x
            for prep in _children(adj, "prep")
            if prep.lower_ in p.preps
            for o in _children(prep, "pobj")
            for x in self.people_at(o, proxy=True)
        ]
        if sources and targets:
            label = f"{adj.lower_} {next(pr.lower_ for pr in _children(adj, 'prep') if pr.lower_ in p.preps)}"
            self.emit(sources, targets, p.relation, label, head if adj.dep_ == "acomp" else adj, 0.6)

    def say_about(self, verb: Token) -> None:
        """'said very nice things about me' -> PRAISED; 'nasty things' -> CRITICIZED."""
        sa = self.lex.say_about
        for obj in _children(verb, "dobj"):
            if obj.lemma_.lower() not in sa["objects"] and obj.lower_ not in sa["objects"]:
                continue
            adjs = {a.lemma_.lower() for a in _children(obj, "amod")}
            rel = Relation.PRAISED if adjs & sa["positive"] else Relation.CRITICIZED if adjs & sa["negative"] else None
            if rel is None:
                continue
            preps = [c for c in list(obj.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "about"]
            targets = [x for prep in preps for o in _children(prep, "pobj") for x in self.people_at(o, proxy=False)]
            sources = self.subjects(verb)
            if sources and targets:
                adj = next(
                    a.lower_ for a in _children(obj, "amod") if a.lemma_.lower() in sa["positive"] | sa["negative"]
                )
                self.emit(sources, targets, rel, f"said {adj} {obj.lower_} about", verb, 0.75)

    def relational_noun(self, noun: Token, p: NounPattern) -> None:
        """'Sen. John McCain, a close ally of Graham's' / 'X is an ally of Y'."""
        if noun.dep_ == "appos":
            holders = self.people_at(noun.head, proxy=False)
        elif noun.dep_ == "attr":
            holders = self.subjects(noun.head)
        elif noun.dep_ == "compound" or any(c.dep_ == "appos" for c in noun.children):
            holders = [x for c in noun.children if c.dep_ == "appos" for x in self.people_at(c, proxy=False)]
            if noun.dep_ == "compound":
                holders = self.people_at(noun.head, proxy=False)
        else:
            return
        others = [
            x
            for prep in _children(noun, "prep")
            if prep.lower_ == "of"
            for o in _children(prep, "pobj")
            for x in self.people_at(o, proxy=True)
        ]
        for c in _children(noun, "poss"):
            if c.pos_ == "PRON" and c.lower_ in self.lex.pronouns:
                # "Obama, his predecessor": a pronoun resolved to the holder names no owner.
                pid = self.r.person(c)
                if pid and pid not in {h for h, _ in holders}:
                    others.append((pid, "pronoun"))
            else:
                others += self.people_at(c, proxy=False)
        rel = p.relation
        if rel is Relation.OPPOSED and noun.lemma_.lower() == "opponent":
            mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nummod")}
            if mods & self.lex.constructions.election_opponent_words or _in_election_context(
                noun, self.lex.constructions
            ):
                rel = Relation.CHALLENGED  # "her Republican opponent": a rival in a race
        if holders and others:
            self.emit(holders, others, rel, noun.lower_, noun, 0.75, reverse=p.reverse)

    def tie(self, tok: Token) -> None:
        """Role and kin ties stated in passing: 'his former attorney general' (SERVED_UNDER),
        'Mr Howard and his shadow chancellor Oliver Letwin', 'Nancy Bryce, their mother',
        "Trump's chief of staff John Kelly", 'Obama strategist David Axelrod', 'Trump
        campaign chairman Paul Manafort', "who was Laura Bush's chief of staff"."""
        owners = [c for c in tok.children if c.dep_ == "poss"]
        role_tok = tok
        if not owners:
            # "his shadow chancellor Oliver Letwin" (the owner hangs on a compound),
            # "Nancy Bryce, their mother" (on an apposition), "Trump's chief of staff John
            # Kelly" (on a nominal modifier), "Obama strategist David Axelrod" (a name compound).
            for c in tok.children:
                if (
                    c.dep_ in ("compound", "appos", "nmod")
                    and c.pos_ in ("NOUN", "PROPN")
                    and not self.r.token_pid.get(c.i)
                ):
                    owners = [cc for cc in c.children if cc.dep_ == "poss"] or (
                        self._owner_compounds(c) if self.r.token_pid.get(tok.i) else []
                    )
                    if owners:
                        role_tok = c
                        break
        if not owners or tok.dep_ == "appos" and role_tok is tok:
            return
        if role_tok is tok and self.r.token_pid.get(tok.i):
            words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and not self.r.token_pid.get(c.i)]
            phrase = " ".join(words)
        else:
            phrase = self._role_words(role_tok)
        kin = role_tok.lower_ in self.lex.kin_nouns or (phrase.split() or [""])[-1] in self.lex.kin_nouns
        served = self._is_service(phrase, subordinate_only=True)
        if not (kin or served):
            return
        holders = [(self.r.person(tok), self.r.how(tok))] if self.r.person(tok) else []
        if not holders and tok.dep_ == "attr" and not kin:
            holders = self.subjects(tok.head)  # "Anita McBride, who was Laura Bush's chief of staff"
        if not holders and role_tok is tok and not kin:
            # "Trump's chief of staff John Kelly said": the small parser often leaves the name
            # beside the role instead of under it; take a name right after the role phrase.
            j = tok.right_edge.i + 1
            if j < len(self.doc) and self.doc[j].text == ",":
                j += 1
            if j < len(self.doc) and self.r.token_pid.get(j) and self.doc[j].head.i != tok.i:
                holders = [(self.r.token_pid[j], "apposition")]
        for holder, hows in holders:
            for owner in owners:
                pid = self.r.person(owner)
                if pid == holder and owner.pos_ == "PRON":
                    pid = self.r.pronoun_excluding(owner, {holder})
                if not pid:
                    continue
                if self.r.how(owner) == "pronoun" and not self._named_nearby(pid, owner):
                    continue  # "his wife Deb" far from any name: the owner would be a guess
                if kin and self.r.how(owner) == "pronoun" and self._kin_of_namesake(holder, pid):
                    continue  # "Kian ..., and his son, Michael Flynn Jr": "his" is Flynn's
                rel = Relation.RELATED_TO if kin else Relation.SERVED_UNDER
                owner_word = owner.lower_ if owner.pos_ == "PRON" else self.r.name_of(pid)
                label = f"{owner_word} {phrase}".strip()
                self.emit([(holder, hows)], [(pid, self.r.how(owner))], rel, label, tok, 0.7, Modality.ASSERTED)

    def _kin_of_namesake(self, holder: str, owner: str) -> bool:
        """A relative whose surname is another person's of the article, not the pronoun
        owner's: the pronoun more likely means that namesake."""
        last = split_name(self.r.name_of(holder)).last
        if not last or split_name(self.r.name_of(owner)).last == last:
            return False
        return any(
            p.pid not in (holder, owner) and p.role_phrase is None and split_name(p.name).last == last
            for p in self.r.people.values()
        )

    def _owner_compounds(self, role: Token) -> list[Token]:
        """The person a role noun is compounded with: 'Obama' in "Obama strategist", or
        through an organisation noun, 'Trump' in "Trump campaign chairman"."""
        out = []
        for c in role.children:
            # the small parser often hangs a name in front of a role phrase as "amod"
            # ("Trump/amod campaign chairman Paul Manafort")
            if c.dep_ not in ("compound", "amod") or c.dep_ == "amod" and c.i != role.left_edge.i:
                continue
            if self.r.token_pid.get(c.i):
                out.append(c)
            elif c.lemma_.lower() in self.lex.constructions.service_org_nouns:
                out += [cc for cc in c.children if cc.dep_ in ("compound", "poss") and self.r.token_pid.get(cc.i)]
        return out

    def _role_words(self, role: Token) -> str:
        """'deputy attorney general', 'chief of staff', 'campaign chairman': the role phrase
        without the people in it."""
        words = [
            c.lower_
            for c in role.lefts
            if c.dep_ in ("compound", "amod", "nmod")
            and c.tag_ != "POS"
            and (c.pos_ in ("NOUN", "ADJ", "PROPN") or c.dep_ == "amod")
            and not self.r.token_pid.get(c.i)
        ]
        words.append(role.lower_)
        for prep in _children(role, "prep"):
            if prep.lower_ == "of":
                objs = [
                    o
                    for o in _children(prep, "pobj")
                    if not any(d.dep_ in ("det", "poss") for d in o.children) and o.pos_ == "NOUN"
                ]
                if objs:
                    words += ["of", objs[0].lower_]
        return " ".join(words)

    def _is_service(self, phrase: str, subordinate_only: bool = False) -> bool:
        roles = (
            self.lex.subordinate_roles
            if subordinate_only
            else self.lex.subordinate_roles | self.lex.constructions.service_nouns
        )
        roles = roles | {"chief of staff", "campaign chairman", "campaign chair", "campaign manager"}
        return any(phrase == r or phrase.endswith(" " + r) for r in roles)

    def service(self, noun: Token) -> None:
        """'an official under Obama', 'a former staffer for Hillary Clinton's campaign',
        'a senior adviser to President Trump': the holder served under the object."""
        cx = self.lex.constructions
        phrase = self._role_words(noun)
        if not self._is_service(phrase):
            return
        owners = []
        for prep in _children(noun, "prep"):
            if prep.lower_ in cx.service_preps:
                owners += [x for o in _children(prep, "pobj") for t in _conjuncts(o) for x in self._owner_of(t)]
        if not owners:
            return
        if noun.dep_ == "appos":
            holders = self.people_at(noun.head, proxy=False)
        elif noun.dep_ == "attr":
            holders = self.subjects(noun.head)
        else:
            holders = [x for c in _children(noun, "appos") for x in self.people_at(c, proxy=False)]
        holders = [h for h in holders if h[1] in ("name", "apposition")]  # never a guessed holder
        if holders:
            self.emit(holders, owners, Relation.SERVED_UNDER, phrase, noun, 0.8, Modality.ASSERTED)

    def _owner_of(self, tok: Token) -> list[tuple[str, str]]:
        """A person, or the person whose organisation it is ("the Trump campaign",
        "Hillary Clinton's campaign", "the Obama administration")."""
        pid = self.r.person(tok)
        if pid:
            # "an adviser to the president": whose president, the role phrase does not say
            # safely enough (a date-aware lookup belongs to the knowledge base).
            return [(pid, self.r.how(tok))] if self.r.how(tok) != "role" else []
        if tok.lemma_.lower() in self.lex.constructions.service_org_nouns or tok.lower_ == "house":
            return [
                (self.r.person(c), self.r.how(c))
                for c in tok.children
                if c.dep_ in ("compound", "poss") and self.r.person(c)
            ]
        return []

    def joined(self, verb: Token) -> None:
        """'Manafort joined the Trump campaign in March 2016', 'Page was named to Trump's
        foreign policy team', 'Rice served in the Obama administration', 'Trump named Kelly
        to his cabinet' -> SERVED_UNDER the organisation's owner."""
        cx = self.lex.constructions
        lemma = verb.lemma_.lower()
        orgs = [o for o in _children(verb, "dobj") if lemma in cx.joining_verbs]
        if lemma in cx.placement_verbs:
            orgs += [
                o for pr in _children(verb, "prep") if pr.lower_ in cx.placement_preps for o in _children(pr, "pobj")
            ]
        owners = [x for o in orgs if o.lemma_.lower() in cx.service_org_nouns for x in self._owner_of(o)]
        if not owners:
            return
        if _is_passive(verb):
            holders = [x for c in _children(verb, "nsubjpass") for x in self.people_at(c, proxy=True)]
        elif lemma in cx.placement_verbs and _children(verb, "dobj"):
            holders = [x for c in _children(verb, "dobj") for x in self.people_at(c, proxy=False)]
        else:
            holders = self.subjects(verb)
        holders = [h for h in holders if all(h[0] != o[0] for o in owners)]
        if holders:
            self.emit(holders, owners, Relation.SERVED_UNDER, f"{verb.lower_} {orgs[0].lower_}", verb, 0.8)

    def evaluation(self, adj: Token) -> None:
        """Someone's words call a person by a judging word: '"Paul Ryan's position is
        treasonous," said Dan Golvach', '"Obama and Shaheen seem confused," Brown said',
        '"What right does Crazy Nancy have ..."' (a nickname). The speaker CRITICIZED (or,
        with a word of praise, PRAISED) the person. Named people only: a pronoun's
        antecedent would be a guess on top of a judgement."""
        cx = self.lex.constructions
        if adj.dep_ in ("acomp", "oprd", "attr"):
            copula = adj.head
            if copula.lemma_.lower() not in ("be", "seem", "look", "sound", "appear", "become", "remain", "get"):
                return
            holders = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")]
            targets = [x for h in holders for x in self.people_at(h, proxy=True) if x[1] in ("name", "apposition")]
            anchor = copula
        elif (
            adj.dep_ in ("amod", "compound")
            and self.r.token_pid.get(adj.head.i)
            and adj.i == adj.head.left_edge.i
            and adj.text[:1].isupper()
        ):
            targets = [(self.r.token_pid[adj.head.i], "name")]  # "Crazy Nancy", "Crooked Hillary"
            anchor = adj.head
        else:
            return
        speaker = self._speaker_of(anchor)
        if not speaker or not targets:
            return
        rel = Relation.CRITICIZED if adj.lower_ in cx.evaluative_negative else Relation.PRAISED
        self.emit([(speaker, "speaker")], targets, rel, f"called {adj.lower_}", anchor, 0.6)

    def _speaker_of(self, tok: Token) -> str | None:
        """Whose words these are: a quote's speaker, or the person subject of the speech
        verb whose complement holds the word."""
        q = self.r.quote_of.get(tok.i)
        if q is not None:
            return self.r.speakers.get(q)
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                return None
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.lex.speech_verbs:
                for c in node.head.children:
                    if c.dep_ == "nsubj" and self.r.token_pid.get(c.i):
                        return self.r.token_pid[c.i]
                return None
            node = node.head
        return None

    def press_verb(self, verb: Token, lemma: str) -> None:
        """'Canova told CNN's Fredricka Whitfield' (Whitfield INTERVIEWED Canova), 'Tapper
        asked Sanders': only when the article presents one side as a journalist."""
        if _is_passive(verb):
            return
        subs = self.subjects(verb)
        objs = [x for o in _children(verb, "dobj", "dative") for x in self.people_at(o, proxy=False)]
        if lemma == "tell":
            asking, answering = [x for x in objs if x[0] in self.press], [x for x in subs if x[0] not in self.press]
        else:
            asking, answering = [x for x in subs if x[0] in self.press], [x for x in objs if x[0] not in self.press]
        if asking and answering:
            self.emit(asking, answering, Relation.INTERVIEWED, verb.lower_, verb, 0.8)

    def _named_nearby(self, pid: str, pronoun: Token) -> bool:
        """Whether ``pid`` is named earlier in the pronoun's sentence ("their": or the one before)."""
        sent = pronoun.sent
        start = sent.start
        if pronoun.lower_ == "their" and start > 0:
            start = self.doc[start - 1].sent.start
        return any(self.r.token_pid.get(i) == pid for i in range(start, pronoun.i))


# -- modality -------------------------------------------------------------------------


def _negated_here(tok: Token, lex: Lexicon) -> bool:
    """'not', 'never', 'nor did I ...', and 'is yet to' (not so far)."""
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "advmod" and c.lower_ in ("never", "yet") and tok.lemma_ == "be")
        or (c.dep_ == "advmod" and c.lower_ == "never")
        or c.lower_ in lex.correlative_negators
        for c in tok.children
    )


def _negation_is_refusal(verb: Token, lex: Lexicon) -> bool:
    """'would not support X', 'is not supporting X', 'refused to endorse X': a stance.

    Only a past event that did not happen ("did not endorse X in 2016", "failed to
    back X") is a mere absence."""
    head = verb
    while head.dep_ == "xcomp":
        head = head.head
        if head.lemma_.lower() in lex.refusal_governors:
            return head.lemma_.lower() != "fail"
    cx = lex.constructions
    if verb.dep_ == "pcomp" and verb.head.lower_ in cx.negating_preps:
        return False  # "ended his speech without endorsing X": an absence, not a stated stance
    if any(c.dep_ == "aux" and c.lower_ in cx.epistemic_aux for c in verb.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks for m in c.children)
        for c in verb.children
    ):
        return False  # "might not support X if he became the nominee": a guess, not a stance
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in verb.children)
    return not past


def _line_of(tok: Token) -> str:
    """The anchor's sentence, cut at line breaks (the parser's sentences can cross them)."""
    sent, text = tok.sent, doc_text(tok.doc)
    start = max(sent.start_char, text.rfind("\n", sent.start_char, tok.idx) + 1)
    end = text.find("\n", tok.idx, sent.end_char)
    return text[start : end if end != -1 else sent.end_char]


def _hedged(tok: Token, lex: Lexicon) -> bool:
    """'... likely comes as a result of X attacking Y': a hedge anywhere above the word,
    up to a clause that states a fact of its own ('even though he blasted X',
    'before interviewing her')."""
    node = tok
    for _ in range(12):
        if any(c.dep_ == "advmod" and c.lower_ in lex.hedges for c in node.children):
            return True
        if node.head.i == node.i or _asserted_boundary(node, lex):
            return False
        node = node.head
    return False


def _asserted_boundary(node: Token, lex: Lexicon) -> bool:
    """A clause whose own modality the clauses above it do not change: a concessive or
    temporal clause ('even though he blasted X', 'after he fired X') or a gerund after a
    temporal preposition ('before interviewing her')."""
    cx = lex.constructions
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in cx.factive_marks for c in node.children)
    if node.dep_ == "pcomp":
        return node.head.lower_ in cx.temporal_preps
    return False


def _speculative_frame(node: Token, lex: Lexicon) -> bool:
    """'musing about firing X', 'the possibility of X firing Y', 'the more likely scenario is
    that X backs Y', 'the possibility that ...': a frame that talks about an act, not of one."""
    cx = lex.constructions
    head = node.head
    if node.dep_ == "pcomp":
        gov = head.head
        return head.lower_ in ("about", "of", "on") and (
            gov.lemma_.lower() in cx.speculation_heads or gov.lemma_.lower() in cx.speculation_nouns
        )
    if node.dep_ == "acl" and head.lemma_.lower() in cx.speculation_nouns:
        return True
    if node.dep_ in ("ccomp", "attr", "advcl") and head.lemma_ == "be":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cx.speculation_nouns for c in head.children)
    return False


def _scheduled(verb: Token, lex: Lexicon) -> bool:
    """'will face' with no other hedge: the only uncertainty is the future tense."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux]
    return (
        auxes in (["will"], ["'ll"])
        and verb.dep_ in ("ROOT", "conj")
        and not any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in lex.hedges for c in verb.children)
        and not any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in verb.children)
        and not any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks for m in c.children)
            for c in verb.children
        )
        and not _line_of(verb).rstrip().endswith("?")
    )


def _attempted(verb: Token, lex: Lexicon) -> bool:
    """'in a bid to unseat X', 'is trying to defeat X', 'seeks to oust X': running against
    someone is the challenge, whether or not it succeeds."""
    if any(c.dep_ in ("aux", "neg") and (c.lower_ in lex.hypothetical_aux or c.dep_ == "neg") for c in verb.children):
        return False
    head = verb.head
    return (
        verb.dep_ in ("acl", "xcomp")
        and head.lemma_.lower() in lex.constructions.attempt_words
        and not any(
            c.dep_ in ("aux", "neg") and (c.lower_ in lex.hypothetical_aux or c.dep_ == "neg") for c in head.children
        )
    )


def _ranked(noun: Token, lex: Lexicon) -> bool:
    """'the first senator to endorse him', 'the only Republican to vote against': an
    ordinal or superlative makes an infinitive relative a record of what happened."""
    return any(
        c.dep_ in ("amod", "advmod", "nummod") and (c.lower_ in lex.constructions.ranking_words or c.tag_ == "JJS")
        for c in noun.children
    )


def _asks_about_a_fact(tok: Token, lex: Lexicon) -> bool:
    """'So why is Bush backing Cruz?': a why/how/when/where question presupposes its
    clause; the backing is asserted. Yes/no questions ('Will Bush back Cruz?') are not."""
    for t in tok.sent:
        if t.is_punct or t.pos_ in ("CCONJ",) or t.lower_ in ("so", "but", "and", "then", "now", "well"):
            continue
        return t.lower_ in lex.constructions.presupposing_wh
    return False


def modality_of(tok: Token, lex: Lexicon) -> Modality:
    """Asserted, negated or hypothetical, from the word's own auxiliaries and negation
    and from the verbs that govern it (hope to, refused to, asked whether, if ...).

    A governing verb's own negation and auxiliaries reach the word only through
    control ("did not want to endorse X") or coordination without a subject of
    its own; "X doesn't appear, though he has criticized Y" stays asserted.
    """
    if _line_of(tok).rstrip().rstrip("\"'").endswith("?") and not _asks_about_a_fact(tok, lex):
        return Modality.HYPOTHETICAL
    negated = hypothetical = False
    node, own = tok, True
    cx = lex.constructions
    first = next((t for t in tok.sent if not t.is_punct and not t.is_space), tok)
    if first.lower_ in cx.supposition_governors and first.i < tok.i:
        hypothetical = True  # "Assume Bernie defeats Warren": the parser often misses the imperative
    for _ in range(6):
        if own:
            if _negated_here(node, lex):
                negated = True
            for c in node.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.hypothetical_aux:
                    hypothetical = True
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in node.children):
            return Modality.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        ):
            return Modality.HYPOTHETICAL  # "calls for Pence to replace Trump"
        dep = node.dep_
        if dep not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "attr") or node.head.i == node.i:
            break
        if _asserted_boundary(node, lex):
            break  # "even though he blasted X", "before interviewing her": stated as done
        if dep == "pcomp" and node.head.lower_ in cx.negating_preps:
            negated = True  # "ended his speech without endorsing X"
            break
        if _speculative_frame(node, lex):
            hypothetical = True  # "musing about firing X", "the likely scenario is that ..."
            break
        if dep == "attr":
            break
        if (
            dep in ("acl", "relcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and not _ranked(node.head, lex)
        ):
            hypothetical = True  # "a potential candidate to run against Trump": a purpose, not a deed
            break
        head = node.head
        hl = head.lemma_.lower()
        if dep == "ccomp" and hl in cx.supposition_governors:
            hypothetical = True  # "assume Bernie defeats Warren"
        if dep in ("xcomp", "ccomp") and hl in lex.refusal_governors:
            negated = True
        if dep in ("xcomp", "ccomp") and hl in lex.commitment_governors:
            break  # "vowed to put a hold on X": the commitment is the stance
        if dep in ("xcomp", "ccomp") and hl in lex.hypothetical_governors:
            hypothetical = True
        if dep == "ccomp" and hl in lex.speech_verbs or dep == "pcomp":
            break  # reported speech keeps its own modality
        own = dep == "xcomp" or (dep == "conj" and not any(c.dep_ in SUBJ for c in node.children))
        node = head
    if negated:
        return Modality.NEGATED
    if hypothetical or _hedged(tok, lex):
        return Modality.HYPOTHETICAL
    return Modality.ASSERTED


def _surface_modality(tok: Token, lex: Lexicon) -> Modality:
    window = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]]
    if any(w in lex.negators for w in window):
        return Modality.NEGATED
    if any(w in lex.hypothetical_aux or w in lex.conditional_marks for w in window):
        return Modality.HYPOTHETICAL
    return modality_of(tok, lex)


# -- who holds the claim ---------------------------------------------------------------


def attribution_of(
    tok: Token, resolver: Resolver, lex: Lexicon, quote_speaker: str | None
) -> tuple[str | None, str | None]:
    """(speaker person id, reported_by text) for the claim anchored at ``tok``."""
    if quote_speaker:
        return quote_speaker, None
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            break
        dep, head = node.dep_, node.head
        if dep == "ccomp" and head.lemma_.lower() in lex.speech_verbs:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                pid = resolver.person(subj[0])
                if pid:
                    return pid, None
                return None, _phrase(subj[0])
        node = head
    return None, None


def _phrase(tok: Token) -> str:
    words = list(tok.subtree)
    if len(words) > 8:
        words = [t for t in words if t.i <= tok.i or t.dep_ in ("acl",) or t.head.dep_ == "acl"][:8]
    return " ".join(t.text for t in words).replace(" 's", "'s")
