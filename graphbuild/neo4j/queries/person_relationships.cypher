// Question: What are a person's relationships, both ways, with the evidence for each?
// One row per piece of evidence, newest first; negated and hypothetical claims
// are kept and marked by modality.
// Parameters:
//   person (person): a name, alias or surname, any case, or a person id (e.g. "Sessions" or "Jeff Sessions")
//   limit = 200: at most this many rows
MATCH (p:Person {id: $person})
MATCH (p)-[r]-(other:Person)
MATCH (a:Article {id: r.article_id})
RETURN p.name AS person,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, r.modality AS modality, other.name AS other,
       r.label AS label, r.quote AS quote, r.speaker AS speaker,
       r.reported_by AS reported_by, r.confidence AS confidence,
       a.id AS article, a.title AS title, a.source AS outlet, a.url AS url,
       r.published AS published, r.start AS start, r.end AS end
ORDER BY published DESC, article, start
LIMIT $limit
