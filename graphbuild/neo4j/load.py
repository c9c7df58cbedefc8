"""Load edge lines (docs/edges.md) into Neo4j, idempotently.

Against a running server (tests/test_neo4j_e2e.py runs this for real)::

    from graphbuild.neo4j.load import load
    print(load("out/"))
    # loaded 42 edges from 3 articles between 17 people in 1 batch, 0.4 s (105 edges/s)

The file is read whole before the first write (so a bad line writes nothing,
and each article's full set of evidence keys is known): memory grows with the
file, about a kilobyte per edge.

How it stays correct when run twice, killed midway, or run beside another load:

- every relationship is MERGEd on its evidence key (article, offsets, relation,
  ends), backed by a uniqueness constraint per type; people and articles are
  MERGEd on their ids, backed by uniqueness constraints;
- the file is read whole first, so each article's full set of keys is known;
  in the batch that writes an article's first edge, the article's other
  relationships (an older extraction of it) are deleted in the same
  transaction. Re-loading an article therefore replaces its edges;
- each batch is one managed write transaction (``session.execute_write``),
  retried by the driver on deadlocks and other transient errors;
- the build's articles manifest (``articles.jsonl`` in a build folder,
  ``<stem>.articles.jsonl`` beside an extract's edges file) lists every article
  the build read: one that now yields no edge (or was rejected) has its earlier
  relationships, its Article node and people no one else uses deleted, so the
  database holds what a clean load of this build would.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import BackendError, EdgeFormatError, InputPathError
from ..graph import build_file
from ..records import Edge, Relation
from ..settings import resolve
from . import cypher


@dataclass(frozen=True)
class LoadSummary:
    edges: int
    articles: int
    people: int
    batches: int
    seconds: float
    cleared: int = 0  # articles of the build with no edge now, whose earlier edges were removed

    def __str__(self) -> str:
        rate = self.edges / self.seconds if self.seconds else 0.0
        from ..progress import plural

        cleared = (
            f"; removed the earlier edges of {plural(self.cleared, 'article')} that now have none"
            if self.cleared
            else ""
        )
        return (
            f"loaded {plural(self.edges, 'edge')} from {plural(self.articles, 'article')} between "
            f"{plural(self.people, 'person', 'people')} in {plural(self.batches, 'batch', 'batches')}, "
            f"{self.seconds:.1f} s ({rate:.0f} edges/s){cleared}"
        )


# --- connection ---------------------------------------------------------------------


@contextmanager
def connect(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> Iterator[tuple[Any, str]]:
    """A verified driver and the database name, from options or the settings.

    An empty password means no authentication. An unreachable server raises
    ``BackendError`` naming the URI and how to start one.
    """
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri = resolve("neo4j_uri", uri)
    user = resolve("neo4j_user", user)
    password = resolve("neo4j_password", password)
    database = resolve("neo4j_database", database)
    auth = (user, password) if password else None
    try:
        driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=10.0)
    except ValueError as exc:
        raise BackendError(f"bad Neo4j URI {uri!r}: {exc}") from None
    try:
        driver.verify_connectivity()
    except ServiceUnavailable:
        driver.close()
        raise BackendError(
            f"cannot reach Neo4j at {uri}: start one with `python -m graphbuild.neo4j.server start` or set NEO4J_URI"
        ) from None
    except AuthError as exc:
        driver.close()
        raise BackendError(
            f"Neo4j at {uri} refused user {user!r}: {exc.message}; set --user/--password or NEO4J_USER/NEO4J_PASSWORD"
        ) from None
    try:
        yield driver, database
    finally:
        driver.close()


# --- reading ------------------------------------------------------------------------


def edges_path(path: str | Path) -> Path:
    """``path`` itself if it is a file, else ``path/edges.jsonl`` (a build folder)."""
    return build_file(path, "edges.jsonl")


def manifest_path(edges_file: str | Path) -> Path:
    """The articles manifest a build wrote beside ``edges_file``.

    >>> manifest_path("out/edges.jsonl").name, manifest_path("x/news.jsonl").name
    ('articles.jsonl', 'news.articles.jsonl')
    """
    p = Path(edges_file)
    return p.with_name("articles.jsonl" if p.name == "edges.jsonl" else f"{p.stem}.articles.jsonl")


def read_manifest(path: str | Path) -> list[str] | None:
    """The ids of the articles a build read (or rejected), or None without a manifest.

    For a build folder (or its edges.jsonl), ``articles.jsonl``; for another
    edges file, ``<stem>.articles.jsonl``; an extract's ``edges.jsonl`` may
    also have ``edges.articles.jsonl``.
    """
    p = edges_path(path)
    candidates = [manifest_path(p)] + ([p.with_name("edges.articles.jsonl")] if p.name == "edges.jsonl" else [])
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        return None
    ids = []
    with open(found, encoding="utf-8") as fh:
        for lineno, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
                ids.append(str(line["id"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EdgeFormatError(
                    f"not an articles manifest line ({type(exc).__name__}: {exc})", where=f"{found}:{lineno}"
                ) from None
    return ids


def read_edge_file(path: str | Path) -> list[Edge]:
    """All edges of a file, checked before anything is written.

    A relation off the fixed list raises ``UnknownRelationError`` (naming the
    line), not a generic format error: it is the one thing that would reach Cypher.
    """
    from ..errors import UnknownRelationError

    p = edges_path(path)
    edges = []
    with open(p, encoding="utf-8") as fh:
        for lineno, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
            except json.JSONDecodeError as exc:
                raise EdgeFormatError(f"malformed JSON ({exc.msg})", where=f"{p}:{lineno}") from None
            if isinstance(line, dict) and "relation" in line:
                try:
                    Relation.parse(line["relation"])
                except UnknownRelationError as exc:
                    exc.args = (f"{p}:{lineno}: {exc}",)
                    raise
            try:
                edges.append(Edge.from_json(line))
            except EdgeFormatError as exc:
                raise EdgeFormatError(exc.reason, where=f"{p}:{lineno}") from None
    return edges


# --- rows ---------------------------------------------------------------------------


def evidence_key(edge: Edge) -> str:
    """The identity of one piece of evidence: the same line loaded twice is one relationship.

    >>> from graphbuild.records import *
    >>> e = Edge(PersonRef("a", "A"), PersonRef("b", "B"), Relation.FIRED, "fired",
    ...          ArticleRef("x"), EdgeEvidence("A fired B.", 0, 10))
    >>> evidence_key(e)
    '1ec0193bd58c0b546b59240d'
    """
    # Modality and wording are part of it: one sentence can hold "fired" (asserted)
    # and "planned to dismiss" (hypothetical) between the same two people.
    parts = [
        edge.article.id,
        edge.evidence.start,
        edge.evidence.end,
        edge.relation.value,
        edge.source.id,
        edge.target.id,
        edge.modality.value,
        edge.label,
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]


def relationship_row(edge: Edge) -> dict[str, Any]:
    """The parameters of one relationship: its ends, its key and what it keeps."""
    if not isinstance(edge.relation, Relation):
        from ..errors import UnknownRelationError

        raise UnknownRelationError(edge.relation)
    return {
        "source": edge.source.id,
        "target": edge.target.id,
        "key": evidence_key(edge),
        "props": {
            "article_id": edge.article.id,
            "published": edge.article.published,
            "modality": edge.modality.value,
            "polarity": int(edge.relation.polarity),
            "label": edge.label,
            "confidence": float(edge.confidence),
            "speaker": edge.speaker,
            "reported_by": edge.reported_by,
            "quote": edge.evidence.text,
            "start": edge.evidence.start,
            "end": edge.evidence.end,
        },
    }


def person_row(person_id: str, names: Iterable[str], kb: str | None = None) -> dict[str, Any]:
    """A person's parameters: names, the fullest one and its rank, lookup keys, KB attributes.

    Names, ranks and keys come from ``graphbuild.naming`` (the one rule);
    ``cypher.MERGE_PEOPLE`` only compares them with what is stored.

    >>> person_row("donald-trump", {"Donald Trump", "Donald J. Trump"})["name"]
    'Donald J. Trump'
    >>> person_row("x", {"Jeff Sessions"})["lookup"]
    ['jeff sessions', 'sessions', 'x']
    """
    from ..linking import kb_attributes
    from ..naming import alias_keys, canonical_name, lookup_keys, name_keys, name_rank_key

    aliases = sorted(set(names))
    attrs = kb_attributes(kb)
    variants = attrs.pop("variants", [])
    if "offices" in attrs:
        attrs["offices"] = json.dumps(attrs["offices"], ensure_ascii=False)  # properties hold no maps
    best = canonical_name(aliases)
    ids = (person_id, attrs.get("kb_id", ""))
    return {
        "id": person_id,
        "names": aliases,
        "name": best,
        "name_rank": name_rank_key(best),
        "lookup": lookup_keys(best, aliases + variants, ids),
        "name_keys": name_keys(best, ids),
        "alias_keys": alias_keys(aliases + variants),
        "props": attrs,
    }


@dataclass
class Batch:
    """One write transaction's worth of parameters."""

    people: list[dict[str, Any]]
    articles: list[dict[str, Any]]  # those whose first edge is here: properties, keys, people
    rows: dict[Relation, list[dict[str, Any]]]  # grouped by type: one statement each
    size: int


