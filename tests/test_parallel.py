"""--workers N: the same output as one worker, in the same order; a failing article
costs only itself."""

from __future__ import annotations

import gzip
import itertools
import json
import shutil

import pytest
from conftest import CORPUS

from graphbuild.run import build_outputs, extract_to_file

NEWS = CORPUS / "news" / "allsides-politics-3000.jsonl.gz"


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory, dev_corpus):
    """Dev articles and the first 30 AllSides articles, in several chunks."""
    root = tmp_path_factory.mktemp("corpus")
    for path in sorted(dev_corpus.glob("*.txt")):
        shutil.copy(path, root / path.name)
    with gzip.open(NEWS, "rt", encoding="utf-8") as src, open(root / "news.jsonl", "w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 30))
    return root


def test_two_workers_write_what_one_writes(mixed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_CHUNK_SIZE", "4")  # many chunks in flight, out of order
    one = extract_to_file([mixed_corpus], tmp_path / "one.jsonl", workers=1, cache=False, progress=False)
    two = extract_to_file([mixed_corpus], tmp_path / "two.jsonl", workers=2, cache=False, progress=False)
    text = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    expected = len(list(mixed_corpus.glob("*.txt"))) + 30  # the dev articles and 30 news records
    assert one.edges > 20 and one.articles == two.articles == expected
    assert (tmp_path / "two.jsonl").read_text(encoding="utf-8") == text


def test_build_with_workers_matches(mixed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_CHUNK_SIZE", "8")
    dev = list(mixed_corpus.glob("*.txt"))
    build_outputs(dev, tmp_path / "a", cache=False, progress=False)
    build_outputs(dev, tmp_path / "b", workers=2, cache=False, progress=False)
    for name in ("edges.jsonl", "graph.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_an_article_that_breaks_extraction_is_rejected_alone(tmp_path, monkeypatch):
    import graphbuild.extract as extract

    real = extract.extract_edges

    def fragile(articles, nlp=None, **kw):
        articles = list(articles)
        if any(a.id == "poison" for a in articles):
            raise RuntimeError("parser blew up")
        return real(articles, nlp, **kw)

    monkeypatch.setattr(extract, "extract_edges", fragile)
    feed = tmp_path / "in.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": i, "text": "Jeff Sessions endorsed Donald Trump."}) + "\n" for i in ("a", "poison", "b")
        ),
        encoding="utf-8",
    )
    summary = extract_to_file([feed], tmp_path / "e.jsonl", cache=False, progress=False)
    ids = [json.loads(l)["article"]["id"] for l in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert ids == ["a", "b"]
    [r] = summary.rejected
    assert (r.id, r.line) == ("poison", 2) and "extraction failed (RuntimeError: parser blew up)" in r.reason
    assert summary.exit_code == 1


def _die_on_poison(articles, opts):
    """A worker task that kills its process under the article "poison"."""
    import os

    from graphbuild.parallel import extract_chunk

    if any(a.id == "poison" for a in articles):
        os._exit(3)
    return extract_chunk(articles, opts)


def test_a_worker_killed_under_an_article_costs_only_that_article():
    from graphbuild.parallel import ExtractOptions, ProcessRunner, run_ordered
    from graphbuild.records import Article

    arts = [Article(id=i, text="Jeff Sessions endorsed Donald Trump.") for i in ("a", "b", "poison", "c", "d")]
    runner = ProcessRunner(ExtractOptions.resolve(), 2)
    runner.task = _die_on_poison
    try:
        got = [r for _, rs in run_ordered([(1, arts[:2]), (2, arts[2:4]), (3, arts[4:])], runner) for r in rs]
    finally:
        runner.close()
    assert [len(r) if isinstance(r, list) else "failed" for r in got] == [1, 1, "failed", 1, 1]
    assert "BrokenProcessPool" in got[2]
