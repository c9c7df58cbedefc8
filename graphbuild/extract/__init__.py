"""Extraction: articles in, ``Edge`` records out.

The spaCy pipeline is the configured model plus one component,
``graphbuild_relations``, which needs the parse, lemmas and entities and adds
``doc._.graphbuild`` (edge candidates), ``doc._.graphbuild_people`` (``Person``
records) and ``doc._.graphbuild_mentions`` (``Mention`` records): plain records,
no spaCy objects. Everything spaCy stays in this package: ``extract_edges`` and
``extract_people`` yield records with character offsets into the article's text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from ..linking import link_people, sitting_namesake
from ..records import Article, Edge, EdgeEvidence, Mention, Modality, Person, Relation
from ..settings import SETTINGS, resolve
from .confidence import rule_confidence
from .direction import DirectionComponent
from .doc_text import doc_text
from .lexicon import load_lexicon
from .mentions import Resolver, article_mentions, article_people, cluster_people, find_names, person_cues
from .quotes import find_quotes, quote_speakers, quote_topics
from .relations import PatternMatcher, attribution_of

COMPONENT = "graphbuild_relations"
DIRECTION = "graphbuild_direction"

# Curly quotes and apostrophes parse worse than straight ones in the small model; the
# replacements are one character each, so every offset stays the article's own.
_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class RawEdge:
    """What the component leaves on the Doc: ids, names, offsets, no spaCy objects."""

    source: str
    source_name: str
    target: str
    target_name: str
    relation: Relation
    label: str
    modality: Modality
    speaker: str | None
    reported_by: str | None
    confidence: float
    start: int  # evidence sentence, character offsets into the Doc's text
    end: int
    method: str = "rule"  # "rule", "rule+model" (re-directed by the model) or "model" (model-made)


def relations_component(doc: Doc) -> Doc:
    lex = load_lexicon()
    names = find_names(doc, lex)
    people, token_pid = cluster_people(doc, names, lex, sitting_namesake(doc._.graphbuild_date))
    quotes = find_quotes(doc)
    quote_of = {i: qi for qi, q in enumerate(quotes) for i in range(q.tok_start, q.tok_end)}
    resolver = Resolver(doc, people, token_pid, lex, quote_of, {})
    resolver.set_speakers(quote_speakers(doc, quotes, resolver.person, lex))
    resolver.set_topics(quote_topics(doc, quotes, resolver.speakers, resolver.person, lex))
    out: list[RawEdge] = []
    seen: set[tuple] = set()
    for c in PatternMatcher(doc, resolver, lex).run():
        q = quote_of.get(c.anchor.i)
        speaker, reported_by = attribution_of(
            c.anchor, resolver, lex, resolver.speakers.get(q) if q is not None else None
        )
        start, end = _evidence_span(doc_text(doc), c.anchor)
        s, t = c.source, c.target
        if c.relation.symmetric and resolver.name_of(t) < resolver.name_of(s):
            s, t = t, s
        key = (s, t, c.relation, c.modality, start)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            RawEdge(
                s,
                resolver.name_of(s),
                t,
                resolver.name_of(t),
                c.relation,
                c.label,
                c.modality,
                speaker,
                reported_by,
                rule_confidence(c.strength, c.how, c.modality),
                start,
                end,
            )
        )
    doc._.graphbuild = out
    doc._.graphbuild_people = article_people(resolver)
    doc._.graphbuild_mentions = article_mentions(doc, resolver)
    doc._.graphbuild_cues = person_cues(doc, resolver)
    return doc


def _evidence_span(text: str, anchor) -> tuple[int, int]:
    """The anchor's sentence, kept inside its own line: the small model's sentences
    sometimes run across a paragraph break."""
    sent = anchor.sent
    start, end = sent.start_char, sent.end_char
    at = anchor.idx
    line_start = text.rfind("\n", start, at) + 1
    line_end = text.find("\n", at, end)
    start = max(start, line_start)
    end = line_end if line_end != -1 else end
    return _strip(text, start, end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


for _name in ("graphbuild", "graphbuild_people", "graphbuild_mentions", "graphbuild_cues", "graphbuild_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
Language.component(
    COMPONENT,
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    assigns=["doc._.graphbuild", "doc._.graphbuild_people", "doc._.graphbuild_mentions", "doc._.graphbuild_cues"],
    func=relations_component,
)


def _dated_doc(nlp: Language, text: str, art: Article) -> Doc:
    """A tokenized Doc that knows its article's date (``doc._.graphbuild_date``), for the
    people step: a bare surname of the sitting president is the president."""
    doc = nlp.make_doc(text)
    doc._.graphbuild_date = art.published
    return doc


@Language.factory(
    DIRECTION,
    requires=["doc._.graphbuild", "doc._.graphbuild_mentions", "token.dep", "token.lemma"],
    assigns=["doc._.graphbuild"],
    default_config={
        "veto_threshold": SETTINGS["veto_threshold"].default,
        "add_threshold": SETTINGS["model_edge_threshold"].default,
        "add_edges": True,
        "model_dir": "",
    },
)
def make_direction(
    nlp: Language, name: str, veto_threshold: float, add_threshold: float, add_edges: bool, model_dir: str
) -> DirectionComponent:
    """The direction-and-polarity model (``direction.py``), weights shipped in the package."""
    return DirectionComponent(nlp, name, veto_threshold, add_threshold, add_edges, model_dir)


def load_pipeline(
    model: str | None = None,
    *,
    direction_model: str | None = None,
    veto_threshold: float | None = None,
    model_edge_threshold: float | None = None,
) -> Language:
    """The spaCy model named by the ``model`` setting, with graphbuild's components added:
    the rules, then (unless the ``direction_model`` setting is "off") the direction model."""
    name = resolve("model", model)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFoundError(name) from None
    nlp.add_pipe(COMPONENT, last=True)
    mode = resolve("direction_model", direction_model)
    if mode != "off":
        nlp.add_pipe(
            DIRECTION,
            last=True,
            config={
                "veto_threshold": resolve("veto_threshold", veto_threshold),
                "add_threshold": resolve("model_edge_threshold", model_edge_threshold),
                "add_edges": mode == "on",
            },
        )
    return nlp


def _parts(article: Article, max_chars: int) -> list[tuple[int, str]]:
    """(offset, text) pieces no longer than ``max_chars``, cut at paragraph ends where possible."""
    text = article.text
    if len(text) <= max_chars:
        return [(0, text)]
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end) + 1
            end = cut if cut > start else end
        parts.append((start, text[start:end]))
        start = end
    return parts


def char_batches(
    items: Iterable[tuple[str | Doc, object]], batch_size: int, max_chars: int
) -> Iterator[list[tuple[str | Doc, object]]]:
    """``(text, context)`` items in batches of at most ``batch_size`` items and ``max_chars``
    characters (a longer item goes alone): spaCy's memory grows with the characters of a
    batch, so ten 200,000-character parts of one long article are not parsed at once.
    A text may be a tokenized Doc (``_dated_doc``): its characters are counted, not its tokens.

    >>> [[t for t, _ in b] for b in char_batches([("aaa", 0), ("bb", 1), ("c", 2), ("dddd", 3)], 32, 4)]
    [['aaa'], ['bb', 'c'], ['dddd']]
    """
    batch: list[tuple[str | Doc, object]] = []
    chars = 0
    for text, context in items:
        size = len(text.text) if isinstance(text, Doc) else len(text)
        if batch and (len(batch) >= batch_size or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((text, context))
        chars += size
    if batch:
        yield batch


def _pipe_by_chars(nlp: Language, items, batch_size: int, max_chars: int):
    for batch in char_batches(items, batch_size, max_chars):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def extract_edges(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    batch_size: int | None = None,
    min_confidence: float | None = None,
    max_chars: int | None = None,
) -> Iterator[tuple[Article, list[Edge]]]:
    """For each article, in order, the edges it states (possibly none).

    >>> nlp = load_pipeline()
    >>> art = Article(id="t1", text="Jeff Sessions endorsed Donald Trump.")
    >>> [(e.source.name, e.relation.value, e.target.name) for _, es in extract_edges([art], nlp) for e in es]
    [('Jeff Sessions', 'ENDORSED', 'Donald Trump')]
    """
    nlp = nlp or load_pipeline()
    batch_size = resolve("batch_size", batch_size)
    min_conf = resolve("min_confidence", min_confidence)
    max_chars = resolve("max_chars", max_chars)

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for art in articles:
            parts = _parts(art, max_chars)
            for n, (offset, text) in enumerate(parts):
                yield _dated_doc(nlp, text.translate(_STRAIGHTEN), art), (art, offset, len(parts) - 1 - n)

    pending: list[Edge] = []
    for doc, (art, offset, remaining) in _pipe_by_chars(nlp, pieces(), batch_size, max_chars):
        ref = art.ref
        # Linking, the stage after in-article clustering: who each person is (or nobody).
        links = link_people(doc._.graphbuild_cues, art.published)
        for raw in doc._.graphbuild:
            if raw.confidence < min_conf:
                continue
            source, target = links.get(raw.source), links.get(raw.target)
            if source is None or target is None or source.id == target.id:
                continue  # a place, a group, an unnamed role nobody held, or one person twice
            if raw.relation.symmetric and target.name < source.name:
                source, target = target, source
            speaker = links.get(raw.speaker) if raw.speaker else None
            start, end = raw.start + offset, raw.end + offset
            pending.append(
                Edge(
                    source=source.ref,
                    target=target.ref,
                    relation=raw.relation,
                    label=raw.label,
                    modality=raw.modality,
                    speaker=speaker.id if speaker else None,
                    reported_by=raw.reported_by,
                    confidence=raw.confidence,
                    method=raw.method,
                    article=ref,
                    evidence=EdgeEvidence(art.text[start:end], start, end),
                )
            )
        if remaining == 0:
            yield art, pending
            pending = []


def extract_people(
    articles: Iterable[Article], nlp: Language | None = None, *, batch_size: int | None = None
) -> Iterator[tuple[Article, list[Person], list[Mention]]]:
    """For each article, its people and every mention of them (names, titles, pronouns, roles).

    >>> art = Article(id="t2", text="Sen. Lindsey Graham spoke. He criticized Chuck Hagel.")
    >>> [(_, people, mentions)] = extract_people([art])
    >>> [(m.text, m.kind.value, m.person_id) for m in mentions]
    [('Sen. Lindsey Graham', 'title', 'lindsey-graham'), ('He', 'pronoun', 'lindsey-graham'), ('Chuck Hagel', 'name', 'chuck-hagel')]
    """
    nlp = nlp or load_pipeline()
    texts = ((_dated_doc(nlp, a.text.translate(_STRAIGHTEN), a), a) for a in articles)
    for doc, art in nlp.pipe(texts, as_tuples=True, batch_size=resolve("batch_size", batch_size)):
        links = link_people(doc._.graphbuild_cues, art.published)
        people: dict[str, Person] = {}
        for p in doc._.graphbuild_people:
            linked = links.get(p.id)
            if linked is not None:
                prev = people.get(linked.id, linked)
                aliases = tuple(sorted(set(prev.aliases) | set(p.aliases) | set(linked.aliases)))
                people[linked.id] = dataclasses.replace(linked, aliases=aliases)
        mentions = [
            dataclasses.replace(m, person_id=links[m.person_id].id)
            for m in doc._.graphbuild_mentions
            if links.get(m.person_id) is not None
        ]
        yield art, list(people.values()), mentions
