"""Every analyst query in queries/, run against the real server loaded with
tests/data/neo4j_edges.jsonl, asserting real answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.errors import QueryNotFoundError, QueryParameterError
from graphbuild.neo4j.query import QUERIES_DIR, list_queries, load_query, run_query

DATA = Path(__file__).parent / "data" / "neo4j_edges.jsonl"
pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def loaded(neo4j_driver):
    from graphbuild.neo4j.load import clear_database, load
    from graphbuild.settings import resolve

    clear_database(neo4j_driver, resolve("neo4j_database"))
    load(DATA)
    return neo4j_driver


def q(name, **params):
    return run_query(name, {k: str(v) for k, v in params.items()})[1]


def test_every_query_file_says_what_it_answers_and_declares_its_parameters():
    names = list_queries()
    assert len(names) >= 8
    for name in names:
        query = load_query(name)
        text = (QUERIES_DIR / f"{name}.cypher").read_text(encoding="utf-8")
        assert text.startswith("// Question: "), name
        assert query.question.endswith((".", "?")), name
        for p in query.params:
            assert f"${p.name}" in text, (name, p.name)


@pytest.mark.parametrize("name", ["Sessions", "jeff sessions", "JEFF SESSIONS", "jeff-sessions"])
def test_person_relationships_finds_a_person_by_name_alias_or_surname(loaded, name):
    rows = q("person_relationships", person=name)
    assert {r["person"] for r in rows} == {"Jeff Sessions"}
    assert len(rows) == 19  # every edge but McConnell->Warren touches Sessions
    jerk = [r for r in rows if r["label"] == "called a jerk"][0]
    assert (jerk["direction"], jerk["relation"], jerk["other"]) == ("in", "CRITICIZED", "Donald J. Trump")
    assert jerk["reported_by"] == "the Times" and jerk["outlet"] == "TPM"
    assert jerk["quote"] == "Trump repeatedly called Sessions a “jerk” last weekend"
    assert rows[0]["published"] >= rows[-1]["published"]  # newest first


def test_an_alias_that_is_not_the_name_still_finds_the_person(loaded):
    rows = q("person_relationships", person="donald trump", limit=3)
    assert len(rows) == 3 and {r["person"] for r in rows} == {"Donald J. Trump"}


def test_shortest_path_between_two_people(loaded):
    rows = q("shortest_path", **{"from": "Carlson", "to": "Elizabeth Warren"})
    assert [(r["person"], r["relation"], r["other"]) for r in rows] == [
        ("Tucker Carlson", "INTERVIEWED", "Jeff Sessions"),
        ("Jeff Sessions", "CRITICIZED", "Elizabeth Warren"),
    ]
    assert rows[1]["direction"] == "in" and rows[0]["hops"] == 2
    three = q("shortest_path", **{"from": "Tucker Carlson", "to": "McConnell"})
    assert len(three) == 3 and three[-1]["other"] == "Mitch McConnell"


def test_allies_and_adversaries_by_polarity_and_evidence(loaded):
    rows = {r["other"]: r for r in q("allies_adversaries", person="Sessions")}
    assert rows["Elizabeth Warren"]["stance"] == "adversary"
    assert rows["Elizabeth Warren"]["negative"] == 1
    trump = rows["Donald J. Trump"]
    # Sessions->Trump ENDORSED x2, SUPPORTED, PRAISED; Trump->Sessions PRAISED (+5);
    # CRITICIZED x2, OPPOSED, FIRED (-4); negated and hypothetical ones are not counted.
    assert (trump["positive"], trump["negative"], trump["stance"]) == (5, 4, "ally")
    assert "Tucker Carlson" not in rows  # INTERVIEWED is neutral
    warren = {r["other"]: r for r in q("allies_adversaries", person="warren")}
    assert warren["Mitch McConnell"]["stance"] == "adversary"


def test_timeline_between_two_people_in_date_order(loaded):
    rows = q("timeline", a="Trump", b="Jeff Sessions")
    assert len(rows) == 16
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates)
    assert (rows[0]["source"], rows[0]["relation"]) == ("Jeff Sessions", "ENDORSED")
    fired = [r for r in rows if r["relation"] == "FIRED"]
    assert [(r["published"], r["modality"]) for r in fired] == [("2018-08-24", "negated"), ("2018-11-07", "asserted")]


def test_stance_flips(loaded):
    rows = q("stance_flips")
    assert len(rows) == 1
    (flip,) = rows
    assert (flip["source"], flip["target"], flip["flip"]) == (
        "Donald J. Trump",
        "Jeff Sessions",
        "positive to negative",
    )
    assert (flip["first_date"], flip["first_relation"]) == ("2016-02-28", "PRAISED")
    assert (flip["flip_date"], flip["flip_relation"]) == ("2018-08-24", "CRITICIZED")
    assert q("stance_flips", person="Warren") == []
    assert len(q("stance_flips", person="sessions")) == 1


def test_contradictions_pair_asserted_and_negated_claims(loaded):
    rows = q("contradictions")
    assert [(r["source"], r["relation"], r["target"]) for r in rows] == [("Donald J. Trump", "FIRED", "Jeff Sessions")]
    assert rows[0]["negated_quote"] == "Trump would not fire Sessions before the midterms"
    assert rows[0]["asserted_article"] == "wire-2018-11-07-sessions-out"


def test_most_endorsed_and_most_criticized_in_a_date_range(loaded):
    rows = q("most_endorsed_criticized", **{"from": "2018-01-01", "to": "2019-12-31"})
    lists = {(r["list"], r["person"]): r["evidence"] for r in rows}
    # 2018-2019: Sessions endorsed/supported/praised Trump in the TPM piece;
    # Trump criticized and opposed Sessions (words), and fired him (an act, counted apart).
    assert lists == {
        ("endorsed_praised_supported", "Donald J. Trump"): 3,
        ("criticized_accused_opposed_threatened", "Jeff Sessions"): 3,
        ("other_negative_acts", "Jeff Sessions"): 1,
    }
    early = q("most_endorsed_criticized", **{"from": "2016-01-01", "to": "2017-12-31"})
    assert {(r["list"], r["person"], r["evidence"]) for r in early} == {
        ("endorsed_praised_supported", "Donald J. Trump", 1),
        ("endorsed_praised_supported", "Jeff Sessions", 1),
        ("criticized_accused_opposed_threatened", "Jeff Sessions", 1),
        ("criticized_accused_opposed_threatened", "Elizabeth Warren", 1),
    }
    assert len(q("most_endorsed_criticized", limit=1)) == 3


def test_who_is_quoted_about_whom(loaded):
    rows = q("quoted_about")
    assert {(r["speaker"], tuple(r["about"])) for r in rows} == {
        ("Jeff Sessions", ("Donald J. Trump",)),
        ("Donald J. Trump", ("Jeff Sessions",)),
    }
    by_trump = [r for r in rows if r["speaker"] == "Donald J. Trump"]
    assert by_trump[0]["quote"] == "I saw he said very nice things about me last night"
    assert len(q("quoted_about", person="Sessions")) == 4
    assert q("quoted_about", person="Carlson") == []


def test_claims_reported_by_an_outlet(loaded):
    rows = q("reported_by", outlet="new york")
    assert [(r["relation"], r["modality"]) for r in rows] == [("OPPOSED", "asserted")]
    assert len(q("reported_by")) == 3


def test_parameter_errors_name_the_fix(loaded):
    with pytest.raises(QueryParameterError, match="needs -p b="):
        q("timeline", a="Trump")
    with pytest.raises(QueryParameterError, match="no parameter nope"):
        q("contradictions", nope=1)
    with pytest.raises(QueryParameterError, match="not a whole number from 1 to"):
        q("person_relationships", person="Sessions", limit="many")
    with pytest.raises(QueryNotFoundError, match="known queries: allies_adversaries"):
        q("no_such_query")


def test_cli_load_and_query(loaded, tmp_path):
    from graphbuild.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["load", str(DATA), "--batch-size", "7"])
    assert result.exit_code == 0, result.output
    assert "loaded 20 edges from 5 articles" in result.output
    result = runner.invoke(app, ["query", "contradictions", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["relation"] == "FIRED"
    result = runner.invoke(app, ["query", "timeline", "-p", "a=trump", "-p", "b=sessions", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("published,source,relation,target")
    assert len(result.output.splitlines()) == 17
    result = runner.invoke(app, ["query", "timeline", "-p", "a=trump", "-p", "b=sessions"])
    assert "(16 rows)" in result.output
    result = runner.invoke(app, ["query"])
    assert "stance_flips" in result.output and result.exit_code == 0
    result = runner.invoke(app, ["load", str(DATA), "--uri", "bolt://127.0.0.1:9"])
    # exit 3: an environment error (README, "Exit status"), not a usage error
    assert result.exit_code == 3 and "cannot reach Neo4j" in result.output
