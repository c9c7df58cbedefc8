"""Hard inputs: one of each bad kind beside good articles. Every good article's
edges come out; every bad one is in the rejects file with its reason."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.articles import read_articles
from graphbuild.cli import app
from graphbuild.extract import extract_edges
from graphbuild.records import Article, Rejection
from graphbuild.run import extract_to_file

runner = CliRunner()

STORY = (
    "Jeff Sessions endorsed Donald Trump in February 2016, the first senator to do so. "
    "Later Trump criticized Sessions for recusing himself from the Russia investigation. "
)

HTML_PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Sessions and Trump: a falling out</title>
<link rel="canonical" href="https://example.org/politics/sessions-trump">
<meta property="article:published_time" content="2019-11-08T10:00:00Z">
<meta property="og:site_name" content="Example News">
</head><body>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/about">About us</a></nav>
<article><h1>Sessions and Trump: a falling out</h1>
<p>{STORY}</p>
<p>Nancy Pelosi praised Adam Schiff for his work on the committee, aides said on Friday.</p>
</article>
<footer>Copyright Example News. All rights reserved. Privacy policy.</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org/</link>
<item><title>Endorsement</title><link>https://example.org/1</link><guid>wire-1</guid>
<pubDate>Fri, 08 Nov 2019 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Jeff Sessions endorsed &lt;b&gt;Donald Trump&lt;/b&gt; on Friday.&lt;/p&gt;</description></item>
<item><title>Firing</title><link>https://example.org/2</link>
<description>&lt;p&gt;Donald Trump fired James Comey in May 2017.&lt;/p&gt;&lt;p&gt;Comey later criticized Trump.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM_NO_ID = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Odd feed</title>
<entry><title>No id, no link</title><summary>Donald Trump fired James Comey.</summary></entry>
</feed>"""

FRENCH = (
    "Le président de la République a vivement critiqué le ministre de la Justice hier soir, "
    "lui reprochant de ne pas avoir répondu aux questions des journalistes sur la réforme des "
    "retraites. Le ministre a refusé de commenter ces propos devant les députés réunis à "
    "l'Assemblée nationale, selon plusieurs sources proches du gouvernement."
)


