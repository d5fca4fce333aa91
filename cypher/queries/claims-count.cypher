MATCH (c:Claim)
WHERE {{claims-filter c}}
RETURN count(c) AS total
