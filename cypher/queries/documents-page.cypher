MATCH (d:Document)
RETURN d {.*, labels: labels(d)} AS node
ORDER BY d.publishedValue DESC, d.id
SKIP $offset LIMIT $limit
