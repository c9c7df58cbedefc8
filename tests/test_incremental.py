"""Incremental runs: only new or changed articles are extracted again, and the
output equals a full run's byte for byte."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.incremental import fingerprint
from graphbuild.parallel import ExtractOptions
from graphbuild.run import build_outputs, extract_to_file

runner = CliRunner()

TEXTS = {
    "a1": "Jeff Sessions endorsed Donald Trump in 2016.",
    "a2": "Donald Trump fired James Comey in May 2017.",
    "a3": "Nancy Pelosi praised Adam Schiff on Friday.",
    "a4": "Mitch McConnell criticized Chuck Schumer over the budget.",
}


def _write(folder, texts):
    folder.mkdir(exist_ok=True)
    for stem, text in texts.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Barack Obama met with Angela Merkel.", "source": "X"}) + "\n", encoding="utf-8"
    )


def test_rerun_extracts_only_new_and_changed_articles(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "edges.jsonl"
    _write(corpus, TEXTS)
    first = extract_to_file([corpus], out, progress=False)
    assert (first.articles, first.reused) == (5, 0)
    assert (tmp_path / "edges.cache.sqlite").exists()

    changed = dict(
        TEXTS, a2="Donald Trump fired Rex Tillerson in March 2018.", a0="Joe Biden praised Kamala Harris."
    )  # a0 is new and comes first
    _write(corpus, changed)
    second = extract_to_file([corpus], out, progress=False)
    assert (second.articles, second.reused) == (6, 4)  # a0 and a2 were extracted
    full = extract_to_file([corpus], tmp_path / "full.jsonl", cache=False, progress=False)
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()
    assert full.by_relation == second.by_relation and full.people == second.people
    ids = [json.loads(l)["article"]["id"] for l in out.read_text().splitlines()]
    assert ids[0] == "a0" and "Rex Tillerson" in out.read_text()  # input order, new text

    third = extract_to_file([corpus], out, full=True, progress=False)
    assert third.reused == 0 and out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_build_cache_in_the_folder_and_the_cli_options(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, TEXTS)
    out = tmp_path / "out"
    build_outputs([corpus], out, progress=False)
    first = (out / "edges.jsonl").read_bytes()
    assert (out / "cache.sqlite").exists()
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "reused from the cache: 5 of 5 articles" in result.output
    assert (out / "edges.jsonl").read_bytes() == first
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--full"])
    assert "reused" not in result.output and (out / "edges.jsonl").read_bytes() == first
    other = tmp_path / "nocache"
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(other / "e.jsonl"), "--quiet", "--no-cache"])
    assert result.exit_code == 0 and not (other / "e.cache.sqlite").exists()


def test_what_decides_extraction_changes_the_hash():
    base = ExtractOptions.resolve()
    assert fingerprint(base) == fingerprint(ExtractOptions.resolve(batch_size=7))  # only speed
    assert fingerprint(base) != fingerprint(ExtractOptions.resolve(min_confidence=0.5))
    assert fingerprint(base) != fingerprint(ExtractOptions.resolve(max_chars=1000))
