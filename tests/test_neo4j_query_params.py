"""The analyst queries' parameters against the real server: people named by
name or id, unknown people and bad values rejected with exit 2 and a fix,
shortest paths over asserted evidence only, sources that name someone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.errors import QueryParameterError
from graphbuild.neo4j.query import QUERIES_DIR, run_query

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[1]


def edge(source, relation, target, modality="asserted", reported_by=None, day="2020-01-0"):
    """One edge line; each in its own article so that offsets never collide."""
    names = {"ann": "Ann Lee", "bob": "Bob Stone", "cy": "Cy Young", "dee": "Dee Stone"}
    art = f"{source}-{relation.lower()}-{target}-{modality}"
    return {
        "schema": 1,
        "source": {"id": source, "name": names[source]},
        "target": {"id": target, "name": names[target]},
        "relation": relation,
        "label": relation.lower(),
        "modality": modality,
        "speaker": None,
        "reported_by": reported_by,
        "confidence": 0.8,
        "article": {"id": art, "url": None, "title": art, "published": "2020-01-02"},
        "evidence": {"text": f"{source} {relation} {target}", "start": 0, "end": 10},
    }


EDGES = [
    edge("ann", "SUPPORTED", "cy", modality="negated"),  # "Ann would not support Cy"
    edge("ann", "MET_WITH", "bob", reported_by="the Ledger"),  # Ann - Bob - Dee - Cy, asserted
    edge("bob", "PRAISED", "dee", reported_by="I"),
    edge("dee", "CRITICIZED", "cy", reported_by="they"),
    edge("cy", "ACCUSED", "bob", reported_by="who"),
    edge("cy", "FIRED", "dee", reported_by="Ann Lee"),
]


@pytest.fixture(scope="module")
def small(neo4j_driver, tmp_path_factory):
    from graphbuild.neo4j.load import clear_database, load
    from graphbuild.settings import resolve

    path = tmp_path_factory.mktemp("edges") / "edges.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in EDGES), encoding="utf-8")
    clear_database(neo4j_driver, resolve("neo4j_database"))
    load(path)
    return neo4j_driver


def q(name, **params):
    return run_query(name, {k: str(v) for k, v in params.items()})[1]


def test_the_packaged_queries_are_the_top_level_ones():
    """Users read queries/; the package runs graphbuild/neo4j/queries/. They must be the same files.

    After editing queries/, copy them: cp queries/*.cypher graphbuild/neo4j/queries/
    """
    top = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "queries").glob("*.cypher")}
    packaged = {p.name: p.read_text(encoding="utf-8") for p in QUERIES_DIR.glob("*.cypher")}
    assert len(top) >= 9
    assert packaged == top, "run: cp queries/*.cypher graphbuild/neo4j/queries/"


def test_shortest_path_follows_asserted_evidence_unless_asked(small):
    rows = q("shortest_path", **{"from": "Ann Lee", "to": "cy"})
    assert [(r["person"], r["relation"], r["other"]) for r in rows] == [
        ("Ann Lee", "MET_WITH", "Bob Stone"),
        ("Bob Stone", "PRAISED", "Dee Stone"),
        ("Dee Stone", "CRITICIZED", "Cy Young"),
    ] or [r["relation"] for r in rows] == ["MET_WITH", "ACCUSED"]
    assert all(r["modality"] == "asserted" for r in rows)
    anything = q("shortest_path", **{"from": "ann", "to": "cy", "asserted_only": "false"})
    assert [(r["relation"], r["modality"]) for r in anything] == [("SUPPORTED", "negated")]


def test_a_person_is_found_by_id_name_or_surname_and_an_unknown_one_gets_suggestions(small):
    assert {r["person"] for r in q("person_relationships", person="young")} == {"Cy Young"}
    assert {r["person"] for r in q("person_relationships", person="cy")} == {"Cy Young"}
    with pytest.raises(QueryParameterError, match=r"-p person='Ann Le': no person .* did you mean: Ann Lee"):
        q("person_relationships", person="Ann Le")
    with pytest.raises(QueryParameterError, match="no person.*people with the most evidence: "):
        q("allies_adversaries", person="Nobody")
    with pytest.raises(QueryParameterError, match="no person"):
        q("stance_flips", person="Zed Nobody")
    assert q("stance_flips", person="") == []  # "" is everyone where the query allows it


def test_endorsed_and_criticized_lists_are_named_for_what_they_count(small):
    rows = q("most_endorsed_criticized")
    assert {(r["list"], r["person"]) for r in rows} == {
        ("endorsed_praised_supported", "Dee Stone"),  # PRAISED; the negated SUPPORTED is not counted
        ("criticized_accused_opposed_threatened", "Cy Young"),
        ("criticized_accused_opposed_threatened", "Bob Stone"),
        ("other_negative_acts", "Dee Stone"),
    }  # FIRED is an act, not criticism


def test_reported_by_names_outlets_and_people_only(small):
    rows = q("reported_by")
    assert sorted(r["reported_by"] for r in rows) == ["Ann Lee", "the Ledger"]


def test_cli_exits_2_with_the_fix_for_unknown_people_missing_and_bad_values(small):
    runner = CliRunner()
    cases = [
        (["timeline", "-p", "a=Ann Lee", "-p", "b=Nobody"], "-p b='Nobody': no person"),
        (["timeline", "-p", "a=Ann Lee"], "needs -p b="),
        (["timeline", "-p", "a=Ann Lee", "-p", "b="], "-p b='': no person"),
        (
            ["person_relationships", "-p", "person=ann", "-p", "limit=99999999999999999999999"],
            "is not a whole number from 1 to 9223372036854775807",
        ),
        (["person_relationships", "-p", "person=ann", "-p", "limit=ten"], "is not a whole number"),
        (["person_relationships", "-p", "person=ann", "-p", "limit=0"], "is not a whole number"),
        (["most_endorsed_criticized", "-p", "from=last year"], "is not a date written YYYY-MM-DD"),
        (["shortest_path", "-p", "from=ann", "-p", "to=cy", "-p", "asserted_only=maybe"], "is not true or false"),
    ]
    for args, message in cases:
        result = runner.invoke(app, ["query", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in " ".join(result.output.split()), (args, result.output)
        assert "Traceback" not in result.output
    ok = runner.invoke(app, ["query", "person_relationships", "-p", "person=ann", "-p", "limit=1"])
    assert ok.exit_code == 0 and "(1 row)" in ok.output, ok.output
