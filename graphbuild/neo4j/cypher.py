"""Every Cypher statement the loader runs, in one place; values go in parameters only.

The graph::

    (:Person {id, name, name_rank, aliases, lookup, name_keys, alias_keys,
              kb_id, wikidata, bioguide, party, gender, offices})
        -[:CRITICIZED {key, article_id, published, modality, polarity, label,
                       confidence, speaker, reported_by, quote, start, end}]->
    (:Person)
    (:Article {id, title, source, url, published, people})

Relationships reach their article by ``article_id`` (the Article's unique id:
an index seek), not by a relationship of their own, so that every
relationship in the graph is one of the Relation types. ``Article.people``
lists the people of the article's current edges, which is how a re-load finds
its previous relationships without a relationship-property index per type.

One relationship per piece of evidence (one edge line). Its type is a
``Relation`` value, never text from an article: the statements that write
relationships are built once, here, from the enum, and looked up by member
(``merge_relationships``). ``key`` is the evidence key (article, offsets,
relation, ends), so MERGE on it makes any load idempotent. ``lookup`` holds
the keys (``graphbuild.naming.lookup_keys``: names, aliases, ids, surnames) a
query may name a person by; ``name_keys`` and ``alias_keys`` rank the matches
as ``naming.best_match`` does (name, then alias, then surname).

>>> print(merge_relationships(Relation.ENDORSED).splitlines()[2].strip())
MERGE (s)-[r:ENDORSED {key: row.key}]->(t)
>>> merge_relationships("LIKES")
Traceback (most recent call last):
...
graphbuild.errors.UnknownRelationError: 'LIKES' is not a relation type; use one of ENDORSED, PRAISED, SUPPORTED, CRITICIZED, ACCUSED, OPPOSED, THREATENED, INVESTIGATED, SUED, FIRED, MET_WITH, SPOKE_WITH, INTERVIEWED, APPOINTED, SERVED_UNDER, SUCCEEDED, CHALLENGED, RECUSED, PARDONED, RELATED_TO (docs/relations.md)
"""

from __future__ import annotations

from ..errors import UnknownRelationError
from ..records import Relation

CONSTRAINTS: tuple[str, ...] = (
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
) + tuple(
    # One per type: backs MERGE on the evidence key with an index, and holds
    # one relationship per key whatever loaders race (MERGE also locks both ends).
    f"CREATE CONSTRAINT rel_key_{r.value.lower()} IF NOT EXISTS FOR ()-[r:{r.value}]-() REQUIRE r.key IS UNIQUE"
    for r in Relation
)

# People of one batch, each once: {id, names, name, name_rank, lookup, name_keys,
# alias_keys, props}. Every value is computed in Python by graphbuild.naming (the
# one rule for naming and finding a person); here stored aliases and keys are
# unioned, and the fuller name (the higher ``name_rank``) is kept, so the
# result does not depend on the order edges or loads arrive in. ``props`` are
# the KB attributes (kb_id, wikidata, bioguide, party, gender, offices as JSON).
MERGE_PEOPLE = """
UNWIND $people AS person
MERGE (p:Person {id: person.id})
SET p += person.props
WITH p, person, (p.name_rank IS NULL OR person.name_rank > p.name_rank) AS fuller
SET p.name = CASE WHEN fuller THEN person.name ELSE p.name END,
    p.name_rank = CASE WHEN fuller THEN person.name_rank ELSE p.name_rank END
WITH p, person
CALL (p, person) {
  UNWIND coalesce(p.aliases, []) + person.names AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
CALL (p, person) {
  UNWIND coalesce(p.lookup, []) + person.lookup AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS lookup
}
CALL (p, person) {
  UNWIND coalesce(p.alias_keys, []) + person.alias_keys AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS alias_keys
}
CALL (p, person) {
  UNWIND coalesce(p.name_keys, []) + person.name_keys AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS name_keys
}
SET p.aliases = aliases, p.lookup = lookup, p.alias_keys = alias_keys, p.name_keys = name_keys
"""


