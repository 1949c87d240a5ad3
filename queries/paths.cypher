// Paths of up to three relations between two entities, shortest first (documents excluded); each path
// keeps its nodes and its relationships.
// Run: kg query queries/paths.cypher --param from="Satya Nadella" --param to=TikTok
MATCH p = (a)-[:ACQUIRES|SELLS|OWNS|MERGES_WITH|INVESTS_IN|PARTNERS_WITH|NEGOTIATES_WITH|COMPETES_WITH|LEADS|WORKS_FOR|FOUNDED|SUCCEEDS|APPOINTS|MEETS|REGULATES|APPROVES|BLOCKS|BANS|BANNED_IN|SANCTIONS|SUES|CRITICIZES|SUPPORTS|OPERATES_IN|BASED_IN|PART_OF|RELATED_TO*1..3]-(b)
WHERE toLower(a.name) = toLower($from) AND toLower(b.name) = toLower($to)
RETURN DISTINCT length(p) AS hops, p AS path
ORDER BY hops
