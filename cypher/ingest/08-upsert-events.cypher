// documentIds stay sorted, whatever the order of ingests. Rows of several documents (row.documentId),
// in the order of the documents: the last one's properties stay, as when they are written one by one.
// Returns each node's element id (see 06).
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e += row.props,
    e.documentIds = [x IN coalesce(e.documentIds, []) WHERE x < row.documentId] + row.documentId
                    + [x IN coalesce(e.documentIds, []) WHERE x > row.documentId]
RETURN e.id AS id, elementId(e) AS node
