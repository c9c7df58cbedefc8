// Question: Who is quoted about whom? Evidence carried by a speaker's own words
// (the edge's speaker), with what they said, and about which pair.
// Parameters:
//   person (person) = "": only claims about this person (either end), or by them as speaker; "" for all
MATCH (s:Person)-[r]->(t:Person)
WHERE r.speaker IS NOT NULL
MATCH (speaker:Person {id: r.speaker})
WITH speaker, s, t, r
WHERE $person = '' OR $person IN [s.id, t.id, speaker.id]
RETURN speaker.name AS speaker,
       [x IN [s, t] WHERE x <> speaker | x.name] AS about,
       s.name AS source, type(r) AS relation, t.name AS target, r.modality AS modality,
       r.quote AS quote, r.article_id AS article, r.published AS published
ORDER BY published, article, r.start
