// Full-text search (German analyzer) over names, aliases, labels and descriptions, and over evidence
// quotes; an evidence hit comes with the claim it supports and the fact that claim shows (what it is
// about, or the relationship it asserts, with its object), so hits are grouped without another query.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, null AS claim
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $limit}) YIELD node, score
  OPTIONAL MATCH (c:Claim)-[:SUPPORTED_BY]->(node)
  RETURN node, score, c AS claim
}
RETURN {{node-map node}} AS node, score,
       CASE WHEN claim IS NULL THEN null ELSE {
         claim: {{claim-map claim}},
         about: [(claim)-[:ABOUT]->(x) | {{node-map x}}][0],
         object: [(claim)-[:OBJECT]->(o) | {{node-map o}}][0],
         edge: [(claim)-[:SUBJECT]->(s)-[r]->(o)<-[:OBJECT]-(claim) WHERE type(r) = claim.relationType | {{edge r}}][0]
       } END AS via
ORDER BY score DESC, node[0] // the node's id (a row is a list: domain/records.ts)
LIMIT $limit
