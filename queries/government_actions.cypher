// What governments (and countries acting as one) did to companies: bans, sanctions, approvals, reviews.
// Run: kg query queries/government_actions.cypher
MATCH (g)-[r]->(c:Company)
WHERE labels(g)[0] IN ['Government', 'Country'] AND type(r) <> 'RELATED_TO'
RETURN g.name AS government, type(r) AS action, c.name AS company, r.modality AS modality,
       r.sentences AS evidence
ORDER BY government, action, company
