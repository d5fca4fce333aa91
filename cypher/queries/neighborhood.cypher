// Nodes within __DEPTH__ hops (an integer from 1 to 3, checked in code) over the given relationship
// types, nearest first, at most $limit; and the edges among them.
{{graph-node - $id s}}
CALL (s) {
  OPTIONAL MATCH (s) ((x)-[r]-(y) WHERE type(r) IN $types){1,__DEPTH__} (m)
  WITH m, min(size(r)) AS hops
  WHERE m IS NOT NULL AND m <> s
  WITH m, hops ORDER BY hops, m.id
  RETURN collect(m) AS reached
}
WITH s, reached[..$limit] AS found, size(reached) > $limit AS truncated
WITH [s] + found AS nodes, truncated
CALL (nodes) {
  UNWIND nodes AS a
  OPTIONAL MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND b IN nodes
  WITH r WHERE r IS NOT NULL
  RETURN collect(DISTINCT r) AS rels
}
RETURN [n IN nodes | n {.*, labels: labels(n)}] AS nodes,
       [r IN rels | {{edge r}}] AS edges,
       truncated
