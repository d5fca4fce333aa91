// The lower-case names lists sort by (entity_sort_name, dispute_sort_name), for nodes written before the
// loader wrote them (06b, 07 keep them since); reads every entity and dispute, once per start.
CALL () {
  MATCH (n:Entity) WHERE n.sortName IS NULL AND n.name IS NOT NULL
  SET n.sortName = toLower(n.name)
  RETURN count(n) AS entities
}
CALL () {
  MATCH (d:Dispute) WHERE d.sortName IS NULL AND d.name IS NOT NULL
  SET d.sortName = toLower(d.name)
  RETURN count(d) AS disputes
}
RETURN entities + disputes AS migrated
