// Everything known about one entity: its relations both ways. Name matching ignores case.
// Run: kg query queries/entity.cypher --param name=Microsoft
MATCH (e)-[r]->(o)
WHERE toLower(e.name) = toLower($name) AND type(r) <> 'MENTIONED_IN'
RETURN e.name AS entity, type(r) AS relation, 'out' AS direction, o.name AS other,
       r.modality AS modality, r.count AS sources
UNION ALL
MATCH (o)-[r]->(e)
WHERE toLower(e.name) = toLower($name)
RETURN e.name AS entity, type(r) AS relation, 'in' AS direction, o.name AS other,
       r.modality AS modality, r.count AS sources
