/** The shapes that leave the repositories: Neo4j node properties, checked and typed. */

export interface EntityRecord {
  id: string;
  kind: string;
  name: string;
  nameDe: string;
  aliases: string[];
  description: string | null;
  wikidataId: string | null;
  documentIds: string[];
  /** What each document says of it: "<documentId>|<field>|<value>", in the order of the merge rule (06b). */
  sourceValues: string[];
  labels: string[];
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

/** The per-document values of an entity, earliest-published document first (as the merge rule counts them). */
export function entitySources(e: EntityRecord): EntitySource[] {
  const byDocument = new Map<string, EntitySource>();
  for (const entry of e.sourceValues) {
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

export interface EventRecord {
  id: string;
  type: string;
  label: string;
  labelDe: string;
  cameo: string;
  quadClass: number;
  goldstein: number;
  dateValue: string | null;
  datePrecision: string;
  dateText: string | null;
  sortDate: string | null;
  status: string;
  documentIds: string[];
  labels: string[];
}

export interface DisputeRecord {
  id: string;
  name: string;
  nameDe: string;
  description: string;
  documentIds: string[];
  labels: string[];
}

export interface ClaimRecord {
  id: string;
  localId: string;
  documentId: string;
  stance: string;
  statement: string;
  aboutKind: string;
  aboutId: string;
  relationType: string | null;
  retracted: boolean;
  retractedReason: string | null;
  retractedAt: string | null;
  retractedBy: string | null;
  corrections: number;
  correctedAt: string | null;
  correctedBy: string | null;
  history: string[];
  labels: string[];
}

export interface EvidenceRecord {
  id: string;
  documentId: string;
  claimId: string;
  quote: string;
  gloss: string;
  start: number;
  end: number;
  sentenceIndex: number;
  sentence: string;
  labels: string[];
}

export interface DocumentRecord {
  id: string;
  slug: string;
  title: string;
  publisher: string;
  language: string;
  publishedValue: string | null;
  publishedPrecision: string;
  publishedText: string | null;
  url: string | null;
  sha256: string;
  sentenceCount: number;
  text: string;
  labels: string[];
}

export type NodeRecord = EntityRecord | EventRecord | DisputeRecord | ClaimRecord | EvidenceRecord | DocumentRecord;

/** A relationship of the fast "truthy" view, with the claims that support it. */
export interface EdgeRecord {
  type: string;
  from: string;
  to: string;
  relationId: string | null;
  role: string | null;
  roleDe: string | null;
  stance: string | null;
  claimIds: string[];
}

export interface MentionRecord {
  documentId: string;
  entityId: string;
  start: number;
  end: number;
  text: string;
  sentenceIndex: number;
}

export interface SentenceRecord {
  documentId: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

const has = (r: { labels: string[] }, label: string) => r.labels.includes(label);
export const isEntity = (r: NodeRecord): r is EntityRecord => has(r, 'Entity');
export const isActor = (r: NodeRecord): r is EntityRecord => has(r, 'Actor');
export const isEvent = (r: NodeRecord): r is EventRecord => has(r, 'Event');
export const isDispute = (r: NodeRecord): r is DisputeRecord => has(r, 'Dispute');
export const isClaim = (r: NodeRecord): r is ClaimRecord => has(r, 'Claim');
export const isEvidence = (r: NodeRecord): r is EvidenceRecord => has(r, 'Evidence');
export const isDocument = (r: NodeRecord): r is DocumentRecord => has(r, 'Document');

/** The GraphQL type of an entity, from its kind. */
export const ENTITY_TYPE_BY_KIND: Record<string, string> = {
  STATE: 'State',
  PERSON: 'Person',
  ALLIANCE: 'Alliance',
  ORGANIZATION: 'Organization',
  GOVERNMENT_BODY: 'Organization',
  COUNCIL: 'Organization',
  MILITARY: 'Organization',
  MEDIA: 'Organization',
  ARMED_GROUP: 'ArmedGroup',
  COALITION: 'Coalition',
  REGION: 'Place',
  MATERIEL: 'Materiel',
};

/** The GraphQL types of entities. */
export const ENTITY_TYPES = [...new Set(Object.values(ENTITY_TYPE_BY_KIND))];

/** The GraphQL type name of any node record. */
export function typeNameOf(r: NodeRecord): string {
  if (isEntity(r)) return ENTITY_TYPE_BY_KIND[r.kind] ?? 'Organization';
  if (isEvent(r)) return 'Event';
  if (isDispute(r)) return 'Dispute';
  if (isClaim(r)) return 'Claim';
  if (isEvidence(r)) return 'Evidence';
  return 'Document';
}

/** A display label for a node in graph views. */
export function displayName(r: NodeRecord): string {
  if (isEntity(r) || isDispute(r)) return r.name;
  if (isEvent(r)) return r.label;
  if (isClaim(r)) return r.statement;
  if (isEvidence(r)) return r.quote;
  return r.title;
}

const OPTIONAL_PROPERTIES = [
  'description',
  'wikidataId',
  'dateValue',
  'dateText',
  'sortDate',
  'relationType',
  'url',
  'publishedValue',
  'publishedText',
  'retractedReason',
  'retractedAt',
  'retractedBy',
  'correctedAt',
  'correctedBy',
] as const;

/** Neo4j stores no nulls: a missing optional property is made an explicit null as records leave the database. */
export function normalize<T extends NodeRecord>(record: T): T {
  const r = record as unknown as Record<string, unknown>;
  for (const key of OPTIONAL_PROPERTIES) if (r[key] === undefined) r[key] = null;
  if (isEntity(record)) {
    if (!Array.isArray(record.aliases)) r.aliases = [];
    if (!Array.isArray(record.sourceValues)) r.sourceValues = [];
  }
  if (isClaim(record)) {
    r.retracted ??= false;
    r.corrections ??= 0;
    r.history ??= [];
  }
  return record;
}
