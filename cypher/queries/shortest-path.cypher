// One shortest path of at most __MAXHOPS__ hops (an integer from 1 to 6, checked in code) over the given types.
CALL () {
  MATCH (n:Entity {id: $from}) RETURN n AS a
  UNION MATCH (n:Event {id: $from}) RETURN n AS a
  UNION MATCH (n:Dispute {id: $from}) RETURN n AS a
}
CALL () {
  MATCH (n:Entity {id: $to}) RETURN n AS b
  UNION MATCH (n:Event {id: $to}) RETURN n AS b
  UNION MATCH (n:Dispute {id: $to}) RETURN n AS b
}
MATCH p = shortestPath((a)-[*..__MAXHOPS__]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, relationId: r.relationId,
                                 role: r.role, roleDe: r.roleDe, stance: r.stance, claimIds: coalesce(r.claimIds, [])}] AS edges