def plan_batches(edges: list[Edge], batch_size: int) -> list[Batch]:
    """Cut edges into batches of ``batch_size``, in file order, with what each must write."""
    all_rows = [relationship_row(e) for e in edges]  # each key hashed once
    keys: dict[str, list[str]] = defaultdict(list)
    people_of: dict[str, set[str]] = defaultdict(set)
    for e, row in zip(edges, all_rows):
        keys[e.article.id].append(row["key"])
        people_of[e.article.id].update((e.source.id, e.target.id))
    seen_articles: set[str] = set()
    # A person's names go to the database once per load, in the first batch
    # that uses them: later batches only MATCH the (committed) person.
    seen_names: set[tuple[str, str]] = set()
    kb_of = {ref.id: ref.kb for e in edges for ref in (e.source, e.target) if ref.kb}
    batches = []
    for i in range(0, len(edges), batch_size):
        chunk = edges[i : i + batch_size]
        chunk_rows = all_rows[i : i + batch_size]
        names: dict[str, set[str]] = defaultdict(set)
        articles: dict[str, dict[str, Any]] = {}
        rows: dict[Relation, list[dict[str, Any]]] = defaultdict(list)
        for e, row in zip(chunk, chunk_rows):
            for ref in (e.source, e.target):
                if (ref.id, ref.name) not in seen_names:
                    seen_names.add((ref.id, ref.name))
                    names[ref.id].add(ref.name)
            a = e.article
            if a.id not in seen_articles:
                # Written once per load, in the batch of its first edge (later
                # batches find it committed), with what replacing it needs.
                seen_articles.add(a.id)
                articles[a.id] = {
                    "id": a.id,
                    "title": a.title,
                    "source": a.source,
                    "url": a.url,
                    "published": a.published,
                    "keys": keys[a.id],
                    "people": sorted(people_of[a.id]),
                }
            rows[e.relation].append(row)
        batches.append(
            Batch(
                people=[person_row(pid, n, kb_of.get(pid)) for pid, n in sorted(names.items())],
                articles=list(articles.values()),
                rows=dict(rows),
                size=len(chunk),
            )
        )
    return batches


