// Nodes within __DEPTH__ hops (an integer from 1 to 3, checked in code) over the relationship types
// __TYPES__ (allow-listed in code), nearest first, at most $limit; and the edges among them.
// ANY SHORTEST explores breadth-first and reaches each node once (a plain variable-length pattern
// would enumerate every path to it); only $limit + 1 nodes are kept, which says whether it was cut.
// When the direct neighbours alone fill the view (a hub), they are the nearest: only they are ranked,
// and the rings beyond are not walked (Russia at 1M: ~10k neighbours against 48k nodes within 2 hops).
{{graph-node - $id s}}
CALL (s) {
  MATCH (s)-[:__TYPES__]-(m)
  WHERE m <> s
  WITH DISTINCT m ORDER BY m.id
  LIMIT $limit + 1
  RETURN collect(m) AS ring
}
OPTIONAL CALL (s, ring) {
  WITH s WHERE size(ring) <= $limit AND __DEPTH__ > 1
  OPTIONAL MATCH p = ANY SHORTEST (s)-[:__TYPES__]-{1,__DEPTH__}(m)
  WITH s, m, length(p) AS hops
  WHERE m IS NOT NULL AND m <> s
  WITH s, m ORDER BY hops, m.id
  LIMIT $limit + 1
  RETURN s AS start, collect(m) AS deeper
}
WITH s, coalesce(deeper, ring) AS reached
WITH s, reached[..$limit] AS found, size(reached) > $limit AS truncated
WITH [s] + found AS nodes, truncated
// The edges among them, each found from an end of small degree: a node with at most $denseDegree
// relationships of these types is expanded (its edges to the other nodes kept); only the pairs of two denser nodes
// are looked up directly (a hub's other relationships are not read). Looking up every pair cost 51²
// look-ups for 51 nodes (31k db hits on the article against 4k).
CALL (nodes) {
  UNWIND nodes AS a
  WITH nodes, a, COUNT { (a)-[:__TYPES__]-() } AS degree
  WITH nodes,
       collect(CASE WHEN degree <= $denseDegree THEN a END) AS sparse,
       collect(CASE WHEN degree > $denseDegree THEN a END) AS dense
  CALL (nodes, sparse, dense) {
    UNWIND sparse AS a
    MATCH (a)-[r:__TYPES__]-(b)
    WHERE b IN nodes
    RETURN r
    UNION
    UNWIND dense AS a
    UNWIND dense AS b
    MATCH (a)-[r:__TYPES__]->(b)
    RETURN r
  }
  RETURN collect(DISTINCT r) AS rels
}
RETURN [n IN nodes | {{node-map n}}] AS nodes,
       [r IN rels | {{edge r}}] AS edges,
       truncated
