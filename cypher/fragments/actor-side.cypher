// `%2`: the actor node %1 and, when $affiliates holds, those who act for it (people holding its
// offices, its government bodies: HOLDS_POSITION / PART_OF, up to two hops).
CALL (%1) {
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(%1) WHERE $affiliates
  WITH %1, collect(DISTINCT x) AS xs
  RETURN [%1] + xs AS %2
}
