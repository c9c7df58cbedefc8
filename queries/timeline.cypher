// Question: What happened between two people, in date order? Everything either
// said or did to the other (every type and modality), oldest first.
// Parameters:
//   a (person): a name, alias or surname, any case, or a person id (e.g. "Trump")
//   b (person): a name, alias or surname, any case, or a person id (e.g. "Sessions")
MATCH (pa:Person {id: $a})
MATCH (pb:Person {id: $b})
MATCH (pa)-[r]-(pb)
WITH r, startNode(r) AS s, endNode(r) AS t
MATCH (art:Article {id: r.article_id})
RETURN r.published AS published, s.name AS source, type(r) AS relation, t.name AS target,
       r.modality AS modality, r.label AS label, r.quote AS quote,
       art.id AS article, art.title AS title, art.source AS outlet
ORDER BY published, article, r.start
