// Full-text search (German analyzer) over names, aliases, labels and descriptions, and over evidence
// quotes; an evidence hit comes with the claim it supports and what that claim is about, so hits can
// be grouped by the fact they show.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, null AS claim
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $limit}) YIELD node, score
  OPTIONAL MATCH (c:Claim)-[:SUPPORTED_BY]->(node)
  RETURN node, score, c AS claim
}
RETURN node {.*, labels: labels(node)} AS node, score,
       CASE WHEN claim IS NULL THEN null ELSE {
         claim: claim {.*, labels: labels(claim)},
         about: [(claim)-[:ABOUT]->(x) | x {.*, labels: labels(x)}][0],
         subject: [(claim)-[:SUBJECT]->(s) | s.id][0],
         object: [(claim)-[:OBJECT]->(o) | o.id][0]
       } END AS via
ORDER BY score DESC, node.id
LIMIT $limit
