import { createHash } from 'node:crypto';
import { type Annotations, type EntityKind, RELATION_TYPES, type RelationType } from './annotation-schema.js';
import { findMentions, occurrences, type Sentence, searchKey, sentenceAt, splitSentences } from './text.js';

/** Labels per entity kind; the only place labels come from. */
export const KIND_LABELS: Record<EntityKind, readonly string[]> = {
  STATE: ['Actor', 'State'],
  PERSON: ['Actor', 'Person'],
  ALLIANCE: ['Actor', 'Organization', 'Alliance'],
  ORGANIZATION: ['Actor', 'Organization'],
  GOVERNMENT_BODY: ['Actor', 'Organization', 'GovernmentBody'],
  COUNCIL: ['Actor', 'Organization', 'Council'],
  MILITARY: ['Actor', 'Organization', 'Military'],
  MEDIA: ['Actor', 'Organization', 'Media'],
  ARMED_GROUP: ['Actor', 'ArmedGroup'],
  COALITION: ['Actor', 'Coalition'],
  REGION: ['Place', 'Region'],
  MATERIEL: ['Materiel'],
};
export const ALL_KIND_LABELS = [...new Set(Object.values(KIND_LABELS).flat())];

/** Edges from an event to what it involves; the only place these types come from. */
export const EVENT_EDGE_TYPES = [
  'HAS_SOURCE',
  'HAS_TARGET',
  'CONCERNS',
  'TAKES_PLACE_IN',
  'RESPONDS_TO',
  'IN_DISPUTE',
] as const;
export type EventEdgeType = (typeof EVENT_EDGE_TYPES)[number];
/** Every type of the truthy view: the only relationship types ingest writes and traversal follows. */
export const EDGE_TYPES = [...RELATION_TYPES, ...EVENT_EDGE_TYPES] as const;
export type DerivedEdgeType = RelationType | EventEdgeType;

/** The fields a document states of an entity, kept per document on the entity (sourceValues). */
export const ENTITY_FIELDS = ['kind', 'name', 'nameDe', 'description', 'wikidataId', 'alias', 'key'] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];

export interface EdgeRow {
  from: string;
  to: string;
  claimIds: string[];
  props: Record<string, string | null>;
}

export interface IngestPlan {
  documentId: string;
  claimPrefix: string;
  document: Record<string, string | number | null>;
  publisherEntity: string;
  sentences: { id: string; index: number; start: number; end: number; text: string }[];
  /** Sorted by id, so that concurrent ingests lock shared entities in the same order. */
  entities: { id: string; values: string[] }[];
  disputes: Record<string, unknown>[];
  events: Record<string, unknown>[];
  edges: Map<DerivedEdgeType, EdgeRow[]>;
  claims: {
    id: string;
    assertedBy: string;
    aboutId: string;
    aboutKind: string;
    subject: string | null;
    object: string | null;
    props: Record<string, unknown>;
  }[];
  evidence: { id: string; claimId: string; sentenceId: string; props: Record<string, unknown> }[];
  contradictions: { from: string; to: string }[];
  mentions: { entityId: string; start: number; end: number; text: string; sentenceIndex: number }[];
}

