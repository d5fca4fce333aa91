UNWIND $ids AS id
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: id})
WITH id, d, m ORDER BY d.id, m.start
RETURN id, collect(CASE WHEN m IS NULL THEN null ELSE
  {documentId: d.id, entityId: id, start: m.start, end: m.end, text: m.text, sentenceIndex: m.sentenceIndex} END) AS mentions
