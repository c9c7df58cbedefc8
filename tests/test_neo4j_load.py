"""The Neo4j loader against the real server: counts, idempotence, article
replacement, interrupted loads, bad relation types, concurrent loaders."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from graphbuild.errors import BackendError, UnknownRelationError
from graphbuild.neo4j import cypher
from graphbuild.neo4j.load import clear_database, load, read_edge_file
from graphbuild.records import Relation
from graphbuild.settings import resolve

DATA = Path(__file__).parent / "data" / "neo4j_edges.jsonl"
CORPUS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def lines() -> list[dict]:
    return [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def scalar(driver, query: str) -> int:
    records, _, _ = driver.execute_query(query, database_=resolve("neo4j_database"))
    return records[0]["n"]


def snapshot(driver) -> dict:
    db = resolve("neo4j_database")
    return {
        name: [r.data() for r in driver.execute_query(q, database_=db).records]
        for name, q in [
            ("rels", cypher.SNAPSHOT),
            ("people", cypher.SNAPSHOT_PEOPLE),
            ("articles", cypher.SNAPSHOT_ARTICLES),
        ]
    }


def test_fixture_quotes_sit_at_their_offsets_in_the_corpus_article():
    text = (CORPUS_DEV / "tpm-2019-11-08-sessions-trump.txt").read_text(encoding="utf-8")
    tpm = [e for e in read_edge_file(DATA) if e.article.id == "tpm-2019-11-08-sessions-trump"]
    assert len(tpm) == 12
    for e in tpm:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


def test_unreachable_server_names_the_uri_and_the_fix():
    with pytest.raises(BackendError) as err:
        load(DATA, uri="bolt://127.0.0.1:9", password="")
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in str(err.value)
    assert "python -m graphbuild.neo4j.server start" in str(err.value)


@pytest.mark.neo4j
def test_bad_relation_type_is_rejected_before_anything_is_written(tmp_path, neo4j_db):
    rows = lines()
    rows[3]["relation"] = "LIKES"
    with pytest.raises(UnknownRelationError, match="LIKES"):
        load(write(tmp_path / "edges.jsonl", rows))
    assert scalar(neo4j_db, cypher.COUNT_NODES) == 0
    with pytest.raises(UnknownRelationError):
        cypher.merge_relationships("LIKES")
    # The statement text of every type comes from the enum, never from input.
    assert all(f"[r:{r.value} " in cypher.merge_relationships(r) for r in Relation)


@pytest.mark.neo4j
def test_load_writes_people_articles_and_every_piece_of_evidence(neo4j_db):
    summary = load(DATA)
    assert (summary.edges, summary.articles, summary.people) == (20, 5, 5)
    assert scalar(neo4j_db, cypher.COUNT_PEOPLE) == 5
    assert scalar(neo4j_db, "MATCH (a:Article) RETURN count(a) AS n") == 5
    assert scalar(neo4j_db, "MATCH (:Person)-[r]->(:Person) RETURN count(r) AS n") == 20
    # Every relationship keeps its evidence and reaches its article.
    records, _, _ = neo4j_db.execute_query(
        "MATCH (s:Person)-[r]->(t:Person) MATCH (a:Article {id: r.article_id}) RETURN r, a, type(r) AS type",
        database_=resolve("neo4j_database"),
    )
    assert len(records) == 20
    for rec in records:
        r = rec["r"]
        for prop in ("key", "article_id", "modality", "label", "confidence", "quote", "start", "end", "polarity"):
            assert r.get(prop) is not None, prop
        assert r["polarity"] == int(Relation(rec["type"]).polarity)
        assert rec["a"]["published"] == r["published"]
    endorsed = [rec for rec in records if rec["type"] == "ENDORSED" and rec["r"]["speaker"]]
    assert endorsed[0]["r"]["quote"] == "I was the first Republican, first senator to endorse him."
    assert endorsed[0]["r"]["speaker"] == "jeff-sessions"
    assert endorsed[0]["a"]["source"] == "TPM"
    # Names seen for one id are merged: the fullest is the name, all are aliases.
    records, _, _ = neo4j_db.execute_query(
        "MATCH (p:Person {id: 'donald-trump'}) RETURN p.name AS name, p.aliases AS aliases",
        database_=resolve("neo4j_database"),
    )
    assert records[0]["name"] == "Donald J. Trump"
    assert records[0]["aliases"] == ["Donald J. Trump", "Donald Trump"]


@pytest.mark.neo4j
def test_loading_twice_changes_nothing(neo4j_db, tmp_path):
    (tmp_path / "build").mkdir()
    write(tmp_path / "build" / "edges.jsonl", lines())
    load(tmp_path / "build")  # a build folder holding edges.jsonl
    first = snapshot(neo4j_db)
    nodes, rels = scalar(neo4j_db, cypher.COUNT_NODES), scalar(neo4j_db, cypher.COUNT_RELATIONSHIPS)
    load(DATA, batch_size=4)
    assert (scalar(neo4j_db, cypher.COUNT_NODES), scalar(neo4j_db, cypher.COUNT_RELATIONSHIPS)) == (nodes, rels)
    assert snapshot(neo4j_db) == first


@pytest.mark.neo4j
def test_reloading_an_article_replaces_its_edges(neo4j_db, tmp_path):
    load(DATA)
    rows = lines()
    tpm = [r for r in rows if r["article"]["id"] == "tpm-2019-11-08-sessions-trump"]
    others = [r for r in rows if r not in tpm]
    # A new extraction of the TPM article: fewer edges, one relabelled.
    new = [dict(r) for r in tpm[:3]]
    new[0]["label"] = "endorsed first"
    load(write(tmp_path / "edges.jsonl", new), batch_size=2)
    db = resolve("neo4j_database")
    records, _, _ = neo4j_db.execute_query(
        "MATCH (:Person)-[r]->(:Person) RETURN r.article_id AS a, count(r) AS n ORDER BY a", database_=db
    )
    counts = {r["a"]: r["n"] for r in records}
    assert counts["tpm-2019-11-08-sessions-trump"] == 3
    assert sum(counts.values()) == len(others) + 3
    labels = neo4j_db.execute_query(
        "MATCH ()-[r:ENDORSED {speaker: 'jeff-sessions'}]->() RETURN r.label AS l", database_=db
    ).records
    assert [r["l"] for r in labels] == ["endorsed first"]
    # Tucker Carlson's only edges were in the old extraction: he is no longer among its people.
    people = neo4j_db.execute_query(
        "MATCH (a:Article {id: 'tpm-2019-11-08-sessions-trump'}) RETURN a.people AS p", database_=db
    ).records[0]["p"]
    assert people == ["donald-trump", "jeff-sessions"]
    # ... and a third load of the old version brings his edges back, once.
    load(DATA)
    assert scalar(neo4j_db, "MATCH (:Person)-[r]->(:Person) RETURN count(r) AS n") == 20


class Killed(Exception):
    pass


@pytest.mark.neo4j
def test_a_load_killed_midway_then_run_again_gives_the_uninterrupted_graph(neo4j_db):
    load(DATA, batch_size=3)
    expected = snapshot(neo4j_db)
    clear_database(neo4j_db, resolve("neo4j_database"))

    def kill_after_second(i: int, rows: int) -> None:
        if i == 1:
            raise Killed

    with pytest.raises(Killed):
        load(DATA, batch_size=3, on_batch=kill_after_second)
    partial = scalar(neo4j_db, "MATCH (:Person)-[r]->(:Person) RETURN count(r) AS n")
    assert partial == 6  # two batches of three committed
    load(DATA, batch_size=3)
    assert snapshot(neo4j_db) == expected


@pytest.mark.neo4j
def test_two_loaders_at_once_create_no_duplicates(neo4j_db, tmp_path):
    rows = lines()
    # Two files sharing people (and one article) loaded at the same time.
    a = write(tmp_path / "a.jsonl", rows[:14])
    b = write(tmp_path / "b.jsonl", rows[10:])
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            for _ in range(3):
                load(path, batch_size=2)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    db = resolve("neo4j_database")
    ids = [r["id"] for r in neo4j_db.execute_query("MATCH (p:Person) RETURN p.id AS id", database_=db).records]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 5
    keys = [
        r["k"] for r in neo4j_db.execute_query("MATCH (:Person)-[r]->(:Person) RETURN r.key AS k", database_=db).records
    ]
    assert len(keys) == len(set(keys))
    articles = scalar(neo4j_db, "MATCH (a:Article) WITH a.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n")
    assert articles == 0
