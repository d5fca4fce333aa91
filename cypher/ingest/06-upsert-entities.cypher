// __LABELS__ and __ALL_KIND_LABELS__ are filled from KIND_LABELS in src/ingest/plan.ts (an allow-list).
// Aliases and search keys are kept per document ("<documentId>|<alias>"); 06b derives the union.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
REMOVE e:__ALL_KIND_LABELS__
SET e:__LABELS__
SET e += row.props,
    e.documentIds = CASE WHEN $documentId IN coalesce(e.documentIds, []) THEN e.documentIds
                         ELSE coalesce(e.documentIds, []) + $documentId END,
    e.aliasSources = [x IN coalesce(e.aliasSources, []) WHERE NOT x STARTS WITH $documentId + '|']
                     + [a IN row.aliases | $documentId + '|' + a],
    e.keySources = [x IN coalesce(e.keySources, []) WHERE NOT x STARTS WITH $documentId + '|']
                   + [k IN row.keys | $documentId + '|' + k],
    e.namesStale = true
