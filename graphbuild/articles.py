"""Readers: paths in, a stream of ``Article`` (or ``Rejection``) records out.

A path is a ``.txt`` / ``.md`` file (id = the file stem; an ISO date in the
stem is its publication date), a folder of them
(recursive, in sorted order), or a ``.jsonl`` / ``.jsonl.gz`` file of records
``{id, text, title?, date?, url?, source?}``. Files are read one at a time and
JSONL line by line, so memory does not grow with the number of articles.

A bad item never stops the stream: it comes out as a ``Rejection`` naming the
file (and line) and the problem, and reading goes on.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Trump fired Comey.")
>>> _ = (d / "empty.txt").write_text("  ")
>>> [type(x).__name__ for x in read_articles([d])]
['Article', 'Rejection']
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputPathError
from .records import Article, Rejection

TEXT_SUFFIXES = (".txt", ".md")
# A text file carries no metadata; an ISO date in its name ("tpm-2019-11-08-sessions")
# is taken as the publication date, so that timelines work for plain files too.
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The readable files named by ``paths``, folders walked recursively in sorted order.

    A path that does not exist, or a file of an unknown kind named directly,
    raises ``InputPathError`` before any work is done.
    """
    checked: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputPathError(str(path), "no such file or folder")
        if path.is_file() and _kind(path) is None:
            raise InputPathError(
                str(path), "unknown input kind; give .txt, .md, .jsonl or .jsonl.gz files or a folder")
        checked.append(path)
    for path in checked:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _kind(p)):
                yield child
        else:
            yield path


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Rejection]:
    """Every article in ``paths``, in order, with a ``Rejection`` for each bad item."""
    for path in input_files(paths):
        if _kind(path) == "jsonl":
            yield from _read_jsonl(path)
        else:
            yield _read_text(path)


def _decode(data: bytes) -> str:
    # utf-8-sig drops a byte-order mark, which would otherwise shift every offset by one.
    return data.decode("utf-8-sig")


def _read_text(path: Path) -> Article | Rejection:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), f"unreadable: {exc.strerror or exc}", id=path.stem)
    if b"\x00" in data[:4096]:
        return Rejection(str(path), "binary file (NUL bytes), not text", id=path.stem)
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        return Rejection(str(path), f"not UTF-8 text (bad byte at offset {exc.start})",
                         id=path.stem)
    if not text.strip():
        return Rejection(str(path), "empty text", id=path.stem)
    dated = _DATE_IN_NAME.search(path.stem)
    return Article(id=path.stem, text=text, published=dated.group(1) if dated else None, origin=str(path))


def _opt_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    return None if value is None or value == "" else str(value)


def _read_jsonl(path: Path) -> Iterator[Article | Rejection]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_record(path, lineno, raw)
    except (OSError, EOFError) as exc:
        # A truncated gzip stream: what was read before it stays read.
        yield Rejection(str(path), f"unreadable: {exc}")


def _jsonl_record(path: Path, lineno: int, raw: bytes) -> Article | Rejection:
    where = str(path)
    try:
        record = json.loads(_decode(raw))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Rejection(where, f"malformed JSON line ({exc})", line=lineno)
    if not isinstance(record, dict):
        return Rejection(where, "JSON line is not an object", line=lineno)
    article_id = _opt_str(record, "id")
    if article_id is None:
        return Rejection(where, "record has no id", line=lineno)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, "empty text", id=article_id, line=lineno)
    return Article(
        id=article_id, text=text, title=_opt_str(record, "title"),
        published=_opt_str(record, "date") or _opt_str(record, "published"),
        url=_opt_str(record, "url"), source=_opt_str(record, "source"),
        origin=f"{where}:{lineno}",
    )
