MATCH (c:Claim)
WHERE ($stances IS NULL OR c.stance IN $stances)
  AND ($documentId IS NULL OR c.documentId = $documentId)
  AND ($assertedBy IS NULL OR EXISTS { (c)-[:ASSERTED_BY]->(:Entity {id: $assertedBy}) })
RETURN count(c) AS total
