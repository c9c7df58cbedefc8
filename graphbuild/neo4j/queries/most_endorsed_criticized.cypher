// Question: Who was most endorsed and who most criticized in a date range?
// Counts asserted evidence received, in three lists named for what they count:
// "endorsed_praised_supported" (ENDORSED, PRAISED, SUPPORTED),
// "criticized_accused_opposed_threatened" (CRITICIZED, ACCUSED, OPPOSED, THREATENED),
// and "other_negative_acts" (INVESTIGATED, SUED, FIRED, CHALLENGED).
// Dates are ISO dates compared as text, inclusive.
// Parameters:
//   from (date) = "0001-01-01": first published date
//   to (date) = "9999-12-31": last published date
//   limit = 10: people per list
UNWIND [['endorsed_praised_supported', ['ENDORSED', 'PRAISED', 'SUPPORTED']],
        ['criticized_accused_opposed_threatened', ['CRITICIZED', 'ACCUSED', 'OPPOSED', 'THREATENED']],
        ['other_negative_acts', ['INVESTIGATED', 'SUED', 'FIRED', 'CHALLENGED']]] AS list
CALL (list) {
  MATCH (:Person)-[r]->(t:Person)
  WHERE type(r) IN list[1] AND r.modality = 'asserted' AND $from <= r.published <= $to
  WITH t, count(r) AS evidence, count(DISTINCT startNode(r)) AS by_people
  ORDER BY evidence DESC, t.name LIMIT $limit
  RETURN t, evidence, by_people
}
RETURN list[0] AS list, t.name AS person, evidence, by_people
ORDER BY list DESC, evidence DESC, person
