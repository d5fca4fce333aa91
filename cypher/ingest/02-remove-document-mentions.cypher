MATCH (:Document {id: $documentId})-[m:MENTIONS]->()
DELETE m
