// A node as the read side returns it: its properties and labels, without the per-document
// bookkeeping of shared nodes (sourceValues, documentIds), which grows with every document that
// names a hub (Russia: ~900 documents of the 1M corpus) and which only Entity.sources reads, nor the
// ids of the shared nodes a document holds (entityIds, eventIds, disputeIds; only ingest reads them),
// nor the search fields (searchKeys, aliasText: derived from the aliases, read only by search).
%1 {.*, labels: labels(%1), sourceValues: null, documentIds: null, entityIds: null, eventIds: null, disputeIds: null, searchKeys: null, aliasText: null}
