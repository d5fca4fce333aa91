// The two sides of a dyad: `sideA`, `sideB`, each the actor ($a, $b) and, with $affiliates, those who
// act for it (people holding its offices, its government bodies: HOLDS_POSITION / PART_OF, up to two
// hops). No row when either actor does not exist.
MATCH (a:Entity {id: $a})
MATCH (b:Entity {id: $b})
CALL (a) {
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(a) WHERE $affiliates
  WITH a, collect(DISTINCT x) AS xs
  RETURN [a] + xs AS sideA
}
CALL (b) {
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(b) WHERE $affiliates
  WITH b, collect(DISTINCT x) AS xs
  RETURN [b] + xs AS sideB
}
