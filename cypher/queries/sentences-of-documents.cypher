UNWIND $ids AS id
OPTIONAL MATCH (s:Sentence {documentId: id})
WITH id, s ORDER BY s.index
RETURN id, collect(CASE WHEN s IS NULL THEN null ELSE
  {documentId: id, index: s.index, start: s.start, end: s.end, text: s.text} END) AS sentences
