import { z } from 'zod';
import { CLAIM_ASPECT_WORDS, CLAIM_STANCE_WORDS, DEFAULT_CLAIM_ASPECT } from './claims.js';
import { DATE_PRECISION_WORDS } from './dates.js';
import { EDGE_TYPE_WORDS, type NodeLabel } from './edges.js';
import { ENTITY_KIND_WORDS, ENTITY_KINDS, type EntityTypeName } from './entities.js';
import { EVENT_STATUS_WORDS, EVENT_TYPE_WORDS } from './events.js';
import { RELATION_ROLE_WORDS, RELATION_ROLES } from './roles.js';
import { wordIn } from './words.js';

/**
 * The shapes that leave the repositories, as zod schemas: every row Neo4j returns is parsed by one
 * of them (never cast), so a property of the wrong type or a word outside the vocabulary is caught
 * where it leaves the database. Neo4j stores no nulls: an absent optional property parses as null.
 */

const optional = <T extends z.ZodType>(t: T) => t.nullable().default(null);
/** Absent (null in a projection, missing from a property map): `value`. */
const orElse = <T extends z.ZodType>(t: T, value: z.output<T>) => t.nullish().transform((v) => v ?? value);
const list = <T extends z.ZodType>(t: T) =>
  z
    .array(t)
    .nullish()
    .transform((v) => v ?? []);
const labels = z.array(z.string());

/**
 * The order of a node row's values as the read queries send them (cypher/fragments/<label>-map.cypher):
 * a list, not a map, because the driver decodes a list without a key string per value (the nested
 * benchmark query at 10k: ~40% less decoding in Node, ~35% less time in Neo4j). id and labels come
 * first, so that Cypher reads them as row[0] and row[1]. A claim no editor touched sends the values up
 * to relationType only. test/unit/node-map.test.ts keeps each fragment in this order.
 */
export const NODE_ROW_KEYS = {
  Entity: ['id', 'labels', 'kind', 'name', 'wikidataId', 'nameDe', 'aliases', 'description'],
  Event: [
    'id',
    'labels',
    'type',
    'label',
    'cameo',
    'quadClass',
    'goldstein',
    'dateValue',
    'datePrecision',
    'dateText',
    'sortDate',
    'orderDate',
    'orderRank',
    'status',
    'labelDe',
  ],
  Dispute: ['id', 'labels', 'name', 'nameDe', 'description'],
  Claim: [
    'id',
    'labels',
    'localId',
    'documentId',
    'stance',
    'aspect',
    'statement',
    'aboutKind',
    'aboutId',
    'relationType',
    'retracted',
    'retractedReason',
    'retractedAt',
    'retractedBy',
    'corrections',
    'correctedAt',
    'correctedBy',
    'history',
  ],
  Evidence: ['id', 'labels', 'documentId', 'claimId', 'quote', 'start', 'end', 'sentenceIndex', 'gloss', 'sentence'],
  Document: [
    'id',
    'labels',
    'slug',
    'title',
    'publisher',
    'language',
    'publishedValue',
    'publishedPrecision',
    'publishedText',
    'url',
    'sha256',
    'sentenceCount',
    'text',
  ],
} as const satisfies Record<Exclude<NodeLabel, 'Sentence'>, readonly string[]>;

/** The order of an edge row's values (cypher/fragments/edge.cypher), a list for the same reason. */
export const EDGE_ROW_KEYS = ['type', 'from', 'to', 'relationId', 'role', 'stance', 'claimIds'] as const;

/**
 * What a property only some fields of the API read stands for when the query left it out: a query
 * sends it when the operation reads one of those fields (src/graphql/projection.ts), else `false`
 * (`ELSE false` in cypher/fragments/<label>-map.cypher: a value no such property holds), read as a
 * value that operation never reads. An absent property (null) is still refused by the schema.
 */
type LeftOut = Readonly<Record<string, unknown>>;
export const LEFT_OUT: Partial<Record<keyof typeof NODE_ROW_KEYS, LeftOut>> = {
  Event: {
    type: EVENT_TYPE_WORDS[0],
    cameo: '',
    quadClass: 0,
    goldstein: 0,
    datePrecision: DATE_PRECISION_WORDS[0],
    status: EVENT_STATUS_WORDS[0],
  },
  Claim: {
    localId: '',
    documentId: '',
    stance: CLAIM_STANCE_WORDS[0],
    aspect: DEFAULT_CLAIM_ASPECT,
    aboutKind: '',
    aboutId: '',
  },
  Evidence: { documentId: '', claimId: '', start: 0, end: 0, sentenceIndex: 0 },
};

