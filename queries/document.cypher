// The relations read in one document, with the sentence each came from.
// Run: kg query queries/document.cypher --param doc=seed-001
MATCH (a)-[r]->(b)
WHERE $doc IN r.doc_ids
RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.modality AS modality,
       r.confidence AS confidence
ORDER BY subject, relation, object
