// One row per document. entityIds, eventIds, disputeIds: the shared nodes this version of the document
// holds, so that its next ingest releases them (03) without a scan.
UNWIND $rows AS row
MATCH (d:Document {id: row.document.id})
SET d += row.document, d.ingestedAt = datetime(), d.entityIds = row.entityIds, d.eventIds = row.eventIds,
    d.disputeIds = row.disputeIds
WITH d, row
MATCH (p:Entity {id: row.publisherEntity})
MERGE (d)-[:PUBLISHED_BY]->(p)
