// Question: How are two people connected? The shortest chain of person-to-person
// relationships between them (any type, either direction), with one piece of
// evidence per hop. Chains of up to 8 hops are looked for. Only asserted
// evidence is followed unless asserted_only is false: "would not support" or
// "hopes to meet" links no one.
// Parameters:
//   from (person): a name, alias or surname, any case, or a person id (e.g. "Carlson")
//   to (person): a name, alias or surname, any case, or a person id (e.g. "Warren")
//   asserted_only = true: follow asserted evidence only; false also follows negated and hypothetical
MATCH (a:Person {id: $from})
MATCH (b:Person {id: $to})
MATCH path = SHORTEST 1 (a)-[rels WHERE rels.modality = 'asserted' OR NOT $asserted_only]-{1,8}(b)
UNWIND range(0, size(rels) - 1) AS i
WITH path, i, rels[i] AS r, nodes(path)[i] AS here, nodes(path)[i + 1] AS next
RETURN i + 1 AS hop, here.name AS person, type(r) AS relation,
       CASE WHEN startNode(r) = here THEN 'out' ELSE 'in' END AS direction,
       next.name AS other, r.modality AS modality, r.quote AS quote,
       r.article_id AS article, r.published AS published, length(path) AS hops
ORDER BY hop
