MERGE (d:Document {id: $document.id})
SET d += $document, d.ingestedAt = datetime()
WITH d
MATCH (p:Entity {id: $publisherEntity})
MERGE (d)-[:PUBLISHED_BY]->(p)
