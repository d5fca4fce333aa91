// A page of claims, filtered, in the order $order (DOCUMENT_POSITION), after the cursor $after.
__START__
WHERE {{claims-filter c}}
WITH c,
     c.documentId AS key,
     coalesce(COLLECT { MATCH (c)-[:SUPPORTED_BY]->(ev) RETURN min(ev.start) }[0], 0) AS rank
WHERE {{after-key c false}}
RETURN {{claim-map c}} AS node, [key, rank, c.id] AS sortKey
ORDER BY key, rank, c.id
LIMIT $limit
