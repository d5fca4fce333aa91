// Nodes within __DEPTH__ hops (an integer from 1 to 3, checked in code) over the relationship types
// __TYPES__ (allow-listed in code), nearest first, at most $limit; and the edges among them.
// ANY SHORTEST explores breadth-first and reaches each node once (a plain variable-length pattern
// would enumerate every path to it); only $limit + 1 nodes are kept, which says whether it was cut.
{{graph-node - $id s}}
CALL (s) {
  OPTIONAL MATCH p = ANY SHORTEST (s)-[:__TYPES__]-{1,__DEPTH__}(m)
  WITH m, length(p) AS hops
  WHERE m IS NOT NULL AND m <> s
  WITH m ORDER BY hops, m.id
  LIMIT $limit + 1
  RETURN collect(m) AS reached
}
WITH s, reached[..$limit] AS found, size(reached) > $limit AS truncated
WITH [s] + found AS nodes, truncated
// The edges among them: each pair looked up directly (a hub's other relationships are not read).
CALL (nodes) {
  UNWIND nodes AS a
  UNWIND nodes AS b
  MATCH (a)-[r:__TYPES__]->(b)
  RETURN collect(DISTINCT r) AS rels
}
RETURN [n IN nodes | {{node-map n}}] AS nodes,
       [r IN rels | {{edge r}}] AS edges,
       truncated
