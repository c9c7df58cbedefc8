// Question: What happened between two people, in date order? Everything either
// said or did to the other (every type and modality), oldest first.
// Parameters:
//   a: a name, alias or surname, any case (e.g. "Trump")
//   b: a name, alias or surname, any case (e.g. "Sessions")
CALL () {
  MATCH (p:Person)
  WHERE p.id = $a OR toLower($a) IN p.lookup OR $a_loose IN p.lookup
  RETURN p AS pa
  ORDER BY CASE WHEN $a IN p.name_keys THEN 0
                WHEN $a IN p.alias_keys THEN 1 WHEN $a_loose IN p.lookup THEN 2 ELSE 3 END,
           COUNT { (p)--() } DESC, p.id
  LIMIT 1
}
CALL () {
  MATCH (p:Person)
  WHERE p.id = $b OR toLower($b) IN p.lookup OR $b_loose IN p.lookup
  RETURN p AS pb
  ORDER BY CASE WHEN $b IN p.name_keys THEN 0
                WHEN $b IN p.alias_keys THEN 1 WHEN $b_loose IN p.lookup THEN 2 ELSE 3 END,
           COUNT { (p)--() } DESC, p.id
  LIMIT 1
}
MATCH (pa)-[r]-(pb)
WITH r, startNode(r) AS s, endNode(r) AS t
MATCH (art:Article {id: r.article_id})
RETURN r.published AS published, s.name AS source, type(r) AS relation, t.name AS target,
       r.modality AS modality, r.label AS label, r.quote AS quote,
       art.id AS article, art.title AS title, art.source AS outlet
ORDER BY published, article, r.start