# --- writing ------------------------------------------------------------------------


def ensure_schema(driver: Any, database: str) -> None:
    """Create the uniqueness constraints (idempotent: IF NOT EXISTS)."""
    with driver.session(database=database) as session:
        for statement in cypher.CONSTRAINTS:
            session.run(statement).consume()


def clear_database(driver: Any, database: str) -> None:
    """Delete every node and relationship (constraints stay), in chunks. For tests and benchmarks."""
    with driver.session(database=database) as session:
        session.run(cypher.DELETE_ALL).consume()


def _write_batch(tx: Any, batch: Batch) -> None:
    # People first (the relationships MATCH them), then articles with the
    # replacement of re-loaded ones, then one fixed statement per type.
    if batch.people:
        tx.run(cypher.MERGE_PEOPLE, people=batch.people).consume()
    if batch.articles:
        tx.run(cypher.MERGE_ARTICLES, articles=batch.articles).consume()
    for relation, rows in batch.rows.items():
        tx.run(cypher.merge_relationships(relation), rows=rows).consume()


def _clear_articles(tx: Any, ids: list[str]) -> None:
    people = tx.run(cypher.CLEAR_ARTICLES, ids=ids).single()
    if people and people["people"]:
        tx.run(cypher.DELETE_UNUSED_PEOPLE, ids=people["people"]).consume()


