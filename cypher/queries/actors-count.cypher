MATCH (n:Entity)
WHERE {{entities-filter n}}
RETURN count(n) AS total