/** First day of the period a date names, for ordering; null when unknown. */
export function sortDate(value: string | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

/** CAMEO quad class from the root code: 1 verbal cooperation … 4 material conflict. */
export function quadClass(cameo: string): number {
  const root = Number(cameo.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 14) return 3;
  return 4;
}

/** Turns validated annotations and the article text into the rows the writer sends to Neo4j. */
export function planIngest(a: Annotations, text: string, slug: string): IngestPlan {
  const documentId = a.document.id;
  const claimPrefix = `${documentId}:`;
  const sentences = splitSentences(text);
  const sentenceId = (s: Sentence) => `${documentId}:s${s.index}`;

  // What this document says of each entity, field by field ("name|NATO", "alias|Nato"); absent when it
  // says nothing (no description). 06b derives what an entity shows from every document's say.
  const entities = a.entities
    .map((e) => {
      const names = [...new Set([e.name, e.nameDe, ...e.aliases])];
      const said: [EntityField, string | undefined][] = [
        ['kind', e.kind],
        ['name', e.name],
        ['nameDe', e.nameDe],
        ['description', e.description],
        ['wikidataId', e.wikidataId],
        ...e.aliases.map((x): [EntityField, string] => ['alias', x]),
        ...[...new Set(names.map(searchKey))].map((x): [EntityField, string] => ['key', x]),
      ];
      return { id: e.id, values: said.filter(([, v]) => v !== undefined).map(([f, v]) => `${f}|${v}`) };
    })
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const claimsAbout = new Map<string, string[]>();
  for (const c of a.claims) {
    const aboutId = Object.values(c.about)[0] as string;
    claimsAbout.set(aboutId, [...(claimsAbout.get(aboutId) ?? []), claimPrefix + c.id]);
  }

  const edges = new Map<DerivedEdgeType, EdgeRow[]>();
  const addEdge = (type: DerivedEdgeType, row: EdgeRow) => edges.set(type, [...(edges.get(type) ?? []), row]);
  for (const r of a.relations) {
    addEdge(r.type, {
      from: r.from,
      to: r.to,
      claimIds: claimsAbout.get(r.id) ?? [],
      props: { relationId: r.id, role: r.role ?? null, roleDe: r.roleDe ?? null, stance: r.stance ?? null },
    });
  }
  for (const e of a.events) {
    const claimIds = claimsAbout.get(e.id) ?? [];
    const roles: [EventEdgeType, string[]][] = [
      ['HAS_SOURCE', e.sources],
      ['HAS_TARGET', e.targets],
      ['CONCERNS', e.concerns],
      ['TAKES_PLACE_IN', e.locations],
      ['RESPONDS_TO', e.respondsTo],
      ['IN_DISPUTE', e.partOf],
    ];
    for (const [type, ids] of roles) for (const to of ids) addEdge(type, { from: e.id, to, claimIds, props: {} });
  }
  for (const d of a.disputes) {
    for (const to of d.concerns)
      addEdge('CONCERNS', { from: d.id, to, claimIds: claimsAbout.get(d.id) ?? [], props: {} });
  }

  const relationById = new Map(a.relations.map((r) => [r.id, r]));
  const claims: IngestPlan['claims'] = [];
  const evidence: IngestPlan['evidence'] = [];
  for (const c of a.claims) {
    const [aboutKind, aboutId] = Object.entries(c.about)[0] as [string, string];
    const relation = aboutKind === 'relation' ? relationById.get(aboutId) : undefined;
    const id = claimPrefix + c.id;
    claims.push({
      id,
      assertedBy: c.assertedBy,
      aboutId,
      aboutKind,
      subject: relation?.from ?? null,
      object: relation?.to ?? null,
      props: {
        localId: c.id,
        documentId,
        stance: c.stance,
        statement: c.statement,
        aboutKind,
        aboutId,
        relationType: relation?.type ?? null,
      },
    });
    c.evidence.forEach((ev, i) => {
      const start = occurrences(text, ev.quote)[(ev.occurrence ?? 1) - 1] ?? 0;
      const sentence = sentenceAt(sentences, start) ?? sentences[0];
      if (!sentence) throw new Error('the article has no sentence');
      evidence.push({
        id: `${id}:e${i}`,
        claimId: id,
        sentenceId: sentenceId(sentence),
        props: {
          documentId,
          claimId: id,
          quote: ev.quote,
          gloss: ev.gloss,
          start,
          end: start + ev.quote.length,
          sentenceIndex: sentence.index,
          sentence: sentence.text,
        },
      });
    });
  }

  const terms = a.entities.flatMap((e) =>
    [...new Set([e.name, e.nameDe, ...e.aliases])].map((term) => ({ entityId: e.id, term })),
  );
  const mentions = findMentions(text, terms).map((m) => ({
    ...m,
    sentenceIndex: sentenceAt(sentences, m.start)?.index ?? -1,
  }));

  return {
    documentId,
    claimPrefix,
    document: {
      id: documentId,
      slug,
      title: a.document.title,
      publisher: a.document.publisher,
      language: a.document.language,
      publishedValue: a.document.published.value ?? null,
      publishedPrecision: a.document.published.precision,
      publishedText: a.document.published.text ?? null,
      url: a.document.url ?? null,
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      sentenceCount: sentences.length,
    },
    publisherEntity: a.document.publisherEntity,
    sentences: sentences.map((s) => ({ id: sentenceId(s), index: s.index, start: s.start, end: s.end, text: s.text })),
    entities,
    disputes: a.disputes.map((d) => ({
      id: d.id,
      props: {
        name: d.name,
        nameDe: d.nameDe,
        description: d.description,
        searchKeys: [searchKey(d.name), searchKey(d.nameDe)],
      },
    })),
    events: a.events.map((e) => ({
      id: e.id,
      props: {
        type: e.type,
        label: e.label,
        labelDe: e.labelDe,
        cameo: e.cameo,
        quadClass: quadClass(e.cameo),
        goldstein: e.goldstein,
        dateValue: e.date.value ?? null,
        datePrecision: e.date.precision,
        dateText: e.date.text ?? null,
        sortDate: sortDate(e.date.value),
        status: e.status,
      },
    })),
    edges,
    claims,
    evidence,
    contradictions: a.claims.flatMap((c) =>
      c.contradicts.map((to) => ({ from: claimPrefix + c.id, to: claimPrefix + to })),
    ),
    mentions,
  };
}
