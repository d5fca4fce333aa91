// The truthy edges at many nodes, of the given types, in the given direction (OUT, IN or BOTH).
UNWIND $ids AS id
MATCH (n {id: id})-[r]-(m)
WHERE (n:Entity OR n:Event OR n:Dispute)
  AND type(r) IN $types
  AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = n) OR ($direction = 'IN' AND endNode(r) = n))
WITH id, r, m
ORDER BY type(r), m.id
RETURN id,
       collect({
         edge: {type: type(r), from: startNode(r).id, to: endNode(r).id, relationId: r.relationId, role: r.role,
                roleDe: r.roleDe, stance: r.stance, claimIds: coalesce(r.claimIds, [])},
         other: m {.*, labels: labels(m)}
       }) AS edges
