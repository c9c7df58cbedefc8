"""A Doc's text, built once: spaCy's ``Doc.text`` joins every token's text on each access,
so reading it per mention or per quote made extraction quadratic in article length."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "graphbuild.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in ``doc.user_data``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Warren criticized Sanders.")
    >>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    True
    """
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
