UNWIND $rows AS row
MERGE (d:Dispute {id: row.id})
SET d += row.props,
    d.documentIds = CASE WHEN $documentId IN coalesce(d.documentIds, []) THEN d.documentIds
                         ELSE coalesce(d.documentIds, []) + $documentId END
