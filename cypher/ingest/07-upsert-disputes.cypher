// documentIds stay sorted, whatever the order of ingests. Rows of several documents (row.documentId),
// in the order of the documents: the last one's properties stay, as when they are written one by one.
// sortName is the lower-case name that lists sort by (the dispute_sort_name index).
// Returns each node's element id (see 06).
UNWIND $rows AS row
MERGE (d:Dispute {id: row.id})
SET d += row.props,
    d.documentIds = [x IN coalesce(d.documentIds, []) WHERE x < row.documentId] + row.documentId
                    + [x IN coalesce(d.documentIds, []) WHERE x > row.documentId]
SET d.sortName = toLower(d.name)
RETURN d.id AS id, elementId(d) AS node
