UNWIND $ids AS id
OPTIONAL MATCH (:Document {id: id})-[m:MENTIONS]->(e:Entity)
WITH id, e, m ORDER BY m.start
RETURN id, collect(CASE WHEN m IS NULL THEN null ELSE
  {documentId: id, entityId: e.id, start: m.start, end: m.end, text: m.text, sentenceIndex: m.sentenceIndex} END) AS mentions
