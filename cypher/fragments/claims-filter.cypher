// The filters of claim lists, shared by their page and count queries; %1 is the claim.
($stances IS NULL OR %1.stance IN $stances)
  AND ($aspects IS NULL OR coalesce(%1.aspect, 'FACT') IN $aspects)
  AND ($documentId IS NULL OR %1.documentId = $documentId)
  AND ($assertedBy IS NULL OR EXISTS { (%1)-[:ASSERTED_BY]->(:Entity {id: $assertedBy}) })
