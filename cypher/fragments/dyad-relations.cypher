// The truthy relationships between a dyad's sides (%1, %2) of the types $relationTypes: rows `r`.
UNWIND %1 AS x
MATCH (x)-[r]-(y)
WHERE y IN %2 AND type(r) IN $relationTypes
WITH DISTINCT r
