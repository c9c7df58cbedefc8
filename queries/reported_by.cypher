// Question: Which claims does the graph owe to an outlet or unnamed source?
// Evidence whose reported_by is set (e.g. "the New York Times"), by outlet.
// Parameters:
//   outlet = "": only outlets whose name contains this text, any case; "" for all
MATCH (s:Person)-[r]->(t:Person)
WHERE r.reported_by IS NOT NULL
  AND toLower(r.reported_by) CONTAINS toLower($outlet)
RETURN r.reported_by AS reported_by, s.name AS source, type(r) AS relation,
       t.name AS target, r.modality AS modality, r.quote AS quote,
       r.article_id AS article, r.published AS published
ORDER BY reported_by, published, article, r.start
