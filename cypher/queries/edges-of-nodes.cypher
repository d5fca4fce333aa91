// The truthy edges of some types at many nodes, in one direction, with the node at the other end.
// __PATTERN__ is the relationship pattern, typed and directed (`-[r:MEMBER_OF|PART_OF]->`), built in
// repositories/graph.ts from the allow-listed edge types: a typed expansion reads only those
// relationships of a dense node, not all of them.
UNWIND $ids AS id
{{graph-node id id n}}
MATCH (n)__PATTERN__(m)
WITH id, r, m
ORDER BY type(r), m.id
RETURN id,
       collect({
         edge: {{edge r}},
         other: {{node-map m}}
       }) AS edges
