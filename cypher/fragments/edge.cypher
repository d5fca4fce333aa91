// A truthy edge as the API reads it, as a list in the order of EDGE_ROW_KEYS (src/domain/records.ts):
// %1 is the relationship variable.
[type(%1), startNode(%1).id, endNode(%1).id, %1.relationId, %1.role, %1.stance, coalesce(%1.claimIds, [])]
