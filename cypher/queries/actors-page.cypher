// A page of entities, filtered, in the order $order (NAME, DEGREE, CLAIMS), after the cursor $after.
// DEGREE counts the graph's relationships ($graphTypes), not provenance (claims, mentions).
MATCH (n:Entity)
WHERE {{entities-filter n}}
WITH n,
     CASE $order
       WHEN 'DEGREE' THEN -COUNT { (n)-[r]-() WHERE type(r) IN $graphTypes }
       WHEN 'CLAIMS' THEN -COUNT { (n)<-[:ABOUT|SUBJECT|OBJECT]-(:Claim) }
       ELSE toLower(n.name)
     END AS key,
     0 AS rank
WHERE {{after-key n false}}
RETURN {{node-map n}} AS node, [key, rank, n.id] AS sortKey
ORDER BY key, rank, n.id
LIMIT $limit