/** A row sent as a list, as the object of its keys (left-out values read as LEFT_OUT); a map (a write's `c {.*}`) as it is. */
function objectOf(keys: readonly string[], row: unknown, leftOut: LeftOut = {}): unknown {
  if (!Array.isArray(row)) return row;
  const o: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = row[i];
    o[key] = value === false && key in leftOut ? leftOut[key] : value;
  }
  return o;
}
/** A schema of an object that also reads it as a list of values in the order of `keys`. */
export const fromRow = <T extends z.ZodType>(keys: readonly string[], schema: T, leftOut?: LeftOut) =>
  z.preprocess((row) => objectOf(keys, row, leftOut), schema);

const entityFields = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KIND_WORDS),
  name: z.string(),
  nameDe: z.string(),
  aliases: list(z.string()),
  description: optional(z.string()),
  wikidataId: optional(z.string()),
  documentIds: list(z.string()),
  /** What each document says of it: "<documentId>|<field>|<value>", in the order of the merge rule (06b). */
  sourceValues: list(z.string()),
  labels,
});
export const entityRecord = fromRow(NODE_ROW_KEYS.Entity, entityFields);
export type EntityRecord = z.infer<typeof entityFields>;

const eventFields = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPE_WORDS),
  label: z.string(),
  labelDe: z.string(),
  cameo: z.string(),
  quadClass: z.number().int(),
  goldstein: z.number(),
  dateValue: optional(z.string()),
  datePrecision: z.enum(DATE_PRECISION_WORDS),
  dateText: optional(z.string()),
  sortDate: optional(z.string()),
  /** Where it stands in a timeline: never before what it answers or is part of (see ingest/plan.ts). */
  orderDate: optional(z.string()),
  orderRank: orElse(z.number().int(), 0),
  status: z.enum(EVENT_STATUS_WORDS),
  documentIds: list(z.string()),
  labels,
});
export const eventRecord = fromRow(NODE_ROW_KEYS.Event, eventFields, LEFT_OUT.Event);
export type EventRecord = z.infer<typeof eventFields>;

const disputeFields = z.object({
  id: z.string(),
  name: z.string(),
  nameDe: z.string(),
  description: z.string(),
  documentIds: list(z.string()),
  labels,
});
export const disputeRecord = fromRow(NODE_ROW_KEYS.Dispute, disputeFields);
export type DisputeRecord = z.infer<typeof disputeFields>;

const claimFields = z.object({
  id: z.string(),
  localId: z.string(),
  documentId: z.string(),
  stance: z.enum(CLAIM_STANCE_WORDS),
  aspect: orElse(z.enum(CLAIM_ASPECT_WORDS), DEFAULT_CLAIM_ASPECT),
  statement: z.string(),
  aboutKind: z.string(),
  aboutId: z.string(),
  relationType: optional(z.enum(EDGE_TYPE_WORDS)),
  retracted: orElse(z.boolean(), false),
  retractedReason: optional(z.string()),
  retractedAt: optional(z.string()),
  retractedBy: optional(z.string()),
  corrections: orElse(z.number().int(), 0),
  correctedAt: optional(z.string()),
  correctedBy: optional(z.string()),
  history: list(z.string()),
  labels,
});
export const claimRecord = fromRow(NODE_ROW_KEYS.Claim, claimFields, LEFT_OUT.Claim);
export type ClaimRecord = z.infer<typeof claimFields>;

const evidenceFields = z.object({
  id: z.string(),
  documentId: z.string(),
  claimId: z.string(),
  quote: z.string(),
  gloss: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentenceIndex: z.number().int(),
  sentence: z.string(),
  labels,
});
export const evidenceRecord = fromRow(NODE_ROW_KEYS.Evidence, evidenceFields, LEFT_OUT.Evidence);
export type EvidenceRecord = z.infer<typeof evidenceFields>;

const documentFields = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  publisher: z.string(),
  language: z.string(),
  publishedValue: optional(z.string()),
  publishedPrecision: z.enum(DATE_PRECISION_WORDS),
  publishedText: optional(z.string()),
  url: optional(z.string()),
  sha256: z.string(),
  sentenceCount: z.number().int(),
  text: z.string(),
  labels,
});
export const documentRecord = fromRow(NODE_ROW_KEYS.Document, documentFields);
export type DocumentRecord = z.infer<typeof documentFields>;

export type NodeRecord = EntityRecord | EventRecord | DisputeRecord | ClaimRecord | EvidenceRecord | DocumentRecord;

/** A node row (cypher/fragments/node-map.cypher), parsed by the schema of its first label. */
export const NODE_SCHEMAS = [
  ['Entity', entityFields],
  ['Event', eventFields],
  ['Dispute', disputeFields],
  ['Claim', claimFields],
  ['Evidence', evidenceFields],
  ['Document', documentFields],
] as const;

export const nodeRecord = z.custom<NodeRecord>().transform((row, ctx): NodeRecord => {
  const rowLabels = Array.isArray(row) ? row[1] : (row as { labels?: unknown } | null)?.labels;
  const match = Array.isArray(rowLabels) ? NODE_SCHEMAS.find(([l]) => rowLabels.includes(l)) : undefined;
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `not a node of the model (labels ${JSON.stringify(rowLabels)})` });
    return z.NEVER;
  }
  const parsed = match[1].safeParse(objectOf(NODE_ROW_KEYS[match[0]], row, LEFT_OUT[match[0]]));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});

