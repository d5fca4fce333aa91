__START__
WHERE {{claims-filter c}}
RETURN count(c) AS total
