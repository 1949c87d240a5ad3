// The most connected entities: relations of any type, and distinct neighbours.
// Run: kg query queries/most_connected.cypher
MATCH (e)-[r]-(o)
WHERE type(r) <> 'MENTIONED_IN'
RETURN e.name AS entity, labels(e)[0] AS kind, count(r) AS relations, count(DISTINCT o) AS neighbours
ORDER BY relations DESC, neighbours DESC, entity
LIMIT 10
