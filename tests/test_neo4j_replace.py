"""`load` replaces every article the build read, also one that now yields no edge
(issue 13): on the real Neo4j server, through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.neo4j import cypher

pytestmark = pytest.mark.neo4j
runner = CliRunner()

ARTICLES = {
    "keep": "Jeff Sessions endorsed Donald Trump in February 2016, the first senator to do so.",
    "quiet": "Donald Trump fired James Comey in May 2017. Later, Comey criticized Trump.",
    "gone": "Nancy Pelosi praised Adam Schiff for his work on the committee.",
}


@pytest.fixture
def db(neo4j_db):
    """An empty database, emptied again afterwards: these undated articles must not
    reach later tests or the notebook (their timelines need dates)."""
    from graphbuild.neo4j.load import clear_database
    from graphbuild.settings import resolve

    yield neo4j_db
    clear_database(neo4j_db, resolve("neo4j_database"))


def _graph(driver):
    with driver.session() as s:
        rels = [(r["source"], r["type"], r["target"], r["props"]["article_id"]) for r in s.run(cypher.SNAPSHOT)]
        people = [r["id"] for r in s.run(cypher.SNAPSHOT_PEOPLE)]
        articles = [r["props"]["id"] for r in s.run(cypher.SNAPSHOT_ARTICLES)]
    return sorted(rels), people, articles


def _build(src, out):
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return result


def test_reload_after_an_article_lost_its_edges_removes_them(db, tmp_path):
    neo4j_db = db
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    _build(src, out)
    assert runner.invoke(app, ["load", str(out)]).exit_code == 0
    rels, people, articles = _graph(neo4j_db)
    assert {a for *_, a in rels} == {"keep", "quiet", "gone"}  # all three were loaded
    assert "james-comey" in people and "adam-schiff" in people

    # "quiet" now yields no edge (read, in the manifest with 0 edges); "gone" is emptied (rejected)
    (src / "quiet.txt").write_text("The weather was mild in Washington on Tuesday.", encoding="utf-8")
    (src / "gone.txt").write_text("   ", encoding="utf-8")
    result = _build(src, out)
    assert result.exit_code == 1  # "gone" is rejected as empty text
    manifest = {json.loads(l)["id"]: json.loads(l) for l in (out / "articles.jsonl").read_text().splitlines()}
    assert manifest["quiet"]["edges"] == 0 and manifest["gone"]["rejected"] == "empty text"
    loaded = runner.invoke(app, ["load", str(out)])
    assert loaded.exit_code == 0, loaded.output
    assert "removed the earlier edges of 2 articles that now have none" in loaded.output

    rels, people, articles = _graph(neo4j_db)
    assert {a for *_, a in rels} == {"keep"}  # none of the old relationships of quiet or gone
    assert ("jeff-sessions", "ENDORSED", "donald-trump", "keep") in rels
    assert articles == ["keep"]
    assert "james-comey" not in people and "adam-schiff" not in people
    # the same database a clean load of the new build gives
    reloaded = _graph(neo4j_db)
    from graphbuild.neo4j.load import clear_database
    from graphbuild.settings import resolve

    clear_database(neo4j_db, resolve("neo4j_database"))
    assert runner.invoke(app, ["load", str(out)]).exit_code == 0
    assert _graph(neo4j_db) == reloaded


def test_reload_of_an_extract_file_uses_its_manifest(db, tmp_path):
    neo4j_db = db
    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in ARTICLES.items()), encoding="utf-8"
    )
    out = tmp_path / "news.jsonl"
    assert runner.invoke(app, ["extract", str(src), "--out", str(out), "-q", "--no-cache"]).exit_code == 0
    assert runner.invoke(app, ["load", str(out)]).exit_code == 0
    (src / "feed.jsonl").write_text(
        "".join(
            json.dumps({"id": k, "text": v if k == "keep" else "Nothing happened."}) + "\n" for k, v in ARTICLES.items()
        ),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["extract", str(src), "--out", str(out), "-q", "--no-cache"]).exit_code == 0
    assert (tmp_path / "news.articles.jsonl").is_file()
    assert runner.invoke(app, ["load", str(out)]).exit_code == 0
    rels, _, articles = _graph(neo4j_db)
    assert {a for *_, a in rels} == {"keep"} and articles == ["keep"]
