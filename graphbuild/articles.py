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
text, feeds without entries, malformed JSONL lines (including lines nested
too deep to parse), records whose text is not a string, ids too long to be
index keys, unreadable files and folders, broken or looping symbolic links,
and articles detected in a language other than the ``languages`` setting.
Any other exception while reading an item is a bug: the item is rejected
with a reason that says so and the traceback is kept on the rejection.

What is read is always writable: a file name that is not UTF-8 is shown with
``\\xNN`` escapes (ids and sources), a lone surrogate in an id or metadata is
shown as ``\\uNNNN``, and in article text a lone surrogate or NUL becomes
U+FFFD or a space (one character for one, so offsets hold).

Folders are walked in sorted order; symbolic links to folders are followed
once (a link back into a folder being read is rejected as a loop), and a
folder written by ``graphbuild build`` (it holds ``OUTPUT_MARKER``) is skipped,
as are paths passed in ``exclude`` (a run's own outputs).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Trump fired Comey.")
>>> _ = (d / "empty.txt").write_text("  ")
>>> [type(x).__name__ for x in read_articles([d])]
['Article', 'Rejection']
"""

from __future__ import annotations

import errno
import gzip
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputPathError
from .name_popups import drop_popups  # people hook
from .records import Article, Rejection, escape_surrogates
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


# A folder holding this file was written by `graphbuild build`: reading inputs skips it,
# so that `build .` run twice does not read its own map.html back as an article.
OUTPUT_MARKER = ".graphbuild-output"


def shown(path: str | Path) -> str:
    """A path as text that can always be written: bytes that are not UTF-8 as ``\\xNN``."""
    return escape_surrogates(str(path), filename=True)


def _id_of(path: Path) -> str:
    return shown(path.stem)


def input_files(paths: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()) -> Iterator[Path | Rejection]:
    """The files named by ``paths``, folders walked recursively in sorted order.

    A path that does not exist, or a file of an unknown kind named directly,
    raises ``InputPathError`` before any work is done. Inside folders, what
    cannot be walked (an unreadable folder, a broken link, a link loop, a
    special file) comes out as a ``Rejection``; files of unknown kinds,
    ``exclude``d paths and folders holding ``OUTPUT_MARKER`` are passed over.
    """
    checked: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            path.stat()
        except OSError as exc:
            if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
                raise InputPathError(shown(path), f"cannot be read: {exc.strerror or exc}") from None
        if not path.exists():
            kind = "a broken symbolic link" if path.is_symlink() else "no such file or folder"
            raise InputPathError(shown(path), kind)
        if path.is_file() and _kind(path) is None:
            raise InputPathError(
                shown(path),
                "unknown input kind; give .txt, .md, .html, .htm, .rss, .atom, .xml, "
                ".jsonl or .jsonl.gz files or a folder",
            )
        checked.append(path)
    skip = {_real(p) for p in exclude}
    for path in checked:
        if path.is_dir() and (_real(path) in skip or (path / OUTPUT_MARKER).is_file()):
            # named on purpose, so said out loud (inside a folder such folders are passed over)
            yield Rejection(
                shown(path),
                "a folder written by `graphbuild build` (it holds "
                f"{OUTPUT_MARKER}): its files are outputs, not articles",
            )
        elif path.is_dir():
            yield from _walk(path, skip, [])
        elif path.is_file():
            yield path
        else:
            yield Rejection(shown(path), "not a regular file (a FIFO, socket or device); give a file", id=_id_of(path))


def _real(path: str | Path) -> str:
    return __import__("os").path.realpath(path)


def _walk(folder: Path, skip: set[str], ancestors: list[str]) -> Iterator[Path | Rejection]:
    """The files under ``folder`` (sorted); ``ancestors`` are the real paths being walked."""
    import os
    import stat

    real = _real(folder)
    if real in skip or (folder / OUTPUT_MARKER).is_file():
        return  # a run's own output folder
    if real in ancestors:
        yield Rejection(
            shown(folder),
            f"symbolic link loop: leads back to {shown(real)}, which is "
            "already being read; remove the link or give the folder directly",
        )
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(
            shown(folder),
            f"unreadable folder: {exc.strerror or exc}; its articles are not read (check its permissions)",
        )
        return
    ancestors = ancestors + [real]
    for entry in entries:
        child = Path(entry.path)
        try:
            if entry.is_dir():  # follows a symbolic link to a folder
                yield from _walk(child, skip, ancestors)
                continue
            if _kind(child) is None or _real(child) in skip:
                continue
            if entry.is_symlink() and not child.exists():
                yield Rejection(
                    shown(child), f"broken symbolic link (to {shown(os.readlink(child))})", id=_id_of(child)
                )
            elif not entry.is_file():
                mode = entry.stat().st_mode
                what = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
                yield Rejection(shown(child), f"not a regular file (a {what})", id=_id_of(child))
            else:
                yield child
        except OSError as exc:
            yield Rejection(shown(child), f"unreadable: {exc.strerror or exc}", id=_id_of(child))


def read_articles(
    paths: Iterable[str | Path], *, languages: str | None = None, exclude: Iterable[str | Path] = ()
) -> Iterator[Article | Rejection]:
    """Every article in ``paths``, in order, with a ``Rejection`` for each bad item.

    ``languages`` is the ``languages`` setting: an article confidently detected
    in another language is rejected, since the pipeline parses only those.
    ``exclude``: paths never read (the run's own outputs).
    """
    keep = language_codes(resolve("languages", languages))
    readers = {"jsonl": _read_jsonl, "html": _read_html, "feed": _read_feed}
    for path in input_files(paths, exclude=exclude):
        if isinstance(path, Rejection):
            yield path
            continue
        reader = readers.get(_kind(path))
        for item in _guarded(path, reader(path) if reader else iter([None]), None if reader else _read_text):
            item = drop_popups(item)  # people hook (graphbuild/name_popups.py): names glued to pop-up text
            if keep and isinstance(item, Article):
                try:
                    item = check_language(item, keep)
                except Exception as exc:  # noqa: BLE001 - a bug, kept with its traceback
                    item = _bug(rejection_of(item, ""), "detecting its language", exc)
            yield item


def _bug(where: Rejection, doing: str, exc: Exception) -> Rejection:
    """A rejection caused by a bug in graphbuild: it says so and keeps the traceback."""
    from .tracebacks import format_traceback

    return Rejection(
        where.source,
        f"a bug in graphbuild while {doing} ({type(exc).__name__}: {exc}); "
        "the traceback is in the rejects file, please report it",
        id=where.id,
        line=where.line,
        traceback=format_traceback(exc),
    )


def _guarded(path: Path, items: Iterator, single) -> Iterator[Article | Rejection]:
    """Items of one file; an exception a reader did not expect rejects the rest of the file."""
    try:
        if single is not None:
            yield single(path)
            return
        yield from items
    except Exception as exc:  # noqa: BLE001 - a bug, kept with its traceback; the run goes on
        yield _bug(Rejection(shown(path), "", id=_id_of(path)), "reading this file", exc)


def language_codes(value: str) -> frozenset[str]:
    codes = frozenset(c.strip().lower() for c in str(value).split(",") if c.strip())
    return frozenset() if "any" in codes else codes


def _decode(data: bytes) -> str:
    # utf-8-sig drops a byte-order mark, which would otherwise shift every offset by one.
    return data.decode("utf-8-sig")


# Binary formats whose first block may hold no NUL byte, known by their magic number.
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"GIF8": "GIF",
    b"\xff\xd8\xff": "JPEG",
    b"PK\x03\x04": "ZIP",
    b"\x1f\x8b": "gzip",
}
# UTF-16 text is full of NUL bytes, yet text: its byte-order mark tells it apart.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Below this many bytes a charset guess is a coin toss (b"Caf\xe9 au lait" reads as Urdu cp1006).
MIN_DETECT_BYTES = 200
# More NUL bytes than one per this many in the first 4 KB (and more than one) make a
# file binary: a stray NUL in a long text does not.
NUL_PER_BYTES = 1000


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when ``data`` looks like UTF-16 text without a BOM.

    Latin-script UTF-16 has a NUL in every other byte: on the odd bytes
    (little-endian) or the even ones (big-endian), and almost none on the other side.
    """
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.6 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({name}), not text"
    head = data[:4096]
    nuls = head.count(0)
    if not nuls or data.startswith(_UTF16_BOMS) or _utf16_without_bom(data):
        return None
    # Text has next to no control bytes; a stray NUL in a long article is damage, not binary.
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if (nuls > 1 and nuls * NUL_PER_BYTES > len(head)) or controls * 100 > len(head):
        return "binary file (NUL bytes), not text"
    return None


_CONTROL_BYTES = [b for b in range(32) if b not in b"\t\n\v\f\r"] + [127]


def decode_text(data: bytes) -> str:
    """``data`` as text: UTF-8 (a BOM dropped), UTF-16 (with a BOM, or plainly so without
    one), else the charset charset-normalizer detects.

    Raises ``ValueError`` with the reason when none works.

    >>> decode_text("Trump’s".encode("utf-8"))
    'Trump’s'
    >>> decode_text(("Le président a critiqué le ministre. " * 8).encode("cp1252"))[:23]
    'Le président a critiqué'
    >>> decode_text("Jeff Sessions endorsed Donald Trump.".encode("utf-16-le"))
    'Jeff Sessions endorsed Donald Trump.'
    """
    bad = 0
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # a BOM and then no UTF-16: let detection decide
    else:
        # ASCII in UTF-16 is valid UTF-8 too (with a NUL in every other byte): test it first.
        utf16 = _utf16_without_bom(data)
        if utf16:
            try:
                return data.decode(utf16)
            except UnicodeDecodeError:
                pass
        try:
            return _decode(data)
        except UnicodeDecodeError as exc:
            bad = exc.start
        if len(data) < MIN_DETECT_BYTES:
            raise ValueError(
                f"not UTF-8 text (bad byte at offset {bad}), and at {len(data)} bytes too "
                "short to detect its encoding; save it as UTF-8"
            )
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError(
            f"not UTF-8 text (bad byte at offset {bad}) and no text encoding could be detected; save it as UTF-8"
        )
    return str(best).lstrip("\ufeff")


# One character for one, so that evidence offsets stay the text's own: a lone
# surrogate (from a JSON "\\udc80" escape) cannot be written as UTF-8, and control
# characters and U+FFFE/U+FFFF cannot be written in XML (GraphML, GEXF).
_UNWRITABLE = re.compile("[\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD and control characters (NUL, ...) as
    spaces: the same length, and writable as UTF-8 and XML.

    >>> clean_text("Trump\\x00fired\\x01Comey\\udc80.")
    'Trump fired Comey\ufffd.'
    """
    return _UNWRITABLE.sub("\ufffd", _NOT_XML.sub(" ", text))


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Ids are uniqueness-constraint keys in Neo4j, whose index keys are limited in size.
MAX_ID_CHARS = 1000


def make_article(
    source: str,
    *,
    id: str,
    text: str,
    line: int | None = None,
    title=None,
    published=None,
    url=None,
    source_name=None,
    origin=None,
) -> Article | Rejection:
    """An ``Article`` whose every field can be written, or the ``Rejection`` saying why not.

    >>> make_article("a.jsonl", id="9" * 5000, text="Trump fired Comey.", line=3).reason
    'id is 5000 characters long; ids of at most 1000 characters are read'
    """
    if len(id) > MAX_ID_CHARS:
        return Rejection(
            source,
            f"id is {len(id)} characters long; ids of at most {MAX_ID_CHARS} characters are read",
            id=id[:80] + "...",
            line=line,
        )
    text = clean_text(text)
    if not text.strip():
        return Rejection(source, "empty text", id=escape_surrogates(id), line=line)

    def meta(value):  # ids and metadata: what cannot be written is shown as an escape
        return None if value is None else _NOT_XML.sub(_escape_char, escape_surrogates(value))

    return Article(
        id=meta(id),
        text=text,
        title=meta(title),
        published=meta(published),
        url=meta(url),
        source=meta(source_name),
        origin=origin,
    )


def _read_bytes(path: Path) -> bytes | Rejection:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(shown(path), f"unreadable: {exc.strerror or exc}", id=_id_of(path))
    binary = _binary_kind(data)
    return Rejection(shown(path), binary, id=_id_of(path)) if binary else data


def _read_text(path: Path) -> Article | Rejection:
    data = _read_bytes(path)
    if isinstance(data, Rejection):
        return data
    try:
        text = decode_text(data)
    except ValueError as exc:
        return Rejection(shown(path), str(exc), id=_id_of(path))
    dated = _DATE_IN_NAME.search(path.stem)
    return make_article(
        shown(path), id=_id_of(path), text=text, published=dated.group(1) if dated else None, origin=shown(path)
    )


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
        yield Rejection(shown(path), f"HTML page could not be parsed ({type(exc).__name__}: {exc})", id=_id_of(path))
        return
    text = (doc.text if doc is not None else None) or ""
    # On a page with no article, trafilatura falls back to menu labels ("Home"): so few
    # words are no article text.
    if len(text.split()) < MIN_HTML_WORDS:
        yield Rejection(shown(path), f"HTML page has no main text ({len(text.split())} words found)", id=_id_of(path))
        return
    dated = _DATE_IN_NAME.search(path.stem)
    yield make_article(
        shown(path),
        id=_id_of(path),
        text=text,
        title=doc.title or None,
        published=doc.date or (dated.group(1) if dated else None),
        url=doc.url or None,
        source_name=doc.sitename or None,
        origin=shown(path),
    )


def _read_feed(path: Path) -> Iterator[Article | Rejection]:
    """Each entry of an RSS or Atom feed as an article (id: the entry's id, else its link)."""
    data = _read_bytes(path)
    if isinstance(data, Rejection):
        yield data
        return
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - (a RecursionError on deep nesting) this file's problem
        yield Rejection(shown(path), f"feed could not be parsed ({type(exc).__name__}: {exc})")
        return
    if not feed.entries:
        why = f" ({feed.get('bozo_exception')})" if feed.get("bozo") else ""
        yield Rejection(shown(path), f"not an RSS/Atom feed, or a feed without entries{why}")
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, start=1):
        article_id = entry.get("id") or entry.get("link")
        if not article_id:
            yield Rejection(shown(path), f"feed entry {n} has neither an id nor a link")
            continue
        html = entry.content[0].get("value", "") if entry.get("content") else entry.get("summary", "")
        text = html_to_text(html or "")
        if not text:
            yield Rejection(shown(path), f"feed entry {n}: empty text", id=article_id)
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield make_article(
            shown(path),
            id=str(article_id),
            text=text,
            title=entry.get("title") or None,
            published=time.strftime("%Y-%m-%d", when) if when else None,
            url=entry.get("link") or None,
            source_name=outlet,
            origin=f"{shown(path)}#{n}",
        )


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table pre section article "
    "header footer figure figcaption hr".split()
)


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
    return rejection_of(
        article,
        f"language detected as {found[0]!r}, not {', '.join(sorted(keep))}; set GRAPHBUILD_LANGUAGES to keep it",
    )


def rejection_of(article: Article, reason: str) -> Rejection:
    """A rejection of an article already read, pointing where it came from."""
    source, line = article.origin or "?", None
    where, _, tail = source.rpartition(":")
    if where and tail.isdigit():  # a JSONL record's "file:line"
        source, line = where, int(tail)
    return Rejection(source, reason, id=article.id, line=line)


_JSON_KIND = {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}


def _what(value: object) -> str:
    return _JSON_KIND.get(type(value), type(value).__name__)


def _opt_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)  # kept, readable, never a Python repr
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
        yield Rejection(shown(path), f"unreadable: {exc}")


def _jsonl_record(path: Path, lineno: int, raw: bytes) -> Article | Rejection:
    where = shown(path)
    try:
        record = json.loads(_decode(raw), parse_int=_parse_int)
    except UnicodeDecodeError as exc:
        return Rejection(
            where,
            f"malformed JSON line (not UTF-8: bad byte at offset {exc.start}; JSON Lines files must be UTF-8)",
            line=lineno,
        )
    except json.JSONDecodeError as exc:
        return Rejection(where, f"malformed JSON line ({exc})", line=lineno)
    except RecursionError:
        return Rejection(
            where, "malformed JSON line (nested too deeply to read: an article record is one flat object)", line=lineno
        )
    return article_from_record(record, where, lineno)


def _parse_int(digits: str) -> int | str:
    # Python refuses to turn more than 4,300 digits into an int; such a number (an id,
    # say) stays its digits, and the record's checks say what is wrong with it.
    return int(digits) if len(digits) <= 4000 else digits


def article_from_record(record: object, source: str = "?", line: int | None = None) -> Article | Rejection:
    """An article from a JSON record ``{id, text, title?, date?, url?, source?}``.

    >>> article_from_record({"id": 7, "text": "Body.", "date": "2019-11-08"}).published
    '2019-11-08'
    >>> article_from_record({"id": "x", "text": " "}, "feed.jsonl", 3).reason
    'empty text'
    """
    if not isinstance(record, dict):
        return Rejection(source, f"JSON line is not an object (it is {_what(record)})", line=line)
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        return Rejection(source, "record has no id", line=line)
    if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
        return Rejection(source, f"id is {_what(raw_id)}; give a string or a whole number", line=line)
    article_id = str(raw_id)
    text = record.get("text")
    if text is None:
        why = "record has no text" if "text" not in record else "text is null"
        return Rejection(source, why, id=escape_surrogates(article_id[:MAX_ID_CHARS]), line=line)
    if not isinstance(text, str):
        return Rejection(
            source, f"text is {_what(text)}, not a string", id=escape_surrogates(article_id[:MAX_ID_CHARS]), line=line
        )
    return make_article(
        source,
        id=article_id,
        text=text,
        line=line,
        title=_opt_str(record, "title"),
        published=_opt_str(record, "date") or _opt_str(record, "published"),
        url=_opt_str(record, "url"),
        source_name=_opt_str(record, "source"),
        origin=f"{source}:{line}" if line else source,
    )
