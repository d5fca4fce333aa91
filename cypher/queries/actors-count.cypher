__START__
WHERE {{entities-filter n}}
RETURN count(n) AS total