def _good(root: Path, dev_corpus: Path) -> dict[str, str]:
    """Good inputs of every kind; returns article id -> kind."""
    for name in ("tpm-2019-11-08-sessions-trump.txt",):
        shutil.copy(dev_corpus / name, root / name)
    (root / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (root / "wire.rss").write_text(RSS, encoding="utf-8")
    (root / "windows-1252.txt").write_bytes(
        (STORY + "Trump\u2019s \u201cbest people\u201d, he said. " * 3).encode("cp1252")
    )
    (root / "utf16.txt").write_bytes(STORY.encode("utf-16"))
    with gzip.open(root / "news.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "n1", "text": "Donald Trump fired James Comey.", "source": "X"}) + "\n")
        fh.write(json.dumps({"id": "n2", "text": STORY, "date": "2019-11-08"}) + "\n")
    return {
        "tpm-2019-11-08-sessions-trump": "txt",
        "page": "html",
        "wire-1": "rss",
        "https://example.org/2": "rss",
        "windows-1252": "cp1252",
        "utf16": "utf-16",
        "n1": "jsonl",
        "n2": "jsonl",
    }


# (file, line) -> a part of the reason the rejects file must give.
EXPECTED = {
    ("empty.txt", None): "empty text",
    ("image.txt", None): "binary file (PNG)",
    ("nul.md", None): "binary file (NUL bytes)",
    ("short-latin1.txt", None): "too short to detect its encoding",
    ("noise.txt", None): "no text encoding could be detected",
    ("menu-only.html", None): "HTML page has no main text",
    ("broken.rss", None): "not an RSS/Atom feed",
    ("no-id.atom", None): "feed entry 1 has neither an id nor a link",
    ("french.txt", None): "language detected as 'fr'",
    ("zbad.jsonl", 1): "malformed JSON line",
    ("zbad.jsonl", 2): "JSON line is not an object",
    ("zbad.jsonl", 3): "record has no id",
    ("zbad.jsonl", 4): "empty text",
    ("zbad.jsonl", 5): "duplicate id; the first one read is kept",
    ("zbad.jsonl", 6): "not UTF-8",
}


def _bad(root: Path) -> None:
    (root / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)))
    (root / "nul.md").write_bytes(b"Jeff Sessions\x00\x00\x00endorsed")
    (root / "short-latin1.txt").write_bytes("Café au lait".encode("latin-1"))
    (root / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (root / "menu-only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (root / "broken.rss").write_text("this is not a feed", encoding="utf-8")
    (root / "no-id.atom").write_text(ATOM_NO_ID, encoding="utf-8")
    (root / "french.txt").write_text(FRENCH, encoding="utf-8")
    (root / "zbad.jsonl").write_bytes(
        b'{"id": "b1", "text": \n'
        b'["a list"]\n'
        b'{"text": "no id here"}\n'
        b'{"id": "b4", "text": ""}\n'
        b'{"id": "n1", "text": "Someone else with a taken id."}\n'
        b'{"id": "b6", "text": "Caf\xe9"}\n'
    )


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, dev_corpus):
    good = tmp_path_factory.mktemp("good")
    mixed = tmp_path_factory.mktemp("mixed")
    ids = _good(good, dev_corpus)
    _good(mixed, dev_corpus)
    _bad(mixed)
    return good, mixed, ids


def test_every_good_article_comes_out_and_every_bad_one_is_rejected(corpora, tmp_path):
    good, mixed, ids = corpora
    clean = extract_to_file([good], tmp_path / "clean.jsonl", cache=False, progress=False)
    assert clean.exit_code == 0 and not clean.rejected

    out = tmp_path / "edges.jsonl"
    result = runner.invoke(app, ["extract", str(mixed), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 1, result.output  # something was rejected; the rest is written
    # The bad inputs cost nothing: the good ones yield exactly the edges they yield alone.
    assert out.read_text(encoding="utf-8") == (tmp_path / "clean.jsonl").read_text(encoding="utf-8")
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert {l["article"]["id"] for l in lines} == set(ids)  # every good kind gives edges

    rejects = [json.loads(l) for l in (tmp_path / "edges.rejects.jsonl").read_text().splitlines()]
    got = {(Path(r["source"]).name, r["line"]): r["reason"] for r in rejects}
    assert set(got) == set(EXPECTED), sorted(got)
    for key, part in EXPECTED.items():
        assert part in got[key], (key, got[key])
    assert "articles read: 8" in result.output and "skipped: 15" in result.output


def test_html_page_gives_main_text_and_metadata(corpora):
    good, _, _ = corpora
    [page] = read_articles([good / "page.html"])
    assert page.id == "page" and page.title == "Sessions and Trump: a falling out"
    assert page.url == "https://example.org/politics/sessions-trump"
    assert page.published == "2019-11-08" and page.source == "Example News"
    assert "Jeff Sessions endorsed Donald Trump" in page.text
    assert "Home" not in page.text and "Copyright" not in page.text  # boilerplate removed


def test_feed_entries_are_articles(corpora):
    good, _, _ = corpora
    first, second = read_articles([good / "wire.rss"])
    assert (first.id, first.title, first.published, first.url, first.source) == (
        "wire-1",
        "Endorsement",
        "2019-11-08",
        "https://example.org/1",
        "Example Wire",
    )
    assert first.text == "Jeff Sessions endorsed Donald Trump on Friday."  # HTML stripped
    assert second.id == "https://example.org/2"  # no guid: the link is the id
    assert second.text == "Donald Trump fired James Comey in May 2017.\n\nComey later criticized Trump."


def test_detected_charsets_are_decoded(corpora):
    good, _, _ = corpora
    [cp] = read_articles([good / "windows-1252.txt"])
    assert "Trump\u2019s \u201cbest people\u201d" in cp.text
    [u16] = read_articles([good / "utf16.txt"])
    assert u16.text == STORY


def test_language_setting_keeps_or_skips(corpora, monkeypatch):
    _, mixed, _ = corpora
    [r] = read_articles([mixed / "french.txt"])
    assert isinstance(r, Rejection) and "GRAPHBUILD_LANGUAGES" in r.reason
    [a] = read_articles([mixed / "french.txt"], languages="en,fr")
    assert isinstance(a, Article)
    monkeypatch.setenv("GRAPHBUILD_LANGUAGES", "any")
    assert isinstance(next(read_articles([mixed / "french.txt"])), Article)


def test_article_over_max_chars_gives_edges_from_later_parts(nlp):
    filler = "The committee met on Tuesday to discuss the budget for the coming year.\n\n" * 12
    text = filler + "Jeff Sessions endorsed Donald Trump in 2016.\n\n" + filler + "Donald Trump fired James Comey."
    art = Article(id="long", text=text)
    [(_, edges)] = list(extract_edges([art], nlp, max_chars=400))
    found = {(e.source.name, e.relation.value, e.target.name): e for e in edges}
    assert ("Jeff Sessions", "ENDORSED", "Donald Trump") in found
    assert ("Donald Trump", "FIRED", "James Comey") in found
    for e in edges:
        assert e.evidence.start > 400  # from a later part, with offsets into the whole text
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
