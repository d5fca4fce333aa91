// Every truthy edge at many nodes (both directions), with the node at the other end.
UNWIND $ids AS id
{{graph-node id id n}}
MATCH (n)-[r]-(m)
WHERE type(r) IN $types
WITH id, r, m
ORDER BY type(r), m.id
RETURN id,
       collect({
         edge: {{edge r}},
         other: m {.*, labels: labels(m)}
       }) AS edges
