MATCH (d:Document) RETURN count(d) AS total
