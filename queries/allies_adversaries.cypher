// Question: Who are a person's allies and adversaries? Every person linked to them
// by asserted evidence of positive or negative types (polarity in
// docs/relations.md), either direction, ranked by evidence count.
// Parameters:
//   person (person): a name, alias or surname, any case, or a person id (e.g. "Trump")
MATCH (p:Person {id: $person})
MATCH (p)-[r]-(other:Person)
WHERE r.modality = 'asserted' AND r.polarity <> 0 AND other <> p
WITH p, other,
     sum(CASE WHEN r.polarity > 0 THEN 1 ELSE 0 END) AS positive,
     sum(CASE WHEN r.polarity < 0 THEN 1 ELSE 0 END) AS negative,
     collect(DISTINCT type(r)) AS relations
RETURN p.name AS person, other.name AS other,
       CASE WHEN positive > negative THEN 'ally'
            WHEN negative > positive THEN 'adversary' ELSE 'mixed' END AS stance,
       positive, negative, positive + negative AS evidence, relations
ORDER BY stance, evidence DESC, other
