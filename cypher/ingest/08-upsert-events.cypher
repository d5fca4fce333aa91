UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e += row.props,
    e.documentIds = CASE WHEN $documentId IN coalesce(e.documentIds, []) THEN e.documentIds
                         ELSE coalesce(e.documentIds, []) + $documentId END
