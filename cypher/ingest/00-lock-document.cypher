// Write-locks the document and its claims before anything is read: ingests of one document run one
// after another, and no retraction or correction of its claims can commit between reading their
// editorial history (00b) and re-applying it (13b).
MERGE (d:Document {id: $documentId})
SET d.ingestLock = true
REMOVE d.ingestLock
WITH d
OPTIONAL MATCH (c:Claim {documentId: $documentId})
SET c.editLock = true
REMOVE c.editLock
RETURN count(c) AS claims
