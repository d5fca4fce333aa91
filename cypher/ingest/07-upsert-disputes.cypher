// documentIds stay sorted, whatever the order of ingests. Returns each node's element id (see 06).
UNWIND $rows AS row
MERGE (d:Dispute {id: row.id})
SET d += row.props,
    d.documentIds = [x IN coalesce(d.documentIds, []) WHERE x < $documentId] + $documentId
                    + [x IN coalesce(d.documentIds, []) WHERE x > $documentId]
RETURN d.id AS id, elementId(d) AS node
