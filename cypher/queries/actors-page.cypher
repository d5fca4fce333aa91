// A page of entities, filtered, in the order $order (NAME, DEGREE, CLAIMS), after the cursor $after.
// The first clause (START) is where the list starts: cypher/starts/<list>-<start>.cypher, chosen in
// repositories/lists.ts from the filters given (an index, or the node an id names, else every node of the label).
// DEGREE counts the graph's relationships ($graphTypes), not provenance (claims, mentions).
__START__
WHERE {{entities-filter n}}
WITH n,
     CASE $order
       WHEN 'DEGREE' THEN -COUNT { (n)-[r]-() WHERE type(r) IN $graphTypes }
       WHEN 'CLAIMS' THEN -COUNT { (n)<-[:ABOUT|SUBJECT|OBJECT]-(:Claim) }
       ELSE toLower(n.name)
     END AS key,
     0 AS rank
WHERE {{after-key n false}}
RETURN {{entity-map n}} AS node, [key, rank, n.id] AS sortKey
ORDER BY key, rank, n.id
LIMIT $limit
