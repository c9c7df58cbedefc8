"""Pop-up text that web pages glue to a person's name, cut out when articles are read.

Some outlets (The Hill) follow a linked name with a hidden "rollover" block:
the person's full legal name glued to the headlines of recent stories about
them, ended by "MORE". Scraped as text it reads::

    Sen. Tom Cotton Thomas (Tom) Bryant CottonTom Cotton's only Democratic rival quits race MORE (R-Ark.) said

and turns into people such as "Tom Cotton Thomas" or "Hunter Biden Fairness".
``drop_name_popups`` removes each block, leaving "Sen. Tom Cotton (R-Ark.) said".

>>> drop_name_popups("Sen. Tom Cotton Thomas (Tom) Bryant CottonTom Cotton's only rival quits MORE (R-Ark.) said.")
'Sen. Tom Cotton (R-Ark.) said.'
>>> drop_name_popups("Trump met Biden. MORE to come.")
'Trump met Biden. MORE to come.'
"""

from __future__ import annotations

import dataclasses
import re

from .records import Article

_NAME_WORD = r"(?:[A-Z][\w.'’\-]*|\([A-Z][\w.'’\-]*\))"
# The linked name's last word, the full name (up to 7 words) ending in that same word,
# run straight into a headline ("CottonTom"), more headlines, then " MORE". The
# linked name's last word stays.
_POPUP = re.compile(rf"\b([A-Z][\w'’\-]+)((?: {_NAME_WORD}){{0,7}}?) \1(?=[A-Z0-9\"'‘“])[^\n]{{0,700}}? MORE\b")


def drop_name_popups(text: str) -> str:
    """``text`` without name pop-up blocks (see the module doc); other text is untouched."""
    if " MORE" not in text:
        return text
    return _POPUP.sub(r"\1", text)


def drop_popups(item):
    """An ``Article`` with its name pop-ups dropped; anything else (a ``Rejection``) as it is."""
    if isinstance(item, Article):
        text = drop_name_popups(item.text)
        if text != item.text:
            return dataclasses.replace(item, text=text)
    return item
