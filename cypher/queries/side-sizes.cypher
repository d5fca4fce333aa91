// What the cost estimate needs to bound a dyad's lists by its own two sides instead of the largest
// degree anywhere: per side (an actor and, with s.affiliates, those who act for it), its nodes and the
// sums of their degrees. COUNT { (y)-[:T]-() } reads a node's degree without expanding it.
// __EDGE_TYPES__: the truthy edge types (EDGE_TYPE_WORDS, an allow-list in code).
UNWIND $sides AS s
{{actor-ids s s.id s.affiliates}}
CALL (actorIds) {
  UNWIND actorIds AS id
  MATCH (y:Entity {id: id})
  RETURN count(y) AS size,
         sum(COUNT { (y)<-[:HAS_SOURCE|HAS_TARGET|CONCERNS]-() }) AS events,
         sum(COUNT { (y)-[:__EDGE_TYPES__]-() }) AS relations,
         sum(COUNT { (y)-[:PARTY_TO]->() }) AS parties
}
RETURN s.id AS id, s.affiliates AS affiliates, size, events, relations, parties
