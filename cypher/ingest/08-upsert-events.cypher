// documentIds stay sorted, whatever the order of ingests. Returns each node's element id (see 06).
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e += row.props,
    e.documentIds = [x IN coalesce(e.documentIds, []) WHERE x < $documentId] + $documentId
                    + [x IN coalesce(e.documentIds, []) WHERE x > $documentId]
RETURN e.id AS id, elementId(e) AS node
