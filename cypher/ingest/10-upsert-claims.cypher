// The documents' claims are new nodes (01 removed those of an earlier version). row.links: what the
// claim is about, [{type: 'ABOUT', to}] or [{type: 'SUBJECT', to}, {type: 'OBJECT', to}], `to` an
// element id 06–08 returned in this transaction, type one of these three (set by the writer).
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
CREATE (c:Claim {id: row.id})
SET c += row.props
CREATE (c)-[:SOURCED_FROM]->(d)
WITH c, row
MATCH (who:Entity {id: row.assertedBy})
CREATE (c)-[:ASSERTED_BY]->(who)
WITH c, row
UNWIND row.links AS link
MATCH (x) WHERE elementId(x) = link.to
CREATE (c)-[:$(link.type)]->(x)
RETURN count(*) AS written
