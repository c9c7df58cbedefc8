"""Direct quotes and who speaks them.

A quote's speaker is the person subject of a speech verb outside the quote in
the sentence where the quote ends ('"...," Sessions said', '... says Joan
Gosar') or starts ('Mr Blair said: "..."'); failing both, a quote that
follows a quote of the same paragraph continues it, and keeps its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon

_OPEN = {"“": "”", '"': '"'}


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # character offsets, quote marks included
    end: int
    tok_start: int
    tok_end: int


def find_quotes(doc: Doc) -> list[Quote]:
    """Quoted stretches of the text, by character scan (curly or straight marks)."""
    text = doc.text
    quotes: list[Quote] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            close = _OPEN[ch]
            j = text.find(close, i + 1)
            nxt_para = text.find("\n\n", i + 1)
            if j == -1 or (nxt_para != -1 and nxt_para < j):
                i += 1
                continue
            span = doc.char_span(i, j + 1, alignment_mode="expand")
            if span is not None and j - i > 2:
                quotes.append(Quote(i, j + 1, span.start, span.end))
            i = j + 1
        else:
            i += 1
    return quotes


def _speech_subject(verb: Token, resolve) -> str | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            pid = resolve(c)
            if pid:
                return pid
            for cc in c.children:
                if cc.dep_ == "conj" and resolve(cc):
                    return None  # two speakers: leave it
    return None


def quote_speakers(doc: Doc, quotes: list[Quote], resolve, lex: Lexicon) -> dict[int, str]:
    """Speaker person id per quote index, where one can be named."""
    speakers: dict[int, str] = {}
    inside = set()
    for q in quotes:
        inside.update(range(q.tok_start, q.tok_end))

    def from_sentence(tok_index: int) -> str | None:
        sent = doc[tok_index].sent
        for t in sent:
            if t.i in inside or t.lemma_.lower() not in lex.speech_verbs or t.pos_ not in ("VERB", "AUX"):
                continue
            pid = _speech_subject(t, resolve)
            if pid:
                return pid
        return None

    for qi, q in enumerate(quotes):
        pid = from_sentence(max(q.tok_end - 1, q.tok_start)) or from_sentence(q.tok_start)
        if pid is None and q.tok_end < len(doc):
            after = doc[q.tok_end] if q.tok_end < len(doc) else None
            if after is not None and after.sent.start == q.tok_end:
                pid = from_sentence(q.tok_end)  # '"...". Sessions said.' rare, but seen
        if pid is None and qi > 0 and (qi - 1) in speakers:
            prev = quotes[qi - 1]
            between = doc.text[prev.end:q.start]
            if "\n\n" not in between and len(between) < 400:
                pid = speakers[qi - 1]
        if pid:
            speakers[qi] = pid
    return speakers
