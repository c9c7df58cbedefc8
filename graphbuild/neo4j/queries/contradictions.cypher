// Question: Where do sources contradict each other? Pairs for which the same
// relation is both asserted and negated (e.g. "Trump fired Sessions" and
// "Trump would not fire Sessions"), with both pieces of evidence.
// Parameters: (none)
MATCH (s:Person)-[yes]->(t:Person)
WHERE yes.modality = 'asserted'
MATCH (s)-[no]->(t)
WHERE no.modality = 'negated' AND type(no) = type(yes)
RETURN s.name AS source, type(yes) AS relation, t.name AS target,
       yes.quote AS asserted_quote, yes.article_id AS asserted_article, yes.published AS asserted_published,
       no.quote AS negated_quote, no.article_id AS negated_article, no.published AS negated_published
ORDER BY source, relation, target, asserted_published, negated_published
