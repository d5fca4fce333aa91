// A node as the read side returns it: the properties of its record (src/domain/records.ts; a unit
// test keeps the lists equal), per label, so that no bookkeeping of the loader travels (an entity's
// sourceValues and documentIds grow with every document that names it; search keys; the ids a
// document holds). $projection says which long texts and lists the operation reads (see
// src/graphql/projection.ts): the others come as empty values, never read by that operation.
CASE
  WHEN %1:Entity THEN %1 {.id, .kind, .name, .wikidataId, labels: labels(%1),
    nameDe: CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
    aliases: CASE WHEN $projection.aliases THEN %1.aliases ELSE [] END,
    description: CASE WHEN $projection.description THEN %1.description END}
  WHEN %1:Event THEN %1 {.id, .type, .label, .cameo, .quadClass, .goldstein, .dateValue, .datePrecision, .dateText,
    .sortDate, .orderDate, .orderRank, .status, labels: labels(%1),
    labelDe: CASE WHEN $projection.labelDe THEN %1.labelDe ELSE '' END}
  WHEN %1:Dispute THEN %1 {.id, .name, labels: labels(%1),
    nameDe: CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
    description: CASE WHEN $projection.description THEN %1.description ELSE '' END}
  // A claim no editor touched has no retraction or correction to send.
  WHEN %1:Claim AND %1.retracted IS NULL AND %1.corrections IS NULL THEN %1 {.id, .localId, .documentId, .stance,
    .aspect, .statement, .aboutKind, .aboutId, .relationType, labels: labels(%1)}
  WHEN %1:Claim THEN %1 {.id, .localId, .documentId, .stance, .aspect, .statement, .aboutKind, .aboutId,
    .relationType, .retracted, .retractedReason, .retractedAt, .retractedBy, .corrections, .correctedAt,
    .correctedBy, labels: labels(%1),
    history: CASE WHEN $projection.history THEN %1.history ELSE [] END}
  WHEN %1:Evidence THEN %1 {.id, .documentId, .claimId, .quote, .start, .end, .sentenceIndex, labels: labels(%1),
    gloss: CASE WHEN $projection.gloss THEN %1.gloss ELSE '' END,
    sentence: CASE WHEN $projection.sentence THEN %1.sentence ELSE '' END}
  WHEN %1:Document THEN %1 {.id, .slug, .title, .publisher, .language, .publishedValue, .publishedPrecision,
    .publishedText, .url, .sha256, .sentenceCount, labels: labels(%1),
    text: CASE WHEN $projection.text THEN %1.text ELSE '' END}
END
