// Disputes in name order without reading them all: the dispute_sort_name index in order (sortName is the
// lower-case name the page sorts by), from the cursor's name ($fromName) on, at most $limit.
CALL () {
  MATCH (d:Dispute) WHERE d.sortName >= $fromName
  WITH d, d.sortName AS key, 0 AS rank
  WHERE {{after-key d false}}
  WITH d ORDER BY d.sortName, d.id LIMIT $limit
  RETURN collect(d) AS named
}
UNWIND named AS d
WITH d
