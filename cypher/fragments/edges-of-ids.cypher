// The truthy edges of some types at the nodes whose ids are in the list %1, in one direction, with
// the node at the other end: rows {id, edges} per node that has any (a hub's edges in several). __PATTERN__ is the
// relationship pattern, typed and directed (`-[r:MEMBER_OF|PART_OF]->`), built in
// repositories/patterns.ts from the allow-listed edge types: a typed expansion reads only those
// relationships of a dense node, not all of them.
UNWIND %1 AS id
{{graph-node id id n}}
MATCH (n)__PATTERN__(m)
WITH id, r, m
ORDER BY type(r), m.id
WITH id, collect({
         edge: {{edge r}},
         other: {{node-map m}}
       }) AS edges
// A hub's edges in rows of at most $edgeChunk, in order (repositories/rows.ts ROW_PARTS).
UNWIND range(0, (size(edges) - 1) / $edgeChunk) AS part
RETURN id, edges[part * $edgeChunk..(part + 1) * $edgeChunk] AS edges
