// Full-text search (German analyzer) over names, aliases, labels and descriptions, and over evidence quotes.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, null AS matched
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, node.quote AS matched
}
RETURN node {.*, labels: labels(node)} AS node, score, matched
ORDER BY score DESC, node.id
LIMIT $limit
