// The merge rule of shared entities: what an entity shows is derived from what every document that
// names it says (sourceValues, "<documentId>|<field>|<value>"), the same whatever the order of ingests.
// Documents count in one order: earliest published first (the first day of the publication period;
// undated last), ties by document id. Each field shows the value of the first document that gives one;
// a document that gives none (no description, no Wikidata id) erases nothing. Aliases and search keys
// are the union, in that order. The labels follow the kind shown; they come from $kindLabels
// (KIND_LABELS in src/domain/entities.ts, an allow-list), __ALL_KIND_LABELS__ likewise.
// Only the entities this ingest touched ($entityIds: the document's and those it released, sorted).
UNWIND $entityIds AS id
MATCH (e:Entity {id: id})
WHERE e.namesStale = true
CALL (e) {
  UNWIND coalesce(e.documentIds, []) AS docId
  OPTIONAL MATCH (d:Document {id: docId})
  WITH docId, coalesce(d.publishedValue, '') AS v
  WITH docId,
       CASE size(v) WHEN 4 THEN v + '-01-01' WHEN 7 THEN v + '-01' WHEN 10 THEN v ELSE '9999-12-31' END AS day
  ORDER BY day, docId
  RETURN collect(docId) AS docs
}
// The values in that order of their documents (each document's in the order stored), those of
// documents that no longer name it left out: a hash join of documents and values on the document id,
// not a scan of every value per document (quadratic for a hub that ~1,000 documents name).
CALL (e, docs) {
  WITH e, docs, coalesce(e.sourceValues, []) AS values
  UNWIND [r IN range(0, size(docs) - 1) | {doc: docs[r], rank: r}]
         + [i IN range(0, size(values) - 1) | {doc: split(values[i], '|')[0], at: i, value: values[i]}] AS row
  WITH row.doc AS doc, collect(row) AS rows
  WITH [q IN rows WHERE q.rank IS NOT NULL | q.rank][0] AS rank, [q IN rows WHERE q.value IS NOT NULL] AS said
  WHERE rank IS NOT NULL
  UNWIND said AS v
  WITH rank, v ORDER BY rank, v.at
  RETURN collect(v.value) AS ordered
}
WITH e, docs, ordered,
     [x IN ordered | [split(x, '|')[1], substring(x, size(split(x, '|')[0]) + size(split(x, '|')[1]) + 2)]] AS said
WITH e, docs, ordered,
     coalesce(head([p IN said WHERE p[0] = 'kind' | p[1]]), e.kind) AS kind,
     coalesce(head([p IN said WHERE p[0] = 'name' | p[1]]), e.name) AS name,
     coalesce(head([p IN said WHERE p[0] = 'nameDe' | p[1]]), e.nameDe) AS nameDe,
     head([p IN said WHERE p[0] = 'description' | p[1]]) AS description,
     head([p IN said WHERE p[0] = 'wikidataId' | p[1]]) AS wikidataId,
     reduce(acc = [], p IN said | CASE WHEN p[0] = 'alias' AND NOT p[1] IN acc THEN acc + p[1] ELSE acc END) AS aliases,
     reduce(acc = [], p IN said | CASE WHEN p[0] = 'key' AND NOT p[1] IN acc THEN acc + p[1] ELSE acc END) AS keys
REMOVE e:__ALL_KIND_LABELS__
SET e:$($kindLabels[kind])
SET e.documentIds = docs,
    e.sourceValues = ordered,
    e.kind = kind,
    e.name = name,
    e.sortName = toLower(name),
    e.nameDe = nameDe,
    e.description = description,
    e.wikidataId = wikidataId,
    e.aliases = aliases,
    e.searchKeys = keys,
    e.aliasText = reduce(s = '', a IN aliases | CASE s WHEN '' THEN a ELSE s + ' | ' + a END),
    e.namesStale = null,
    e.aliasSources = null,
    e.keySources = null
