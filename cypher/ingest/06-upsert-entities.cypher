// What a document says of each entity is kept per document in sourceValues
// ("<documentId>|<field>|<value>"); 06b derives the values the entity shows. Rows of several documents
// (row.documentId) come sorted by id, so concurrent ingests lock shared entities in one order. Returns
// each node's element id, by which the edges and claims find it (09, 10).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.documentIds = CASE WHEN row.documentId IN coalesce(e.documentIds, []) THEN e.documentIds
                         ELSE coalesce(e.documentIds, []) + row.documentId END,
    e.sourceValues = [x IN coalesce(e.sourceValues, []) WHERE NOT x STARTS WITH row.documentId + '|']
                     + [v IN row.values | row.documentId + '|' + v],
    e.namesStale = true
RETURN e.id AS id, elementId(e) AS node
