"""People across articles and the curation file (--aliases)."""

from __future__ import annotations

import pytest

from graphbuild.errors import AliasFileError
from graphbuild.graph import build_graph
from graphbuild.identity import load_curation, merge_people
from graphbuild.records import ArticleRef, Edge, EdgeEvidence, PersonRef, Relation


def edge(s, t, rel="CRITICIZED", article="a1"):
    return Edge(PersonRef(*s), PersonRef(*t), Relation(rel), rel.lower(), ArticleRef(article), EdgeEvidence("x", 0, 1))


def ends(edges):
    return sorted({(e.source.id, e.relation.value, e.target.id) for e in edges})


def test_a_bare_surname_is_never_merged_across_articles():
    # Issue 9 changed this: a corpus-wide surname merge once gave Donald Trump's acts to
    # Melania. Inside its article a surname already went to the one person with it.
    merged = merge_people(
        [
            edge(("trump", "Trump"), ("preet-bharara", "Preet Bharara"), article="a1"),
            edge(("melania-trump", "Melania Trump"), ("x", "Ann X"), article="a2"),
        ]
    )
    assert ends(merged) == [("melania-trump", "CRITICIZED", "x"), ("trump", "CRITICIZED", "preet-bharara")]


def test_middle_initials_and_a_first_name_with_suffix_merge_across_articles():
    merged = merge_people(
        [
            edge(("james-comey", "James B. Comey"), ("x", "Ann X"), article="a1"),
            edge(("james-comey", "James Comey"), ("x", "Ann X"), article="a2"),
            edge(("donald-trump-jr", "Donald Trump Jr."), ("x", "Ann X"), article="a3"),
            edge(("don-jr", "Don Jr."), ("x", "Ann X"), article="a4"),
            edge(("donald-trump", "Donald Trump"), ("x", "Ann X"), article="a5"),
        ]
    )
    assert {e.source.id for e in merged} == {"james-comey", "donald-trump-jr", "donald-trump"}
    assert {e.source.name for e in merged if e.source.id == "james-comey"} == {"James B. Comey"}
    assert {e.source.name for e in merged if e.source.id == "donald-trump-jr"} == {"Donald Trump Jr."}


def test_two_full_names_sharing_a_surname_leave_it_alone():
    merged = merge_people(
        [
            edge(("bill-clinton", "Bill Clinton"), ("x", "Ann X")),
            edge(("hillary-clinton", "Hillary Clinton"), ("x", "Ann X")),
            edge(("clinton", "Clinton"), ("x", "Ann X")),
        ]
    )
    assert {e.source.id for e in merged} == {"bill-clinton", "hillary-clinton", "clinton"}


def test_yaml_curation_merges_names_and_attaches_ids(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(
        "people:\n"
        "  - id: donald-trump\n    name: Donald J. Trump\n"
        "    aliases: [Trump, President Trump, The Donald]\n    wikidata: Q22686\n",
        encoding="utf-8",
    )
    cur = load_curation(path)
    merged = merge_people([edge(("the-donald", "The Donald"), ("jeff-sessions", "Jeff Sessions"))], curation=cur)
    assert ends(merged) == [("donald-trump", "CRITICIZED", "jeff-sessions")]
    g = build_graph(merged, people=cur.people)
    assert g.nodes["donald-trump"]["wikidata"] == "Q22686"
    assert g.nodes["donald-trump"]["name"] == "Donald J. Trump"


def test_csv_curation_keeps_a_surname_apart(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "id,name,aliases,wikidata,keep_apart\nhillary-clinton,Hillary Clinton,Hillary Rodham Clinton,Q6294,true\n",
        encoding="utf-8",
    )
    merged = merge_people(
        [edge(("hillary-clinton", "Hillary Clinton"), ("x", "Ann X")), edge(("clinton", "Clinton"), ("x", "Ann X"))],
        curation=load_curation(path),
    )
    assert {e.source.id for e in merged} == {"hillary-clinton", "clinton"}


def test_an_alias_given_to_two_people_is_an_error(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(
        "people:\n  - {id: a, name: Ann A, aliases: [Smith]}\n  - {id: b, name: Bo B, aliases: [Smith]}\n",
        encoding="utf-8",
    )
    with pytest.raises(AliasFileError, match="'Smith' is given for both 'a' and 'b'"):
        load_curation(path)


def test_missing_or_unknown_curation_file(tmp_path):
    with pytest.raises(AliasFileError, match="no such file"):
        load_curation(tmp_path / "nope.yaml")
    (tmp_path / "x.txt").write_text("", encoding="utf-8")
    with pytest.raises(AliasFileError, match="unknown kind"):
        load_curation(tmp_path / "x.txt")


def test_ids_are_stable_across_runs(nlp, example_article):
    from graphbuild.extract import extract_edges
    from graphbuild.records import Article

    art = Article(id="ex", text=example_article.read_text(encoding="utf-8"))
    first = [e.to_json() for _, es in extract_edges([art], nlp) for e in es]
    again = [e.to_json() for _, es in extract_edges([art], nlp) for e in es]
    assert first == again and {l["source"]["id"] for l in first} >= {"jeff-sessions"}


def test_min_confidence_trades_recall_for_precision(dev_corpus):
    from graphbuild.evaluate import evaluate_paths

    loose = evaluate_paths([dev_corpus], min_confidence=0.0).total
    strict = evaluate_paths([dev_corpus], min_confidence=0.7).total
    assert strict.predicted < loose.predicted
    assert strict.recall <= loose.recall
    assert strict.precision >= loose.precision
