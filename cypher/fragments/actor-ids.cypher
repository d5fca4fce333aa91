// `actorIds`: the actor whose id is %2 and, when %3 holds, those who act for it (people holding its
// offices, its government bodies: HOLDS_POSITION / PART_OF, up to two hops). %1: the variables imported.
CALL (%1) {
  OPTIONAL MATCH (a:Entity {id: %2})
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(a) WHERE %3
  WITH a, collect(DISTINCT x.id) AS others
  RETURN [i IN [a.id] + others WHERE i IS NOT NULL] AS actorIds
}
