// Every claim from $fromDocument on, in documentId order (the claim_document index gives the order,
// so a page reads only the documents it shows).
MATCH (c:Claim) WHERE c.documentId >= $fromDocument
WITH c
