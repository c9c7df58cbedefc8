// Question: Which pairs changed stance over time? For each directed pair, the
// asserted positive and negative evidence in date order; a pair is listed when
// its first polar claim and a later one have opposite polarity
// (positive then negative, or the reverse).
// Parameters:
//   person (person) = "": only pairs with this person at either end (name, alias or surname); "" for all
MATCH (s:Person)-[r]->(t:Person)
WHERE r.modality = 'asserted' AND r.polarity <> 0 AND r.published IS NOT NULL
  AND ($person = '' OR $person IN [s.id, t.id])
WITH s, t, r ORDER BY r.published, r.article_id, r.start
WITH s, t, collect({polarity: r.polarity, date: r.published, relation: type(r), quote: r.quote}) AS claims
WITH s, t, claims, head(claims) AS first
WITH s, t, claims, first,
     [c IN claims WHERE c.polarity <> first.polarity] AS turned
WHERE size(turned) > 0
WITH s, t, first, head(turned) AS flip, claims
RETURN s.name AS source, t.name AS target,
       CASE WHEN first.polarity > 0 THEN 'positive to negative' ELSE 'negative to positive' END AS flip,
       first.date AS first_date, first.relation AS first_relation, first.quote AS first_quote,
       flip.date AS flip_date, flip.relation AS flip_relation, flip.quote AS flip_quote,
       size(claims) AS polar_evidence
ORDER BY flip_date, source, target