# Articles whose first edge (in this load) is in the batch: {id, title, source,
# url, published, people, keys}. Re-loading an article replaces its edges: its
# relationships whose key is not among the article's new keys (all of them,
# across batches) are deleted, found from the people its previous version
# linked (``a.people``). Keys that stay are left alone and re-MERGEd, so a load
# killed midway and run again ends the same.
MERGE_ARTICLES = """
UNWIND $articles AS art
MERGE (a:Article {id: art.id})
WITH a, art, coalesce(a.people, []) AS previous
SET a.title = art.title, a.source = art.source, a.url = art.url, a.published = art.published,
    a.people = art.people
WITH art, previous
CALL (art, previous) {
  UNWIND previous AS pid
  MATCH (:Person {id: pid})-[r]->(:Person)
  WHERE r.article_id = art.id AND NOT r.key IN art.keys
  DELETE r
}
"""

# Articles a build read that now yield no edge (or were rejected): their previous
# relationships, their Article node, and people left with no relationship go, as
# if they had never been loaded. Returns the people it looked at.
CLEAR_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
WITH a, id, coalesce(a.people, []) AS previous
CALL (id, previous) {
  UNWIND previous AS pid
  MATCH (:Person {id: pid})-[r]->(:Person)
  WHERE r.article_id = id
  DELETE r
}
DETACH DELETE a
WITH previous
UNWIND previous AS pid
RETURN collect(DISTINCT pid) AS people
"""
# Of those people, the ones no relationship uses any more (a clean load would not have them).
DELETE_UNUSED_PEOPLE = """
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
WHERE NOT EXISTS { (p)--() }
DELETE p
"""

_MERGE_RELATIONSHIPS_TEMPLATE = """
UNWIND $rows AS row
MATCH (s:Person {{id: row.source}}), (t:Person {{id: row.target}})
MERGE (s)-[r:{type} {{key: row.key}}]->(t)
SET r += row.props
"""

# Built from the enum, once: the only place a relationship type enters Cypher.
_MERGE_RELATIONSHIPS = {r: _MERGE_RELATIONSHIPS_TEMPLATE.format(type=r.value).strip() + "\n" for r in Relation}


def merge_relationships(relation: Relation) -> str:
    """The fixed MERGE statement for one relation type; anything else is rejected."""
    if not isinstance(relation, Relation):
        raise UnknownRelationError(relation)
    return _MERGE_RELATIONSHIPS[relation]


# --- counts, used by tests, the notebook and the benchmark --------------------------

COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"
COUNT_PEOPLE = "MATCH (p:Person) RETURN count(p) AS n"
# Auto-commit only (CALL ... IN TRANSACTIONS): run with session.run, see load.clear_database.
DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
# The whole graph as comparable rows: one per relationship, with its ends.
SNAPSHOT = """
MATCH (s:Person)-[r]->(t)
RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props
ORDER BY source, type, target, props.key
"""
SNAPSHOT_PEOPLE = "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.aliases AS aliases ORDER BY id"
SNAPSHOT_ARTICLES = "MATCH (a:Article) RETURN properties(a) AS props ORDER BY a.id"


# --- finding a person by name, for the analyst queries (graphbuild.neo4j.query.find_person) ---

# One person for a name, by the rule of graphbuild.naming.match_tier: the id or the
# name as written ($key, naming.lookup_key), then an alias as written, then a name
# without middle names ($loose, naming.loose_key) or the surname; among equals, the
# one with the most evidence.
FIND_PERSON = """
MATCH (p:Person)
WHERE p.id = $id OR $key IN p.lookup OR $loose IN p.lookup
RETURN p.id AS id, p.name AS name
ORDER BY CASE WHEN p.id = $id OR $key IN p.name_keys THEN 0
              WHEN $key IN p.alias_keys THEN 1 ELSE 2 END,
         COUNT { (p)--() } DESC, p.id
LIMIT 1
"""

# Names to suggest for one that found nobody: people with a lookup word starting
# with one of $starts (all people when it is empty), the best known first.
SUGGEST_PEOPLE = """
MATCH (p:Person)
WHERE size($starts) = 0
   OR any(l IN p.lookup WHERE any(w IN split(l, ' ') WHERE any(s IN $starts WHERE w STARTS WITH s)))
RETURN p.name AS name, COUNT { (p)--() } AS evidence
ORDER BY evidence DESC, name
LIMIT $limit
"""
