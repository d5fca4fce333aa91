// Nodes that no document holds any more (dropped from every annotation file): only those this
// document held before can be.
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  UNWIND $eventIds AS id
  MATCH (n:Event {id: id}) RETURN n
  UNION
  UNWIND $disputeIds AS id
  MATCH (n:Dispute {id: id}) RETURN n
}
WITH n WHERE size(coalesce(n.documentIds, [])) = 0
DETACH DELETE n
