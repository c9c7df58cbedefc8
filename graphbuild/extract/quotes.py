"""Direct quotes and who speaks them.

A quote's speaker is the person subject of a speech verb outside the quote in
the sentence where the quote ends ('"...," Sessions said', '... says Joan
Gosar') or starts ('Mr Blair said: "..."'), or the person of "according to X";
"X's office said in a statement" and "a statement from X said" are X's words.
Failing these, a quote that follows a quote of the same paragraph continues
it, and keeps its speaker; so does a paragraph that opens with a quote right
after a paragraph whose quote has a speaker (a quote running over paragraphs,
its closing mark left off at each paragraph's end, is one quote).

A quote's topic is the person it is said of ('So says Hillary Clinton of her
2016 rival, Sen. Bernie Sanders'): "he" and "him" inside it are that person.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .doc_text import doc_text
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
    text = doc_text(doc)
    quotes: list[Quote] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            close = _OPEN[ch]
            j = text.find(close, i + 1)
            nxt_para = text.find("\n\n", i + 1)
            if nxt_para != -1 and j != -1 and nxt_para < j and text[nxt_para:j].strip() == "":
                # A quote that runs on into the next paragraph: newspapers leave the closing
                # mark off and open the next paragraph with a quote mark again.
                span = doc.char_span(i, nxt_para, alignment_mode="expand")
                if span is not None and nxt_para - i > 2:
                    quotes.append(Quote(i, nxt_para, span.start, span.end))
                i = nxt_para
                continue
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


def _speech_subject(verb: Token, resolve, lex: Lexicon | None = None, depth: int = 0) -> str | None:
    if (
        depth < 3
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head.i != verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # 'Mendoza seemed to echo Golvach, saying, "..."': the speaker is the subject the
        # participle inherits.
        return _speech_subject(verb.head, resolve, lex, depth + 1)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            pid = resolve(c)
            if pid:
                return pid
            for cc in c.children:
                if cc.dep_ == "conj" and resolve(cc):
                    return None  # two speakers: leave it
            if lex is not None and (
                c.lemma_.lower() in lex.constructions.statement_nouns or c.lemma_.lower() in lex.voice_nouns
            ):
                # "a statement from Pelosi said", "Pelosi's office said in a statement"
                for cc in c.children:
                    if cc.dep_ == "poss" and resolve(cc):
                        return resolve(cc)
                    if cc.dep_ == "prep" and cc.lower_ in ("from", "by", "of"):
                        for o in cc.children:
                            if o.dep_ == "pobj" and resolve(o):
                                return resolve(o)
    return None


def _paragraph_part(tok: Token) -> list[Token]:
    """The tokens of tok's sentence in tok's own paragraph: the parser's sentences can run
    across a paragraph break, and the next paragraph's speaker is not this quote's."""
    text = doc_text(tok.doc)
    start = text.rfind("\n\n", 0, tok.idx)
    end = text.find("\n\n", tok.idx)
    end = len(text) if end == -1 else end
    return [t for t in tok.sent if start <= t.idx < end]


def according_to(sent, resolve, inside: set[int] = frozenset()) -> str | None:
    """The person of 'according to X' in a sentence, outside quotes."""
    for t in sent:
        if t.lower_ == "according" and t.i not in inside:
            for to in t.children:
                if to.lower_ == "to":
                    for o in to.children:
                        if o.dep_ == "pobj" and resolve(o):
                            return resolve(o)
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to":  # the parser may hang "to X" elsewhere
                for o in t.doc[nxt.i + 1 : min(len(t.doc), nxt.i + 6)]:
                    if o.is_punct:
                        break
                    if resolve(o):
                        return resolve(o)
    return None


def quote_speakers(doc: Doc, quotes: list[Quote], resolve, lex: Lexicon) -> dict[int, str]:
    """Speaker person id per quote index, where one can be named."""
    speakers: dict[int, str] = {}
    inside = set()
    for q in quotes:
        inside.update(range(q.tok_start, q.tok_end))

    def from_sentence(tok_index: int) -> str | None:
        sent = _paragraph_part(doc[tok_index])
        for t in sent:
            if t.i in inside or t.lemma_.lower() not in lex.speech_verbs or t.pos_ not in ("VERB", "AUX"):
                continue
            pid = _speech_subject(t, resolve, lex)
            if pid:
                return pid
        return according_to(sent, resolve, inside)

    for qi, q in enumerate(quotes):
        pid = from_sentence(max(q.tok_end - 1, q.tok_start)) or from_sentence(q.tok_start)
        if pid is None and q.tok_end < len(doc):
            after = doc[q.tok_end] if q.tok_end < len(doc) else None
            if after is not None and after.sent.start == q.tok_end:
                pid = from_sentence(q.tok_end)  # '"...". Sessions said.' rare, but seen
        if pid is None and qi > 0 and (qi - 1) in speakers:
            prev = quotes[qi - 1]
            between = doc_text(doc)[prev.end : q.start]
            if "\n\n" not in between and len(between) < 400:
                pid = speakers[qi - 1]
            elif between.count("\n\n") == 1 and between.split("\n\n")[1].strip() == "" and len(between) < 400:
                pid = speakers[qi - 1]  # a paragraph that is a quote goes on with the last speaker
        if pid:
            speakers[qi] = pid
    return speakers


def quote_topics(doc: Doc, quotes: list[Quote], speakers: dict[int, str], resolve, lex: Lexicon) -> dict[int, str]:
    """Per quote, the person it is said of: 'So says Hillary Clinton of her rival, Sen.
    Bernie Sanders', '..., Trump said about Sessions'. The first person named after the
    'of'/'about' that follows the speech verb, other than the speaker."""
    inside = {i for q in quotes for i in range(q.tok_start, q.tok_end)}
    topics: dict[int, str] = {}
    for qi, q in enumerate(quotes):
        speaker = speakers.get(qi)
        if not speaker:
            continue
        for tok_index in (max(q.tok_end - 1, q.tok_start), q.tok_end):
            if tok_index >= len(doc):
                continue
            sent = _paragraph_part(doc[tok_index])
            verbs = [
                t
                for t in sent
                if t.i not in inside and t.lemma_.lower() in lex.speech_verbs and t.pos_ in ("VERB", "AUX")
            ]
            for v in verbs:
                after = [t for t in sent if t.i > v.i and t.i not in inside]
                preps = [t for t in after[:6] if t.lower_ in lex.constructions.topic_preps and t.pos_ == "ADP"]
                if not preps:
                    continue
                for t in doc[preps[0].i + 1 : sent[-1].i + 1]:
                    if t.is_punct and t.text in (";", ":") or t.i in inside:
                        break
                    pid = resolve(t) if t.pos_ != "PRON" else None
                    if pid and pid != speaker:
                        topics[qi] = pid
                        break
                if qi in topics:
                    break
            if qi in topics:
                break
    return topics
