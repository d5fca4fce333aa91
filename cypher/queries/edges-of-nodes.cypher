// Every truthy edge at many nodes (both directions), with the node at the other end.
UNWIND $ids AS id
CALL (id) {
  MATCH (x:Entity {id: id}) RETURN x AS n
  UNION MATCH (x:Event {id: id}) RETURN x AS n
  UNION MATCH (x:Dispute {id: id}) RETURN x AS n
}
MATCH (n)-[r]-(m)
WHERE type(r) IN $types
WITH id, r, m
ORDER BY type(r), m.id
RETURN id,
       collect({
         edge: {type: type(r), from: startNode(r).id, to: endNode(r).id, relationId: r.relationId, role: r.role,
                roleDe: r.roleDe, stance: r.stance, claimIds: coalesce(r.claimIds, [])},
         other: m {.*, labels: labels(m)}
       }) AS edges
