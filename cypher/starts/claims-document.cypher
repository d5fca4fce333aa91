// The claims of one document: the claim_document index.
MATCH (c:Claim {documentId: $documentId})
