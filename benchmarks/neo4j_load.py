"""Relationships per second: graphbuild's Neo4j loader against two baselines.

    python benchmarks/neo4j_load.py [--edges 20000] [--per-row 1000] [--uri bolt://...]

On one server, in one run, each on an emptied database with the same
uniqueness constraints and the same synthetic edges:

- ``graphbuild``: ``graphbuild.neo4j.load.write_edges`` (people with aliases,
  articles, mentions, replacement of re-loaded articles, evidence properties);
- ``bare``: a bare ``UNWIND ... MERGE`` script with the same batch size: per
  batch, one transaction, one statement per relation type that MERGEs both
  people and the relationship on its key and sets its properties;
- ``per-row``: one transaction per edge (fewer edges; the rate extrapolates).

Goals: graphbuild >= 0.8x bare, >= 50x per-row. Uses NEO4J_URI if a server
answers there; otherwise starts the project's server in .neo4j/bench-server
on port 7689 and stops it at the end. The timings include building the
parameter rows in Python, for every method.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing: the imports below need it first

from graphbuild.neo4j import server
from graphbuild.neo4j.load import clear_database, connect, ensure_schema, relationship_row, write_edges
from graphbuild.records import ArticleRef, Edge, EdgeEvidence, Modality, PersonRef, Relation
from graphbuild.settings import resolve

BENCH_URI = "bolt://127.0.0.1:7689"

# The bare baseline: nothing but MERGE people, MERGE relationship on its key, set properties.
BARE = """
UNWIND $rows AS row
MERGE (s:Person {{id: row.source}})
MERGE (t:Person {{id: row.target}})
MERGE (s)-[r:{type} {{key: row.key}}]->(t)
SET r += row.props
"""
BARE_STATEMENTS = {r: BARE.format(type=r.value) for r in Relation}
PER_ROW = """
MERGE (s:Person {{id: $source}})
MERGE (t:Person {{id: $target}})
MERGE (s)-[r:{type} {{key: $key}}]->(t)
SET r += $props
"""
PER_ROW_STATEMENTS = {r: PER_ROW.format(type=r.value) for r in Relation}


def synthetic_edges(n: int, people: int = 2000, per_article: int = 10, seed: int = 7) -> list[Edge]:
    """``n`` edge records among ``people`` people, ``per_article`` per article, dated 2015-2020."""
    rng = random.Random(seed)
    relations = list(Relation)
    modalities = [Modality.ASSERTED] * 8 + [Modality.NEGATED, Modality.HYPOTHETICAL]
    edges = []
    for i in range(n):
        a = i // per_article
        s, t = rng.sample(range(people), 2)
        quote = f"Person {s} did something to person {t} (sentence {i})."
        start = (i % per_article) * 120
        edges.append(
            Edge(
                source=PersonRef(f"p{s}", f"Person {s} Name"),
                target=PersonRef(f"p{t}", f"Person {t} Name"),
                relation=rng.choice(relations),
                label="did something to",
                article=ArticleRef(
                    id=f"art-{a}",
                    title=f"Article {a}",
                    source="Synthetic Wire",
                    url=f"https://example.org/{a}",
                    published=f"{2015 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}",
                ),
                evidence=EdgeEvidence(quote, start, start + len(quote)),
                modality=rng.choice(modalities),
                speaker=f"p{s}" if i % 3 == 0 else None,
                reported_by="the Times" if i % 7 == 0 else None,
                confidence=rng.random(),
            )
        )
    return edges


def run_graphbuild(driver, db, edges, batch_size) -> float:
    t = time.perf_counter()
    write_edges(driver, db, edges, batch_size=batch_size)
    return time.perf_counter() - t


def run_bare(driver, db, edges, batch_size) -> float:
    t = time.perf_counter()

    def work(tx, grouped):
        for relation, rows in grouped.items():
            tx.run(BARE_STATEMENTS[relation], rows=rows).consume()

    with driver.session(database=db) as session:
        for i in range(0, len(edges), batch_size):
            grouped = defaultdict(list)
            for e in edges[i : i + batch_size]:
                grouped[e.relation].append(relationship_row(e))
            session.execute_write(work, grouped)
    return time.perf_counter() - t


def run_per_row(driver, db, edges) -> float:
    t = time.perf_counter()

    def work(tx, relation, row):
        tx.run(PER_ROW_STATEMENTS[relation], **row).consume()

    with driver.session(database=db) as session:
        for e in edges:
            session.execute_write(work, e.relation, relationship_row(e))
    return time.perf_counter() - t


def count_relationships(driver, db) -> int:
    return driver.execute_query("MATCH (:Person)-[r]->(:Person) RETURN count(r) AS n", database_=db).records[0]["n"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edges", type=int, default=20_000)
    parser.add_argument("--per-row", type=int, default=1_000, help="edges for the per-row baseline")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each method's best is kept")
    parser.add_argument("--uri", default=None)
    args = parser.parse_args(argv)

    uri = resolve("neo4j_uri", args.uri)
    started = None
    if not server.bolt_ready(uri):
        started = ROOT / ".neo4j" / "bench-server"
        uri = server.start(started, BENCH_URI)
    try:
        batch_size = resolve("neo4j_batch_size")
        edges = synthetic_edges(args.edges)
        with connect(uri) as (driver, db):
            clear_database(driver, db)
            ensure_schema(driver, db)
            # Warm up the JIT and the query caches of every method.
            warm = synthetic_edges(5000, seed=1)
            run_graphbuild(driver, db, warm, batch_size)
            clear_database(driver, db)
            run_bare(driver, db, warm, batch_size)
            clear_database(driver, db)
            run_per_row(driver, db, warm[:300])
            methods = [
                ("graphbuild", lambda s: run_graphbuild(driver, db, s, batch_size), edges),
                ("bare", lambda s: run_bare(driver, db, s, batch_size), edges),
                ("per-row", lambda s: run_per_row(driver, db, s), edges[: args.per_row]),
            ]
            best: dict[str, float] = {}
            # Rounds interleave the methods, so that JIT warm-up, GC and the
            # load of other processes fall on all of them alike; best rate kept.
            for _ in range(args.repeat):
                for name, fn, sample in methods:
                    clear_database(driver, db)
                    seconds = fn(sample)
                    n = count_relationships(driver, db)
                    assert n == len(sample), (name, n)
                    best[name] = max(best.get(name, 0.0), n / seconds)
            results = {name: (len(sample), best[name]) for name, _, sample in methods}
            clear_database(driver, db)
    finally:
        if started is not None:
            server.stop(started)

    print(
        f"Neo4j at {uri}, batch size {batch_size}, {args.edges} synthetic edges "
        f"(per-row: {args.per_row}), best of {args.repeat}"
    )
    for name, (n, rate) in results.items():
        print(f"  {name:<11} {n:>7} rels  {rate:>10.0f} rels/s")
    ours, bare, per_row = (results[k][1] for k in ("graphbuild", "bare", "per-row"))
    print(f"  graphbuild / bare    = {ours / bare:.2f}x  (goal >= 0.8x)")
    print(f"  graphbuild / per-row = {ours / per_row:.1f}x  (goal >= 50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
