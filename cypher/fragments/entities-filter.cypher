// The filters of entity lists, shared by their page and count queries; %1 is the entity.
($actorsOnly = false OR %1:Actor)
  AND ($kinds IS NULL OR %1.kind IN $kinds)
  AND ($disputeId IS NULL OR EXISTS { (%1)-[:PARTY_TO]->(:Dispute {id: $disputeId}) })
  AND ($nameKey IS NULL OR any(k IN %1.searchKeys WHERE k CONTAINS $nameKey))
