// entityIds, eventIds, disputeIds: the shared nodes this version of the document holds, so that its
// next ingest releases them (03) without a scan.
MATCH (d:Document {id: $document.id})
SET d += $document, d.ingestedAt = datetime(), d.entityIds = $entityIds, d.eventIds = $eventIds,
    d.disputeIds = $disputeIds
WITH d
MATCH (p:Entity {id: $publisherEntity})
MERGE (d)-[:PUBLISHED_BY]->(p)
