// A node of any label as the read side returns it: the row of its label (<label>-map.cypher, a list
// whose first value is the id and second the labels), the
// properties of its record and no bookkeeping of the loader (an entity's sourceValues and
// documentIds grow with every document that names it; search keys; the ids a document holds).
// $projection says which long texts and lists the operation reads (src/graphql/projection.ts):
// the others come as empty values, never read by that operation. Where the label is known, a query
// uses that label's map.
CASE
  WHEN %1:Entity THEN {{entity-map %1}}
  WHEN %1:Event THEN {{event-map %1}}
  WHEN %1:Dispute THEN {{dispute-map %1}}
  WHEN %1:Claim THEN {{claim-map %1}}
  WHEN %1:Evidence THEN {{evidence-map %1}}
  WHEN %1:Document THEN {{document-map %1}}
END
