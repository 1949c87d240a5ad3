// Every acquisition (done, planned or negotiated) with its modality and the sentences it was read in.
// Run: kg query queries/acquisitions.cypher
MATCH (a)-[r:ACQUIRES]->(b)
RETURN a.name AS buyer, b.name AS target, r.modality AS modality,
       r.confidence AS confidence, r.sentences AS evidence
ORDER BY buyer, target
