// Question: How are two people connected? The shortest chain of person-to-person
// relationships between them (any type, either direction), with one piece of
// evidence per hop. Chains of up to 8 hops are looked for.
// Parameters:
//   from: a name, alias or surname, any case (e.g. "Carlson")
//   to: a name, alias or surname, any case (e.g. "Warren")
CALL () {
  MATCH (p:Person)
  WHERE p.id = $from OR toLower($from) IN p.lookup OR $from_loose IN p.lookup
  RETURN p AS a
  ORDER BY CASE WHEN $from IN p.name_keys THEN 0
                WHEN $from IN p.alias_keys THEN 1 WHEN $from_loose IN p.lookup THEN 2 ELSE 3 END,
           COUNT { (p)--() } DESC, p.id
  LIMIT 1
}
CALL () {
  MATCH (p:Person)
  WHERE p.id = $to OR toLower($to) IN p.lookup OR $to_loose IN p.lookup
  RETURN p AS b
  ORDER BY CASE WHEN $to IN p.name_keys THEN 0
                WHEN $to IN p.alias_keys THEN 1 WHEN $to_loose IN p.lookup THEN 2 ELSE 3 END,
           COUNT { (p)--() } DESC, p.id
  LIMIT 1
}
MATCH path = SHORTEST 1 (a)-[rels]-{1,8}(b)
UNWIND range(0, size(rels) - 1) AS i
WITH path, i, rels[i] AS r, nodes(path)[i] AS here, nodes(path)[i + 1] AS next
RETURN i + 1 AS hop, here.name AS person, type(r) AS relation,
       CASE WHEN startNode(r) = here THEN 'out' ELSE 'in' END AS direction,
       next.name AS other, r.modality AS modality, r.quote AS quote,
       r.article_id AS article, r.published AS published, length(path) AS hops
ORDER BY hop
