// Every truthy edge of the documents in one statement. row.type is a relationship type the writer
// checked against RELATION_TYPES and EVENT_EDGE_TYPES (allow-lists in code); row.from and row.to are
// the element ids 06–08 returned in this transaction. Rows of several documents (row.documentId,
// row.claimPrefix) in the order of the documents.
// Edges are the fast "truthy" view; claimIds lead to the claims and their evidence. Both lists keep one
// order whatever the order of ingests: documents by id, each document's claims in the order of its file.
// Each list is read in the SET that writes it, so Neo4j locks the edge before reading (no lost update).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props,
    r.claimIds = [c IN coalesce(r.claimIds, []) WHERE c < row.claimPrefix]
                 + [c IN coalesce(r.claimIds, []) WHERE c STARTS WITH row.claimPrefix AND NOT c IN row.claimIds]
                 + row.claimIds
                 + [c IN coalesce(r.claimIds, []) WHERE c > row.claimPrefix AND NOT c STARTS WITH row.claimPrefix],
    r.documentIds = [d IN coalesce(r.documentIds, []) WHERE d < row.documentId] + row.documentId
                    + [d IN coalesce(r.documentIds, []) WHERE d > row.documentId]
RETURN count(r) AS written
