MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c += row.props
MERGE (c)-[:SOURCED_FROM]->(d)
WITH c, row
MATCH (who:Entity {id: row.assertedBy})
MERGE (c)-[:ASSERTED_BY]->(who)
WITH c, row
CALL (c, row) {
  WITH c, row WHERE row.aboutKind IN ['event', 'dispute']
  {{graph-node row row.aboutId x}}
  MERGE (c)-[:ABOUT]->(x)
  UNION
  WITH c, row WHERE row.aboutKind = 'relation'
  MATCH (s:Entity {id: row.subject})
  {{graph-node row row.object o}}
  MERGE (c)-[:SUBJECT]->(s)
  MERGE (c)-[:OBJECT]->(o)
}
RETURN count(c) AS written