/** A relationship of the fast "truthy" view, with the claims that support it. */
export const edgeFields = z.object({
  type: z.enum(EDGE_TYPE_WORDS),
  from: z.string(),
  to: z.string(),
  relationId: optional(z.string()),
  // A role written before roles were a vocabulary ("critic") reads as its word, or null.
  role: z.preprocess(
    (v) => (typeof v === 'string' ? (wordIn(RELATION_ROLES, v) ?? null) : v),
    optional(z.enum(RELATION_ROLE_WORDS)),
  ),
  stance: optional(z.string()),
  claimIds: list(z.string()),
});
export const edgeRecord = fromRow(EDGE_ROW_KEYS, edgeFields);
export type EdgeRecord = z.infer<typeof edgeFields>;

export const mentionRecord = z.object({
  documentId: z.string(),
  entityId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  sentenceIndex: z.number().int(),
});
export type MentionRecord = z.infer<typeof mentionRecord>;

export const sentenceRecord = z.object({
  documentId: z.string(),
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export type SentenceRecord = z.infer<typeof sentenceRecord>;

const has = (r: { labels: string[] }, label: string) => Array.isArray(r.labels) && r.labels.includes(label);
export const isEntity = (r: NodeRecord): r is EntityRecord => has(r, 'Entity');
export const isActor = (r: NodeRecord): r is EntityRecord => has(r, 'Actor');
export const isEvent = (r: NodeRecord): r is EventRecord => has(r, 'Event');
export const isDispute = (r: NodeRecord): r is DisputeRecord => has(r, 'Dispute');
export const isClaim = (r: NodeRecord): r is ClaimRecord => has(r, 'Claim');
export const isEvidence = (r: NodeRecord): r is EvidenceRecord => has(r, 'Evidence');
export const isDocument = (r: NodeRecord): r is DocumentRecord => has(r, 'Document');

export type NodeTypeName = EntityTypeName | 'Event' | 'Dispute' | 'Claim' | 'Evidence' | 'Document';

/** The GraphQL type name of any node record. */
export function typeNameOf(r: NodeRecord): NodeTypeName {
  if (isEntity(r)) return ENTITY_KINDS[r.kind].type;
  if (isEvent(r)) return 'Event';
  if (isDispute(r)) return 'Dispute';
  if (isClaim(r)) return 'Claim';
  if (isEvidence(r)) return 'Evidence';
  return 'Document';
}

/** The property a node of each label is called by in lists and graph views (its `label`). */
export const DISPLAY_KEY = {
  Entity: 'name',
  Dispute: 'name',
  Event: 'label',
  Claim: 'statement',
  Evidence: 'quote',
  Document: 'title',
} as const satisfies Record<keyof typeof NODE_ROW_KEYS, string>;

/** What a node is called in lists and graph views. */
export function displayName(r: NodeRecord): string {
  if (isEntity(r)) return r[DISPLAY_KEY.Entity];
  if (isDispute(r)) return r[DISPLAY_KEY.Dispute];
  if (isEvent(r)) return r[DISPLAY_KEY.Event];
  if (isClaim(r)) return r[DISPLAY_KEY.Claim];
  if (isEvidence(r)) return r[DISPLAY_KEY.Evidence];
  return r[DISPLAY_KEY.Document];
}

/** What one document says of an entity. */
export interface EntitySource {
  documentId: string;
  kind: string | null;
  name: string | null;
  nameDe: string | null;
  description: string | null;
  wikidataId: string | null;
  aliases: string[];
}

/** An entity's per-document values (its sourceValues), earliest-published document first (as the merge rule counts them). */
export function entitySources(sourceValues: readonly string[]): EntitySource[] {
  const byDocument = new Map<string, EntitySource>();
  for (const entry of sourceValues) {
    const [documentId = '', field = ''] = entry.split('|', 2);
    const value = entry.slice(documentId.length + field.length + 2);
    let s = byDocument.get(documentId);
    if (!s) {
      s = { documentId, kind: null, name: null, nameDe: null, description: null, wikidataId: null, aliases: [] };
      byDocument.set(documentId, s);
    }
    if (field === 'alias') s.aliases.push(value);
    else if (
      field === 'kind' ||
      field === 'name' ||
      field === 'nameDe' ||
      field === 'description' ||
      field === 'wikidataId'
    )
      s[field] = value;
  }
  return [...byDocument.values()];
}

/** The stable key of a relationship: KIND:from->to. */
export const edgeKey = (e: Pick<EdgeRecord, 'type' | 'from' | 'to'>) => `${e.type}:${e.from}->${e.to}`;
