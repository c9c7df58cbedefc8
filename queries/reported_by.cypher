// Question: Which claims does the graph owe to an outlet or unnamed source?
// Evidence whose reported_by names an outlet or a person (e.g. "the New York
// Times"), by outlet; pronouns and relative words ("I", "it", "they", "who")
// name no one and are left out.
// Parameters:
//   outlet = "": only outlets whose name contains this text, any case; "" for all
MATCH (s:Person)-[r]->(t:Person)
WHERE r.reported_by IS NOT NULL
  AND NOT toLower(trim(r.reported_by)) IN ['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it',
      'they', 'them', 'who', 'whom', 'which', 'that', 'this', 'these', 'those', 'one', 'someone', 'somebody']
  AND toLower(r.reported_by) CONTAINS toLower($outlet)
RETURN r.reported_by AS reported_by, s.name AS source, type(r) AS relation,
       t.name AS target, r.modality AS modality, r.quote AS quote,
       r.article_id AS article, r.published AS published
ORDER BY reported_by, published, article, r.start
