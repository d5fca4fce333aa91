// Exact key first (case and diacritics folded by the loader), then keys that start with or contain it.
MATCH (n:Entity)
WHERE any(k IN n.searchKeys WHERE k = $key OR k STARTS WITH $key OR (size($key) >= 3 AND k CONTAINS $key))
WITH n,
     CASE WHEN $key IN n.searchKeys THEN 0
          WHEN any(k IN n.searchKeys WHERE k STARTS WITH $key) THEN 1 ELSE 2 END AS rank
RETURN {{entity-map n}} AS node, rank
ORDER BY rank, n.name
LIMIT $limit
