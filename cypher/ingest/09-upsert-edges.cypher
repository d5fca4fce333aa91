// __TYPE__ is a relationship type from RELATION_TYPES or EVENT_EDGE_TYPES (allow-lists in code).
// Edges are the fast "truthy" view; claimIds lead to the claims and their evidence.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Entity {id: row.from}) RETURN n AS a
  UNION MATCH (n:Event {id: row.from}) RETURN n AS a
  UNION MATCH (n:Dispute {id: row.from}) RETURN n AS a
}
CALL (row) {
  MATCH (n:Entity {id: row.to}) RETURN n AS b
  UNION MATCH (n:Event {id: row.to}) RETURN n AS b
  UNION MATCH (n:Dispute {id: row.to}) RETURN n AS b
}
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props,
    r.claimIds = coalesce(r.claimIds, []) + [c IN row.claimIds WHERE NOT c IN coalesce(r.claimIds, [])],
    r.documentIds = CASE WHEN $documentId IN coalesce(r.documentIds, []) THEN r.documentIds
                         ELSE coalesce(r.documentIds, []) + $documentId END
RETURN count(r) AS written
