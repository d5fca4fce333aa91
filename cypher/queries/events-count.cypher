__START__
WHERE {{events-filter e}}
RETURN count(e) AS total
