/**
 * Properties of node rows that a query sends only when the operation reads them (`$projection` in
 * cypher/fragments/<label>-map.cypher): an evidence's whole sentence and offsets, an article's text,
 * aliases, an event's CAMEO code … Left out, they come as empty values or placeholders
 * (domain/records.ts). Which GraphQL fields read each one is in src/graphql/projection.ts; what the
 * server reads itself (ids, labels, names, statements, quotes, a timeline's order) is always sent.
 */
export const OPTIONAL_PROPERTIES = [
  'aliases',
  'nameDe',
  'description',
  'wikidataId',
  'labelDe',
  'type',
  'cameo',
  'quadClass',
  'goldstein',
  'status',
  'dateValue',
  'datePrecision',
  'dateText',
  'localId',
  'documentId',
  'stance',
  'aspect',
  'aboutKind',
  'aboutId',
  'relationType',
  'history',
  'claimId',
  'start',
  'end',
  'sentenceIndex',
  'gloss',
  'sentence',
  'text',
  /** Not a property: a claim's asserter as a whole node (else its id, loaded when read). */
  'asserter',
  /** Parts of a claim's details (cypher/fragments/claims-of-asks.cypher): its evidence, what it is about, its contradictions. */
  'claimEvidence',
  'claimAbout',
  'contradicts',
] as const;
export type OptionalProperty = (typeof OPTIONAL_PROPERTIES)[number];
export type Projection = Record<OptionalProperty, boolean>;

/** Every property: for callers that are not a GraphQL operation (exports, tests), and for reads a repository makes itself. */
export const fullProjection = (): Projection =>
  Object.fromEntries(OPTIONAL_PROPERTIES.map((p) => [p, true])) as Projection;
