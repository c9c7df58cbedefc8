"""Readers: paths in, a stream of ``Article`` (or ``Rejection``) records out.

A path is a ``.txt`` / ``.md`` file (id = the file stem; an ISO date in the
stem is its publication date), an ``.html`` / ``.htm`` page (main text, title,
date and url by trafilatura), an RSS/Atom feed (``.rss``, ``.atom``, ``.xml``:
each entry an article), a ``.jsonl`` / ``.jsonl.gz`` file of records
``{id, text, title?, date?, url?, source?}``, or a folder of any of these
(recursive, in sorted order). Files are read one at a time and JSONL line by
line, so memory does not grow with the number of articles.

A bad item never stops the stream: it comes out as a ``Rejection`` naming the
file (and line) and the problem, and reading goes on. Problems: empty text,
binary files, text whose encoding cannot be detected, pages without main
text, feeds without entries, malformed JSONL lines, and articles detected in
a language other than the ``languages`` setting.

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
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputPathError
from .name_popups import drop_popups  # people hook
from .records import Article, Rejection
from .settings import resolve

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
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
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
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
                str(path), "unknown input kind; give .txt, .md, .html, .htm, .rss, .atom, .xml, "
                           ".jsonl or .jsonl.gz files or a folder")
        checked.append(path)
    for path in checked:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _kind(p)):
                yield child
        else:
            yield path


def read_articles(paths: Iterable[str | Path], *, languages: str | None = None
                  ) -> Iterator[Article | Rejection]:
    """Every article in ``paths``, in order, with a ``Rejection`` for each bad item.

    ``languages`` is the ``languages`` setting: an article confidently detected
    in another language is rejected, since the pipeline parses only those.
    """
    keep = language_codes(resolve("languages", languages))
    readers = {"jsonl": _read_jsonl, "html": _read_html, "feed": _read_feed}
    for path in input_files(paths):
        reader = readers.get(_kind(path))
        for item in reader(path) if reader else [_read_text(path)]:
            item = drop_popups(item)  # people hook (graphbuild/name_popups.py): names glued to pop-up text
            if keep and isinstance(item, Article):
                item = check_language(item, keep)
            yield item


def language_codes(value: str) -> frozenset[str]:
    codes = frozenset(c.strip().lower() for c in str(value).split(",") if c.strip())
    return frozenset() if "any" in codes else codes


def _decode(data: bytes) -> str:
    # utf-8-sig drops a byte-order mark, which would otherwise shift every offset by one.
    return data.decode("utf-8-sig")


# Binary formats whose first block may hold no NUL byte, known by their magic number.
_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"GIF8": "GIF", b"\xff\xd8\xff": "JPEG",
          b"PK\x03\x04": "ZIP", b"\x1f\x8b": "gzip"}
# UTF-16 text is full of NUL bytes, yet text: its byte-order mark tells it apart.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Below this many bytes a charset guess is a coin toss (b"Caf\xe9 au lait" reads as Urdu cp1006).
MIN_DETECT_BYTES = 200


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({name}), not text"
    if b"\x00" in data[:4096] and not data.startswith(_UTF16_BOMS):
        return "binary file (NUL bytes), not text"
    return None


def decode_text(data: bytes) -> str:
    """``data`` as text: UTF-8 (a BOM dropped), else the charset charset-normalizer detects.

    Raises ``ValueError`` with the reason when neither works.

    >>> decode_text("Trump’s".encode("utf-8"))
    'Trump’s'
    >>> decode_text(("Le président a critiqué le ministre. " * 8).encode("cp1252"))[:23]
    'Le président a critiqué'
    """
    bad = 0
    if not data.startswith(_UTF16_BOMS):
        try:
            return _decode(data)
        except UnicodeDecodeError as exc:
            bad = exc.start
        if len(data) < MIN_DETECT_BYTES:
            raise ValueError(f"not UTF-8 text (bad byte at offset {bad}), and at {len(data)} bytes too "
                             "short to detect its encoding; save it as UTF-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError(f"not UTF-8 text (bad byte at offset {bad}) and no text encoding could be "
                         "detected; save it as UTF-8")
    return str(best).lstrip("\ufeff")


def _read_bytes(path: Path) -> bytes | Rejection:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), f"unreadable: {exc.strerror or exc}", id=path.stem)
    binary = _binary_kind(data)
    return Rejection(str(path), binary, id=path.stem) if binary else data


def _read_text(path: Path) -> Article | Rejection:
    data = _read_bytes(path)
    if isinstance(data, Rejection):
        return data
    try:
        text = decode_text(data)
    except ValueError as exc:
        return Rejection(str(path), str(exc), id=path.stem)
    if not text.strip():
        return Rejection(str(path), "empty text", id=path.stem)
    dated = _DATE_IN_NAME.search(path.stem)
    return Article(id=path.stem, text=text, published=dated.group(1) if dated else None, origin=str(path))


MIN_HTML_WORDS = 8


def _read_html(path: Path) -> Iterator[Article | Rejection]:
    """One article from an HTML page: its main text, without menus and footers.

    trafilatura (Apache-2.0 since 1.8, maintained) finds the main text, title,
    date, canonical url and site name, and detects the page's charset.
    """
    data = _read_bytes(path)
    if isinstance(data, Rejection):
        yield data
        return
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a parser failure is this page's problem only
        yield Rejection(str(path), f"HTML page could not be parsed ({type(exc).__name__}: {exc})",
                        id=path.stem)
        return
    text = (doc.text if doc is not None else None) or ""
    # On a page with no article, trafilatura falls back to menu labels ("Home"): so few
    # words are no article text.
    if len(text.split()) < MIN_HTML_WORDS:
        yield Rejection(str(path), f"HTML page has no main text ({len(text.split())} words found)",
                        id=path.stem)
        return
    dated = _DATE_IN_NAME.search(path.stem)
    yield Article(id=path.stem, text=text, title=doc.title or None,
                  published=doc.date or (dated.group(1) if dated else None), url=doc.url or None,
                  source=doc.sitename or None, origin=str(path))


def _read_feed(path: Path) -> Iterator[Article | Rejection]:
    """Each entry of an RSS or Atom feed as an article (id: the entry's id, else its link)."""
    data = _read_bytes(path)
    if isinstance(data, Rejection):
        yield data
        return
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.get('bozo_exception')})" if feed.get("bozo") else ""
        yield Rejection(str(path), f"not an RSS/Atom feed, or a feed without entries{why}")
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, start=1):
        article_id = entry.get("id") or entry.get("link")
        if not article_id:
            yield Rejection(str(path), f"feed entry {n} has neither an id nor a link")
            continue
        html = entry.content[0].get("value", "") if entry.get("content") else entry.get("summary", "")
        text = html_to_text(html or "")
        if not text:
            yield Rejection(str(path), f"feed entry {n}: empty text", id=article_id)
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(id=article_id, text=text, title=entry.get("title") or None,
                      published=time.strftime("%Y-%m-%d", when) if when else None,
                      url=entry.get("link") or None, source=outlet, origin=f"{path}#{n}")


_BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table pre section article "
                        "header footer figure figcaption hr".split())


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """A feed entry's HTML as plain text, one paragraph per block element.

    >>> html_to_text("<p>Jeff Sessions endorsed <b>Donald&nbsp;Trump</b>.</p><p>Then</p>")
    'Jeff Sessions endorsed Donald Trump.\\n\\nThen'
    """
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\u00a0", " ")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


# Fewer words than this say too little for a language guess; such texts are kept.
MIN_LANGUAGE_WORDS = 30
_LANGID = None


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of ``text``, or None when it is too short to tell.

    py3langid (BSD-3-Clause) ships its model inside the package: nothing is downloaded.

    >>> detect_language("Le président a critiqué hier soir le ministre de la justice, qui avait "
    ...                 "refusé de répondre aux questions des journalistes sur la réforme des "
    ...                 "retraites et sur les élections municipales de mars prochain.")[0]
    'fr'
    """
    global _LANGID
    sample = text[:4000]
    if len(sample.split()) < MIN_LANGUAGE_WORDS:
        return None
    if _LANGID is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _LANGID = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, prob = _LANGID.classify(sample)
    return code, float(prob)


def check_language(article: Article, keep: frozenset[str]) -> Article | Rejection:
    found = detect_language(article.text)
    # Only a confident guess rejects: names and quotes can make English look mixed.
    if found is None or found[0] in keep or found[1] < 0.9:
        return article
    return rejection_of(article, f"language detected as {found[0]!r}, not {', '.join(sorted(keep))}; "
                                 "set GRAPHBUILD_LANGUAGES to keep it")


def rejection_of(article: Article, reason: str) -> Rejection:
    """A rejection of an article already read, pointing where it came from."""
    source, line = article.origin or "?", None
    where, _, tail = source.rpartition(":")
    if where and tail.isdigit():  # a JSONL record's "file:line"
        source, line = where, int(tail)
    return Rejection(source, reason, id=article.id, line=line)


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
    except UnicodeDecodeError as exc:
        return Rejection(where, f"malformed JSON line (not UTF-8: bad byte at offset {exc.start}; "
                                "JSON Lines files must be UTF-8)", line=lineno)
    except json.JSONDecodeError as exc:
        return Rejection(where, f"malformed JSON line ({exc})", line=lineno)
    return article_from_record(record, where, lineno)


def article_from_record(record: object, source: str = "?", line: int | None = None) -> Article | Rejection:
    """An article from a JSON record ``{id, text, title?, date?, url?, source?}``.

    >>> article_from_record({"id": 7, "text": "Body.", "date": "2019-11-08"}).published
    '2019-11-08'
    >>> article_from_record({"id": "x", "text": " "}, "feed.jsonl", 3).reason
    'empty text'
    """
    if not isinstance(record, dict):
        return Rejection(source, "JSON line is not an object", line=line)
    article_id = _opt_str(record, "id")
    if article_id is None:
        return Rejection(source, "record has no id", line=line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(source, "empty text", id=article_id, line=line)
    return Article(
        id=article_id, text=text, title=_opt_str(record, "title"),
        published=_opt_str(record, "date") or _opt_str(record, "published"),
        url=_opt_str(record, "url"), source=_opt_str(record, "source"),
        origin=f"{source}:{line}" if line else source,
    )