def write_edges(
    driver: Any,
    database: str,
    edges: Iterable[Edge],
    *,
    batch_size: int | None = None,
    on_batch: Callable[[int, int], None] | None = None,
    articles: Iterable[str] = (),
) -> LoadSummary:
    """Write edges through an open driver; ``on_batch(i, rows)`` runs after each commit.

    ``articles``: every article id the build read; those without an edge here
    lose their earlier relationships (the manifest's rule, see the module doc).
    """
    started = time.perf_counter()
    edges = list(edges)
    batch_size = resolve("neo4j_batch_size", batch_size)
    ensure_schema(driver, database)
    batches = plan_batches(edges, batch_size)
    with_edges = {e.article.id for e in edges}
    cleared = sorted(set(articles) - with_edges)
    from neo4j.exceptions import Neo4jError

    with driver.session(database=database) as session:
        for i in range(0, len(cleared), batch_size):
            try:
                session.execute_write(_clear_articles, cleared[i : i + batch_size])
            except Neo4jError as exc:
                raise BackendError(
                    f"Neo4j refused to remove the edges of articles that now have none: {exc.code}: {exc.message}"
                ) from None
        for i, batch in enumerate(batches):
            try:
                session.execute_write(_write_batch, batch)
            except Neo4jError as exc:
                raise BackendError(
                    f"Neo4j refused batch {i + 1} of {len(batches)}: {exc.code}: {exc.message}"
                ) from None
            if on_batch is not None:
                on_batch(i, batch.size)
    people = {p for e in edges for p in (e.source.id, e.target.id)}
    return LoadSummary(
        edges=len(edges),
        articles=len(with_edges),
        people=len(people),
        batches=len(batches),
        seconds=time.perf_counter() - started,
        cleared=len(cleared),
    )


def load(
    path: str | Path | None = None,
    *,
    edges: Iterable[Edge] | None = None,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    batch_size: int | None = None,
    on_batch: Callable[[int, int], None] | None = None,
    articles: Iterable[str] | None = None,
) -> LoadSummary:
    """Load an edges.jsonl (or a build folder holding one), or ``edges``, into Neo4j.

    Connection values not given come from the settings (NEO4J_URI, ...).
    The whole file is checked before the first write. ``articles`` (default:
    the file's articles manifest) are the ids the build read; each one is
    replaced, also when it now has no edge.
    """
    if edges is None:
        if path is None:
            raise InputPathError("(none)", "give an edges.jsonl or a build folder")
        edges = read_edge_file(path)
        if articles is None:
            articles = read_manifest(path)
    edges = list(edges)
    with connect(uri, user, password, database) as (driver, db):
        return write_edges(driver, db, edges, batch_size=batch_size, on_batch=on_batch, articles=articles or ())
