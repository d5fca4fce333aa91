// __LABELS__ and __ALL_KIND_LABELS__ are filled from KIND_LABELS in src/ingest/plan.ts (an allow-list).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
REMOVE e:__ALL_KIND_LABELS__
SET e:__LABELS__
SET e += row.props,
    e.documentIds = CASE WHEN $documentId IN coalesce(e.documentIds, []) THEN e.documentIds
                         ELSE coalesce(e.documentIds, []) + $documentId END
