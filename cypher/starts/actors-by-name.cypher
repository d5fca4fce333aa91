// Entities in name order without reading them all: the entity_sort_name index in order (sortName is the
// lower-case name the page sorts by), from the cursor's name ($fromName) on, at most $limit of those
// the filters keep.
CALL () {
  MATCH (n:Entity) WHERE n.sortName >= $fromName
  WITH n WHERE {{entities-filter n}}
  WITH n, n.sortName AS key, 0 AS rank
  WHERE {{after-key n false}}
  WITH n ORDER BY n.sortName, n.id LIMIT $limit
  RETURN collect(n) AS named
}
UNWIND named AS n
WITH n
