// Re-ingest replaces a document's own nodes: its claims, evidence and sentences go first, and its mentions.
// The index hints keep the plan right when it was made on an almost empty graph.
CALL () {
  MATCH (c:Claim {documentId: $documentId}) USING INDEX c:Claim(documentId) RETURN c AS n
  UNION MATCH (e:Evidence {documentId: $documentId}) USING INDEX e:Evidence(documentId) RETURN e AS n
  UNION MATCH (s:Sentence {documentId: $documentId}) USING INDEX s:Sentence(documentId) RETURN s AS n
}
DETACH DELETE n
WITH count(*) AS removed
MATCH (:Document {id: $documentId})-[m:MENTIONS]->()
DELETE m
