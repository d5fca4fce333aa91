// The entity, event or dispute whose id is %2, as %3: %1 names the variables the subquery imports.
// One index look-up per label (a label-less MATCH on id would scan every node).
CALL (%1) {
  MATCH (n:Entity {id: %2}) RETURN n AS %3
  UNION MATCH (n:Event {id: %2}) RETURN n AS %3
  UNION MATCH (n:Dispute {id: %2}) RETURN n AS %3
}
