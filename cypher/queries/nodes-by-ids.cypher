// Any node of the graph by its id, for many ids at once (one index look-up per label and id).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION MATCH (n:Event {id: id}) RETURN n
  UNION MATCH (n:Dispute {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Evidence {id: id}) RETURN n
  UNION MATCH (n:Document {id: id}) RETURN n
}
RETURN id, n {.*, labels: labels(n)} AS node
