// Any node of the model whose id is %2, as %3: %1 names the variables the subquery imports.
CALL (%1) {
  MATCH (n:Entity {id: %2}) RETURN n AS %3
  UNION MATCH (n:Event {id: %2}) RETURN n AS %3
  UNION MATCH (n:Dispute {id: %2}) RETURN n AS %3
  UNION MATCH (n:Claim {id: %2}) RETURN n AS %3
  UNION MATCH (n:Evidence {id: %2}) RETURN n AS %3
  UNION MATCH (n:Document {id: %2}) RETURN n AS %3
}
