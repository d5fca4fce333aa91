// Every truthy edge the documents give, once: row.type is a relationship type the writer checked
// against RELATION_TYPES and EVENT_EDGE_TYPES (allow-lists in code); row.from and row.to are the element
// ids 06–08 returned in this transaction (nodes this transaction has write-locked, so no other one adds
// or removes their relationships before it commits). The edge is looked for among the relationships
// between its two nodes of the truthy types (__EDGE_TYPES__, the same allow-lists), else created. Neo4j
// 5.26 plans a MERGE or MATCH whose type is a parameter, or that names no type, planned on an empty graph,
// as a scan of every relationship, and keeps that plan while the graph grows; with literal types it
// expands from the two nodes.
// Edges are the fast "truthy" view; claimIds lead to the claims and their evidence. Both lists keep one
// order whatever the order of ingests: documents by id, each document's claims in the order of its file.
// row.updates: what each document says of the edge, in the order of the documents, applied one after the
// other as if they were written one by one; row.props: the properties the last of them gives.
// Each list is read in the SET that writes it, after the node locks (no lost update).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
OPTIONAL MATCH (a)-[old:__EDGE_TYPES__]->(b) WHERE type(old) = row.type
CALL (a, b, row, old) {
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
  UNION
  WITH a, b, row, old WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  RETURN r
}
SET r += row.props,
    r.claimIds = reduce(ids = coalesce(r.claimIds, []), u IN row.updates |
                   [c IN ids WHERE c < u.claimPrefix]
                   + [c IN ids WHERE c STARTS WITH u.claimPrefix AND NOT c IN u.claimIds]
                   + u.claimIds
                   + [c IN ids WHERE c > u.claimPrefix AND NOT c STARTS WITH u.claimPrefix]),
    r.documentIds = reduce(ids = coalesce(r.documentIds, []), u IN row.updates |
                      [d IN ids WHERE d < u.documentId] + u.documentId + [d IN ids WHERE d > u.documentId])
RETURN count(r) AS written
