// Question: Who was most endorsed and who most criticized in a date range?
// Counts asserted evidence received: "endorsed" counts the positive types
// (ENDORSED, PRAISED, SUPPORTED, PARDONED), "criticized" the negative ones
// (CRITICIZED, ACCUSED, OPPOSED, THREATENED, INVESTIGATED, SUED, FIRED, CHALLENGED).
// Dates are ISO strings compared as text, inclusive.
// Parameters:
//   from = "0000-01-01": first published date
//   to = "9999-12-31": last published date
//   limit = 10: people per list
CALL () {
  MATCH (:Person)-[r]->(t:Person)
  WHERE r.modality = 'asserted' AND r.polarity > 0 AND $from <= r.published <= $to
  WITH t, count(r) AS evidence, count(DISTINCT startNode(r)) AS by_people
  ORDER BY evidence DESC, t.name LIMIT $limit
  RETURN 'endorsed' AS list, t, evidence, by_people
  UNION ALL
  MATCH (:Person)-[r]->(t:Person)
  WHERE r.modality = 'asserted' AND r.polarity < 0 AND $from <= r.published <= $to
  WITH t, count(r) AS evidence, count(DISTINCT startNode(r)) AS by_people
  ORDER BY evidence DESC, t.name LIMIT $limit
  RETURN 'criticized' AS list, t, evidence, by_people
}
RETURN list, t.name AS person, evidence, by_people
ORDER BY list DESC, evidence DESC, person
