// Who leads which company, government, country or organisation, and on what evidence.
// Run: kg query queries/leaders.cypher
MATCH (p:Person)-[r:LEADS]->(o)
RETURN p.name AS person, labels(o)[0] AS kind, o.name AS leads, r.predicate AS title,
       r.modality AS modality, r.count AS sources
ORDER BY leads, person
