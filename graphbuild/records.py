"""The typed, immutable records that flow from stage to stage.

    Article -> Mention -> Person -> Edge (+ EdgeEvidence) -> graph -> backend / map

spaCy objects never leave extraction: what leaves it are these records, with
character offsets into ``Article.text``. ``Edge.to_json`` / ``Edge.from_json``
are the one place that knows the edge line format of ``docs/edges.md``.

>>> ev = EdgeEvidence(text="Trump fired Comey.", start=0, end=18)
>>> e = Edge(source=PersonRef("donald-trump", "Donald Trump"),
...          target=PersonRef("james-comey", "James Comey"),
...          relation=Relation.FIRED, label="fired",
...          article=ArticleRef(id="a1"), evidence=ev)
>>> Edge.from_json(e.to_json()) == e
True
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from .errors import EdgeFormatError

SCHEMA_VERSION = 1


class Polarity(enum.IntEnum):
    NEGATIVE = -1
    NEUTRAL = 0
    POSITIVE = 1


class Relation(str, enum.Enum):
    """The fixed relation types of ``docs/relations.md``.

    The value is the Neo4j relationship type and the networkx edge key: it is
    the only text ever spliced into Cypher, so it never comes from articles.
    """

    ENDORSED = "ENDORSED"
    PRAISED = "PRAISED"
    SUPPORTED = "SUPPORTED"
    CRITICIZED = "CRITICIZED"
    ACCUSED = "ACCUSED"
    OPPOSED = "OPPOSED"
    THREATENED = "THREATENED"
    INVESTIGATED = "INVESTIGATED"
    SUED = "SUED"
    FIRED = "FIRED"
    MET_WITH = "MET_WITH"
    SPOKE_WITH = "SPOKE_WITH"
    INTERVIEWED = "INTERVIEWED"
    APPOINTED = "APPOINTED"
    SERVED_UNDER = "SERVED_UNDER"
    SUCCEEDED = "SUCCEEDED"
    CHALLENGED = "CHALLENGED"
    RECUSED = "RECUSED"
    PARDONED = "PARDONED"
    RELATED_TO = "RELATED_TO"

    @property
    def polarity(self) -> Polarity:
        return _POLARITY[self]

    @property
    def symmetric(self) -> bool:
        return self in _SYMMETRIC

    @property
    def cameo(self) -> str | None:
        return _CAMEO.get(self)

    @classmethod
    def parse(cls, value: str) -> Relation:
        """The relation named ``value``; anything off the fixed list is an error.

        >>> Relation.parse("endorsed")
        <Relation.ENDORSED: 'ENDORSED'>
        """
        try:
            return cls(str(value).strip().upper())
        except ValueError:
            from .errors import UnknownRelationError

            raise UnknownRelationError(value) from None


_P, _N, _Z = Polarity.POSITIVE, Polarity.NEGATIVE, Polarity.NEUTRAL
_POLARITY = {
    Relation.ENDORSED: _P,
    Relation.PRAISED: _P,
    Relation.SUPPORTED: _P,
    Relation.CRITICIZED: _N,
    Relation.ACCUSED: _N,
    Relation.OPPOSED: _N,
    Relation.THREATENED: _N,
    Relation.INVESTIGATED: _N,
    Relation.SUED: _N,
    Relation.FIRED: _N,
    Relation.MET_WITH: _Z,
    Relation.SPOKE_WITH: _Z,
    Relation.INTERVIEWED: _Z,
    Relation.APPOINTED: _Z,
    Relation.SERVED_UNDER: _Z,
    Relation.SUCCEEDED: _Z,
    Relation.CHALLENGED: _N,
    Relation.RECUSED: _Z,
    Relation.PARDONED: _P,
    Relation.RELATED_TO: _Z,
}
_SYMMETRIC = frozenset({Relation.MET_WITH, Relation.SPOKE_WITH, Relation.RELATED_TO})
_CAMEO = {
    Relation.ENDORSED: "051",
    Relation.PRAISED: "051",
    Relation.SUPPORTED: "05x",
    Relation.CRITICIZED: "111",
    Relation.ACCUSED: "112",
    Relation.OPPOSED: "12x",
    Relation.THREATENED: "13x",
    Relation.INVESTIGATED: "16x/17x",
    Relation.SUED: "115",
    Relation.FIRED: "17x",
    Relation.MET_WITH: "04x",
    Relation.SPOKE_WITH: "04x",
    Relation.INTERVIEWED: "04x",
}


class Modality(str, enum.Enum):
    """How the text holds a claim (``docs/relations.md``)."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class MentionKind(str, enum.Enum):
    """How a mention of a person was found."""

    NAME = "name"  # a personal name, from NER or a name already known in the article
    TITLE = "title"  # a titled name: "Sen. Graham", "Mr Blair"
    PRONOUN = "pronoun"  # he, him, his, she, her, I, me, my (in a quote)
    ROLE = "role"  # a role phrase tied to a person: "the President"


@dataclass(frozen=True, slots=True)
class Article:
    """One input text. ``id`` is stable: re-ingesting it replaces its edges."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, or None
    url: str | None = None
    source: str | None = None  # the outlet, as given by the input
    origin: str | None = None  # where it was read from (file, file:line)

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(id=self.id, url=self.url, title=self.title, published=self.published, source=self.source)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article's text that refers to a person."""

    start: int
    end: int
    text: str
    kind: MentionKind
    person_id: str | None = None


