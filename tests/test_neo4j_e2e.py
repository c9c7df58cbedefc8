"""End to end on real parts: `graphbuild build` of the bundled example and the dev corpus,
`graphbuild load` into the real Neo4j server, then the analyst queries by name."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.neo4j.query import list_queries, run_query

pytestmark = pytest.mark.neo4j
runner = CliRunner()


@pytest.fixture(scope="module")
def loaded(neo4j_driver, tmp_path_factory, example_article, dev_corpus):
    from graphbuild.neo4j.load import clear_database
    from graphbuild.settings import resolve

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(example_article, corpus / "example-2019-11-08.txt")
    for f in dev_corpus.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    out = tmp_path_factory.mktemp("build")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    clear_database(neo4j_driver, resolve("neo4j_database"))
    result = runner.invoke(app, ["load", str(out)])
    assert result.exit_code == 0, result.output
    return out


def q(name, **params):
    return run_query(name, {k: str(v) for k, v in params.items()})[1]


def test_load_twice_changes_nothing(loaded, neo4j_driver):
    def counts():
        with neo4j_driver.session() as s:
            return (
                s.run("MATCH (n) RETURN count(n) AS c").single()["c"],
                s.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"],
            )

    before = counts()
    assert runner.invoke(app, ["load", str(loaded)]).exit_code == 0
    assert counts() == before
    edges = sum(1 for _ in (loaded / "edges.jsonl").open())
    assert before[1] == edges  # one relationship per piece of evidence


def test_relationships_of_sessions_carry_their_evidence(loaded):
    rows = q("person_relationships", person="Sessions")
    endorse = [r for r in rows if r["relation"] == "ENDORSED" and r["direction"] == "out"]
    assert endorse and "first senator to endorse him" in endorse[0]["quote"]
    assert endorse[0]["other"] == "Donald Trump" and endorse[0]["published"] == "2019-11-08"


def test_allies_and_adversaries_and_who_is_quoted(loaded):
    rows = q("allies_adversaries", person="Jeff Sessions")
    trump = [r for r in rows if r["other"] == "Donald Trump"]
    assert trump and trump[0]["negative"] >= 2 and trump[0]["positive"] >= 1, rows
    quoted = q("quoted_about", person="Sessions")
    assert any("endorse" in json.dumps(r, ensure_ascii=False) for r in quoted)


def test_every_query_runs_on_real_data(loaded):
    params = {
        "person": "Sessions",
        "a": "Trump",
        "b": "Sessions",
        "from": "Tucker Carlson",
        "to": "Trump",
        "outlet": "",
    }
    for name in list_queries():
        from graphbuild.neo4j.query import load_query

        needed = {p.name: params.get(p.name, "Sessions") for p in load_query(name).params if p.required}
        columns, rows = run_query(name, needed)
        assert columns, name
        if name in (
            "person_relationships",
            "timeline",
            "shortest_path",
            "allies_adversaries",
            "quoted_about",
            "most_endorsed_criticized",
        ):
            assert rows, f"{name} found nothing in the dev corpus"
