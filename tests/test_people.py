"""One node per real person (issue 9): linking to the knowledge base, merges on evidence only,
non-people dropped, one naming and lookup rule, ``graphbuild people``.

Small literal articles, through the CLI where a user would go.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.graph import read_node_link_json

runner = CliRunner()
JEFF, PETE = "bioguide:S001141", "Q437852"  # Jeff Sessions, Pete Sessions in the shipped KB
OBAMA, TRUMP, BIDEN, SANDERS = "Q76", "Q22686", "Q6279", "Q359442"


def build(tmp_path: Path, records: list[dict], *extra: str) -> tuple[Path, dict]:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet", "--no-cache", *extra])
    assert result.exit_code == 0, result.output
    g = read_node_link_json(out / "graph.json")
    return out, g


def people_of(g) -> dict[str, dict]:
    return dict(g.nodes(data=True))


def edges_of(g) -> set[tuple[str, str, str]]:
    return {(u, k, v) for u, v, k in g.edges(keys=True)}


# Every case of this file, built once (one model run).
RECORDS = [
    # Jeff vs Pete Sessions, by context.
    {
        "id": "doj",
        "date": "2018-03-01",
        "text": "The Justice Department is in turmoil. Attorney General Sessions recused himself from "
        "the probe. Trump criticized Sessions on Twitter.",
    },
    {
        "id": "house",
        "date": "2017-06-01",
        "text": "Rep. Sessions (R-Texas), the chairman of the House Rules Committee, praised Paul Ryan on Tuesday.",
    },
    # "the president" by date; undated, nobody.
    {"id": "p2012", "date": "2012-05-01", "text": "The president criticized Bill Gross on Tuesday."},
    {"id": "p2018", "date": "2018-05-01", "text": "The president criticized Bill Gross on Tuesday."},
    {"id": "pnone", "text": "The president criticized Jim Dandy on Tuesday."},
    # Relatives kept apart, across articles.
    {"id": "fired", "date": "2017-03-12", "text": "Donald Trump fired Preet Bharara in March."},
    {"id": "hunter", "date": "2019-10-01", "text": "Hunter Biden defended Joe Biden on Monday."},
    {
        "id": "melania",
        "date": "2017-05-01",
        "text": "Melania Trump visited a hospital in Ohio. Preet Bharara said on Monday that he was fired by Trump.",
    },
    {
        "id": "bushes",
        "date": "2015-06-01",
        "text": "George W. Bush praised Jeb Bush on Monday. George H.W. Bush also praised Jeb Bush.",
    },
    # First-name and middle-initial merges, linked and unlinked.
    {
        "id": "bernie",
        "date": "2016-05-01",
        "text": "Joseph R. Biden criticized Bernie Sanders. Later Bernie praised Joe Biden.",
    },
    {
        "id": "jane",
        "date": "2019-10-01",
        "text": "Jane Roe criticized Tom Smithers on Monday. Jane later praised Smithers.",
    },
    {"id": "jr1", "date": "2019-05-01", "text": "Donald Trump Jr. attacked Adam Schiff on Monday."},
    {"id": "jr2", "date": "2019-06-01", "text": "Don Jr. criticized Nancy Pelosi on Friday."},
    # Titles stripped; link text glued to names on The Hill pages cut.
    {"id": "debate", "date": "2012-10-12", "text": "Moderator Martha Raddatz pressed Paul Ryan on Libya."},
    {
        "id": "hill",
        "date": "2019-11-01",
        "text": "Sen. Tom Cotton Thomas (Tom) Bryant CottonTom Cotton's only Democratic rival quits race "
        "in Arkansas MORE (R-Ark.) criticized Hunter Biden Robert Hunter BidenFairness, tradition, "
        "and the Constitution demand the whistleblower step forward MORE on Tuesday.",
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("people"), RECORDS)


def article_edges(g, article):
    return {
        (u, k, v)
        for u, v, k, d in g.edges(keys=True, data=True)
        if any(ev["article_id"] == article for ev in d["evidence"])
    }


def test_sessions_is_jeff_at_justice_and_pete_in_the_house(corpus):
    _, g = corpus
    nodes = people_of(g)
    assert nodes["jeff-sessions"]["kb_id"] == JEFF and nodes["pete-sessions"]["kb_id"] == PETE
    assert article_edges(g, "doj") == {("donald-trump", "CRITICIZED", "jeff-sessions")}
    assert article_edges(g, "house") == {("pete-sessions", "PRAISED", "paul-ryan")}
    assert nodes["pete-sessions"]["party"] == "Republican"
    offices = nodes["jeff-sessions"]["offices"]
    assert {"role": "attorney general"}.items() <= next(o for o in offices if o["role"] == "attorney general").items()


def test_the_president_is_whoever_held_the_office_on_the_articles_date(corpus):
    _, g = corpus
    assert article_edges(g, "p2012") == {("barack-obama", "CRITICIZED", "bill-gross")}
    assert article_edges(g, "p2018") == {("donald-trump", "CRITICIZED", "bill-gross")}
    assert people_of(g)["barack-obama"]["kb_id"] == OBAMA
    assert article_edges(g, "pnone") == set()  # undated: many presidents, no guess


def test_relatives_are_never_merged(corpus):
    _, g = corpus
    nodes = people_of(g)
    assert article_edges(g, "fired") == {("donald-trump", "FIRED", "preet-bharara")}
    assert article_edges(g, "hunter") == {("hunter-biden", "SUPPORTED", "joe-biden")}
    # A bare "Trump" in 2017 is the sitting president, even where only Melania is named.
    assert article_edges(g, "melania") == {("donald-trump", "FIRED", "preet-bharara")}
    assert nodes["joe-biden"]["kb_id"] == BIDEN and nodes["hunter-biden"]["kb_id"] != BIDEN
    assert article_edges(g, "bushes") == {
        ("george-w-bush", "PRAISED", "jeb-bush"),
        ("george-h-w-bush", "PRAISED", "jeb-bush"),
    }
    assert len({nodes[n]["kb_id"] for n in ("george-w-bush", "george-h-w-bush", "jeb-bush")}) == 3
    assert nodes["donald-trump-jr"]["kb_id"] != TRUMP


def test_first_names_nicknames_and_middle_initials_merge(corpus):
    _, g = corpus
    assert article_edges(g, "bernie") == {
        ("joe-biden", "CRITICIZED", "bernie-sanders"),
        ("bernie-sanders", "PRAISED", "joe-biden"),
    }
    assert people_of(g)["bernie-sanders"]["kb_id"] == SANDERS
    assert article_edges(g, "jane") == {
        ("jane-roe", "CRITICIZED", "tom-smithers"),
        ("jane-roe", "PRAISED", "tom-smithers"),
    }
    # "Don Jr." is Donald Trump Jr., who is not Donald Trump.
    assert article_edges(g, "jr2") == {("donald-trump-jr", "CRITICIZED", "nancy-pelosi")}
    assert people_of(g)["donald-trump-jr"]["name"] == "Donald Trump Jr."


def test_titles_and_glued_link_text_never_reach_a_name(corpus):
    out, g = corpus
    assert article_edges(g, "debate") == {("martha-raddatz", "INTERVIEWED", "paul-ryan")}
    assert article_edges(g, "hill") == {("tom-cotton", "CRITICIZED", "hunter-biden")}
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert {"Martha Raddatz", "Tom Cotton", "Hunter Biden"} <= names
    assert not any(w in n for n in names for w in ("Moderator", "Thomas", "Fairness", "MORE"))
    # The evidence quotes the cleaned text, and its offsets still hold.
    line = next(
        json.loads(l)
        for l in (out / "edges.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(l)["article"]["id"] == "hill"
    )
    assert line["evidence"]["text"].startswith("Sen. Tom Cotton (R-Ark.) criticized Hunter Biden on Tuesday")


def test_nobody_is_a_place_a_group_or_a_title():
    from graphbuild.linking import link_article
    from graphbuild.records import PersonCues

    cues = [PersonCues(n.lower(), n, (n,)) for n in ("Manchester", "Latinos", "Sgt", "Niger", "Jane Roe")]
    links = link_article(cues, "2019-01-01")
    assert [n for n, p in links.items() if p is None] == ["manchester", "latinos", "sgt", "niger"]
    assert links["jane roe"].name == "Jane Roe"


def test_nodes_carry_kb_attributes_and_lookup_keys_in_every_graph_file(corpus):
    import networkx as nx

    out, g = corpus
    node = people_of(g)["donald-trump"]
    assert node["kb_id"] == TRUMP and node["wikidata"] == TRUMP and node["party"] == "Republican"
    assert {"president"} <= {o["role"] for o in node["offices"]}
    assert {"donald trump", "trump", "q22686"} <= set(node["lookup"])
    assert "Donald J. Trump" in node["aliases"]
    graphml = nx.read_graphml(out / "graph.graphml")
    assert graphml.nodes["donald-trump"]["kb_id"] == TRUMP
    assert {"president"} <= {o["role"] for o in json.loads(graphml.nodes["donald-trump"]["offices"])}
    assert "kb_id" in (out / "graph.gexf").read_text(encoding="utf-8")


def test_one_name_finds_one_person_in_render_focus_and_the_map_data(corpus, tmp_path):
    from graphbuild.naming import Candidate, best_match, lookup_key

    out, g = corpus
    for name in ("Donald J. Trump", "donald trump", "President Donald Trump", "TRUMP"):
        result = runner.invoke(app, ["render", str(out), "--focus", name, "--out", str(tmp_path / "m.html")])
        assert result.exit_code == 0, result.output
        best = best_match(
            name, [Candidate(n, d["name"], tuple(d["aliases"]), d["evidence_count"]) for n, d in g.nodes(data=True)]
        )
        assert best.id == "donald-trump"
        assert lookup_key(name) in g.nodes["donald-trump"]["lookup"]
    # The map's search reads these keys from graph.json's node attributes (`lookup`).
    assert g.nodes["donald-trump"]["lookup"] == sorted(set(g.nodes["donald-trump"]["lookup"]))


@pytest.mark.neo4j
def test_one_name_finds_one_person_in_query(corpus, neo4j_driver):
    from graphbuild.neo4j.load import clear_database
    from graphbuild.settings import resolve

    out, _ = corpus
    clear_database(neo4j_driver, resolve("neo4j_database"))
    result = runner.invoke(app, ["load", str(out)])
    assert result.exit_code == 0, result.output
    answers = []
    for name in ("Donald J. Trump", "donald trump", "Trump", "donald-trump", "Q22686"):
        result = runner.invoke(app, ["query", "timeline", "-p", f"a={name}", "-p", "b=Sessions", "-f", "json"])
        assert result.exit_code == 0, result.output
        answers.append(json.loads(result.output))
    assert answers[0] and all(a == answers[0] for a in answers)
    assert {(r["source"], r["relation"], r["target"]) for r in answers[0]} == {
        ("Donald Trump", "CRITICIZED", "Jeff Sessions")
    }
    with neo4j_driver.session(database=resolve("neo4j_database")) as s:
        p = s.run("MATCH (p:Person {id: 'jeff-sessions'}) RETURN p").single()["p"]
    assert p["kb_id"] == JEFF and p["party"] == "Republican" and p["bioguide"] == "S001141"
    assert "attorney general" in {o["role"] for o in json.loads(p["offices"])}


def test_people_command_lists_flags_and_writes_a_curation_file_that_loads(corpus, tmp_path):
    from graphbuild.identity import load_curation

    out, _ = corpus
    curation = tmp_path / "people.yaml"
    result = runner.invoke(app, ["people", str(out), "--out", str(curation)])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if " jeff-sessions " in l)
    assert JEFF in line and "Jeff Sessions" in line
    data = yaml.safe_load(curation.read_text(encoding="utf-8"))
    assert {"id": JEFF, "name": "Jeff Sessions"}.items() <= data["people"][0].items() or any(
        p["id"] == JEFF for p in data["people"]
    )
    cur = load_curation(curation)
    assert any(p.kb_id == JEFF and p.id == "jeff-sessions" for p in cur.people)


def test_people_command_flags_duplicates_and_non_people(tmp_path):
    from graphbuild.records import ArticleRef, Edge, EdgeEvidence, PersonRef, Relation

    def e(s, t, art):
        return Edge(
            PersonRef(*s), PersonRef(*t), Relation.CRITICIZED, "slammed", ArticleRef(art), EdgeEvidence("x", 0, 1)
        ).to_json()

    edges = tmp_path / "edges.jsonl"
    edges.write_text(
        "".join(
            json.dumps(l) + "\n"
            for l in [
                e(("ann-roe", "Ann Roe"), ("bo-x", "Bo X"), "a"),
                e(("roe", "Roe"), ("bo-x", "Bo X"), "b"),
                e(("manchester", "Manchester"), ("bo-x", "Bo X"), "c"),
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["people", str(edges), "--out", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0, result.output
    rows = {l.split()[1]: l for l in result.output.splitlines()[1:] if l.strip() and l.split()[0].isdigit()}
    assert "duplicate? a name of ann-roe" in rows["roe"]
    assert "not a person? (a place)" in rows["manchester"]
    assert "[" not in rows["ann-roe"]
    assert "# duplicate? a name of ann-roe" in (tmp_path / "p.yaml").read_text(encoding="utf-8")


def test_curation_file_takes_kb_fields_and_rejects_unknown_keys(tmp_path):
    from graphbuild.errors import AliasFileError
    from graphbuild.identity import load_curation

    path = tmp_path / "people.yaml"
    path.write_text(
        "people:\n  - id: jane-roe\n    name: Jane Roe\n    aliases: [Janie]\n"
        "    party: Independent\n    offices: [{role: mayor, start: '2018-01-01', state: OH}]\n",
        encoding="utf-8",
    )
    cur = load_curation(path)
    assert cur.people[0].party == "Independent" and cur.people[0].offices[0].role == "mayor"
    _, g = build(tmp_path, [r for r in RECORDS if r["id"] == "jane"], "--aliases", str(path))
    node = g.nodes["jane-roe"]
    assert node["party"] == "Independent" and node["offices"][0]["role"] == "mayor"
    path.write_text("people:\n  - {id: jane-roe, name: Jane Roe, partei: Independent}\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match="unknown key 'partei'.*did you mean 'party'"):
        load_curation(path)


def test_extract_second_pass_and_build_give_identical_ids(corpus, tmp_path):
    out, _ = corpus
    src = tmp_path / "in.jsonl"
    lines = [json.loads(l) for l in (out / "edges.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = sorted({l["article"]["id"] for l in lines})
    assert articles
    build_ids = {(l["article"]["id"], l["source"]["id"], l["source"]["name"], l["target"]["id"]) for l in lines}
    records = RECORDS
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "e.jsonl"), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    extracted = [json.loads(l) for l in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {
        (l["article"]["id"], l["source"]["id"], l["source"]["name"], l["target"]["id"]) for l in extracted
    } == build_ids
