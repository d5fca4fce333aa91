// Re-ingest replaces a document's own nodes: its claims, evidence and sentences go first.
CALL () {
  MATCH (c:Claim {documentId: $documentId}) RETURN c AS n
  UNION MATCH (e:Evidence {documentId: $documentId}) RETURN e AS n
  UNION MATCH (s:Sentence {documentId: $documentId}) RETURN s AS n
}
DETACH DELETE n
