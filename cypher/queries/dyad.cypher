// Everything that links two actors. Each side is the actor and, with $affiliates, those who act for it
// (people holding its offices, its government bodies: HOLDS_POSITION / PART_OF, up to two hops).
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
CALL (sideA, sideB) {
  UNWIND sideA + sideB AS n
  MATCH (e:Event)-[:HAS_SOURCE|HAS_TARGET|CONCERNS]->(n)
  WITH DISTINCT e, sideA, sideB
  WITH e,
       [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN sideA | type(r)] AS aRoles,
       [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN sideB | type(r)] AS bRoles
  WHERE size(aRoles) > 0 AND size(bRoles) > 0 AND any(t IN aRoles + bRoles WHERE t <> 'CONCERNS')
  WITH e, aRoles, bRoles ORDER BY e.sortDate IS NULL, e.sortDate, e.id
  RETURN collect({event: {{event-map e}}, aRoles: aRoles, bRoles: bRoles}) AS events
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[r]-(y)
  WHERE y IN sideB AND type(r) IN $relationTypes
  WITH DISTINCT r
  RETURN collect({{edge r}}) AS relations
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[ra:PARTY_TO]->(d:Dispute)<-[rb:PARTY_TO]-(y)
  WHERE y IN sideB
  WITH d, collect(DISTINCT ra) AS ras, collect(DISTINCT rb) AS rbs
  RETURN collect({
    dispute: {{dispute-map d}},
    a: [r IN ras | {{edge r}}],
    b: [r IN rbs | {{edge r}}]
  }) AS disputes
}
RETURN [n IN sideA | {{entity-map n}}] AS sideA, [n IN sideB | {{entity-map n}}] AS sideB,
       events, relations, disputes
