MATCH (c:Claim)
WHERE ($stances IS NULL OR c.stance IN $stances)
  AND ($documentId IS NULL OR c.documentId = $documentId)
  AND ($assertedBy IS NULL OR EXISTS { (c)-[:ASSERTED_BY]->(:Entity {id: $assertedBy}) })
RETURN c {.*, labels: labels(c)} AS node
ORDER BY c.documentId, c.id
SKIP $offset LIMIT $limit