@dataclass(frozen=True, slots=True)
class PersonCues:
    """What one article says about one of its people: the input of linking (``graphbuild.linking``)."""

    id: str  # the in-article person id
    name: str  # the fullest name the article gives ("" for an unnamed role)
    names: tuple[str, ...] = ()  # every name the article uses for them
    roles: tuple[str, ...] = ()  # role words tied to them: "attorney general", "senator"
    words: tuple[str, ...] = ()  # lower-cased words written in front of their names
    context: tuple[str, ...] = ()  # the text just after each name: "(R-Texas)", ", the Alabama senator"
    gender: str | None = None  # "m" or "f" when the article says
    role_phrase: str | None = None  # an unnamed role ("president"): whoever held it that day


@dataclass(frozen=True, slots=True)
class Person:
    """A resolved person: a stable id, the fullest name, other names used, and what the KB knows."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    external_ids: tuple[tuple[str, str], ...] = ()  # (("wikidata", "Q22686"),)
    kb_id: str | None = None  # the knowledge-base entry (graphbuild.kb) this person is
    party: str | None = None
    offices: tuple[Any, ...] = ()  # graphbuild.kb Office records

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.name, self.kb_id)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """The end of an edge as written in an edge line: id, name, and the KB entry if linked."""

    id: str
    name: str
    kb: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The article an edge came from, as written in an edge line."""

    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class EdgeEvidence:
    """The sentence (or quote) that states an edge: ``text[start:end] == quote``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edge:
    """One piece of evidence for ``source -relation-> target``."""

    source: PersonRef
    target: PersonRef
    relation: Relation
    label: str
    article: ArticleRef
    evidence: EdgeEvidence
    modality: Modality = Modality.ASSERTED
    speaker: str | None = None
    reported_by: str | None = None
    confidence: float = 0.5
    method: str = "rule"  # "rule", "rule+model" (re-directed by the direction model), "model" (model-made)
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def polarity(self) -> Polarity:
        return self.relation.polarity

    def to_json(self) -> dict[str, Any]:
        """The edge line of ``docs/edges.md`` (schema 1)."""
        a = self.article
        line = {
            "schema": SCHEMA_VERSION,
            "source": _ref_json(self.source),
            "target": _ref_json(self.target),
            "relation": self.relation.value,
            "label": self.label,
            "modality": self.modality.value,
            "speaker": self.speaker,
            "reported_by": self.reported_by,
            "confidence": round(self.confidence, 3),
            "method": self.method,
            "article": {"id": a.id, "url": a.url, "title": a.title, "published": a.published, "source": a.source},
            "evidence": {"text": self.evidence.text, "start": self.evidence.start, "end": self.evidence.end},
        }
        line.update(self.extra)
        return line

    @classmethod
    def from_json(cls, line: dict[str, Any]) -> Edge:
        """Read an edge line back; a malformed line raises ``EdgeFormatError``."""
        try:
            if line.get("schema") != SCHEMA_VERSION:
                raise EdgeFormatError(f"schema {line.get('schema')!r} is not {SCHEMA_VERSION}")
            a, ev = line["article"], line["evidence"]
            known = {
                "schema",
                "source",
                "target",
                "relation",
                "label",
                "modality",
                "speaker",
                "reported_by",
                "confidence",
                "method",
                "article",
                "evidence",
            }
            return cls(
                source=_ref_of(line["source"]),
                target=_ref_of(line["target"]),
                relation=Relation.parse(line["relation"]),
                label=str(line["label"]),
                modality=Modality(line["modality"]),
                speaker=line.get("speaker"),
                reported_by=line.get("reported_by"),
                confidence=float(line["confidence"]),
                method=str(line.get("method", "rule")),
                article=ArticleRef(
                    id=str(a["id"]),
                    url=a.get("url"),
                    title=a.get("title"),
                    published=a.get("published"),
                    source=a.get("source"),
                ),
                evidence=EdgeEvidence(text=str(ev["text"]), start=int(ev["start"]), end=int(ev["end"])),
                extra=tuple((k, v) for k, v in line.items() if k not in known),
            )
        except EdgeFormatError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EdgeFormatError(f"{type(exc).__name__}: {exc}") from None


def _ref_json(ref: PersonRef) -> dict[str, Any]:
    out = {"id": ref.id, "name": ref.name}
    if ref.kb:
        out["kb"] = ref.kb
    return out


def _ref_of(d: dict[str, Any]) -> PersonRef:
    kb = d.get("kb")
    return PersonRef(str(d["id"]), str(d["name"]), str(kb) if kb else None)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item that was skipped, and why (a line of the rejects file)."""

    source: str  # the file it came from
    reason: str
    id: str | None = None
    line: int | None = None  # 1-based line of a JSONL record
    traceback: str | None = None  # when a bug in graphbuild caused it: kept for the report

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 or a lone surrogate in an id must not stop the
        # rejects file (or the summary) from being written: such characters are escaped.
        for name in ("source", "reason", "id"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.isascii():
                object.__setattr__(self, name, escape_surrogates(value))

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def to_json(self) -> dict[str, Any]:
        line = {"source": self.source, "id": self.id, "line": self.line, "reason": self.reason}
        if self.traceback:
            line["traceback"] = self.traceback
        return line


def escape_surrogates(value: str, *, filename: bool = False) -> str:
    """``value`` with each lone surrogate written as an escape, so that it encodes as UTF-8.

    A lone surrogate becomes ``\\uNNNN``; with ``filename``, a byte of a file
    name that is not UTF-8 (which Python holds as U+DC80..U+DCFF) becomes ``\\xNN``.

    >>> print(escape_surrogates("a\\udc80b"), escape_surrogates("caf\\udce9", filename=True))
    a\\udc80b caf\\xe9
    """
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    out = []
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            out.append(
                f"\\x{code - 0xDC00:02x}" if filename and code >= 0xDC80 and code <= 0xDCFF else f"\\u{code:04x}"
            )
        else:
            out.append(ch)
    return "".join(out)
