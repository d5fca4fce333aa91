// __TYPE__ is a relationship type from RELATION_TYPES or EVENT_EDGE_TYPES (allow-lists in code).
// Edges are the fast "truthy" view; claimIds lead to the claims and their evidence. Both lists keep one
// order whatever the order of ingests: documents by id, each document's claims in the order of its file.
// Each list is read in the SET that writes it, so Neo4j locks the edge before reading (no lost update).
UNWIND $rows AS row
{{graph-node row row.from a}}
{{graph-node row row.to b}}
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props,
    r.claimIds = [c IN coalesce(r.claimIds, []) WHERE c < $claimPrefix]
                 + [c IN coalesce(r.claimIds, []) WHERE c STARTS WITH $claimPrefix AND NOT c IN row.claimIds]
                 + row.claimIds
                 + [c IN coalesce(r.claimIds, []) WHERE c > $claimPrefix AND NOT c STARTS WITH $claimPrefix],
    r.documentIds = [d IN coalesce(r.documentIds, []) WHERE d < $documentId] + $documentId
                    + [d IN coalesce(r.documentIds, []) WHERE d > $documentId]
RETURN count(r) AS written
