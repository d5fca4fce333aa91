import type { Context } from '../context.js';
import type { ClaimRecord, EdgeRecord, EvidenceRecord } from '../domain/records.js';
import { ENTITY_TYPES, isDocument, isEntity } from '../domain/records.js';
import { RelationKindEnum } from './enums.js';
import { lookUp } from './ids.js';
import {
  ClaimRef,
  DocumentRef,
  EntityRef,
  EvidenceRef,
  GraphEntityRef,
  MentionRef,
  RelationRef,
  SentenceRef,
} from './refs.js';

/**
 * The claims behind an edge, loaded in one batch with every other edge of the same level — with who
 * asserts them and their evidence, which most selections of a claim ask for next.
 */
export async function claimsOf(edge: EdgeRecord, ctx: Context): Promise<ClaimRecord[]> {
  const details = await ctx.repos.graph.claimDetails.loadMany(edge.claimIds);
  return details.flatMap((d) => (d && !(d instanceof Error) ? [d.claim] : []));
}

/** The evidence of some claims, flattened. */
export async function evidenceOf(claims: ClaimRecord[], ctx: Context): Promise<EvidenceRecord[]> {
  const details = await ctx.repos.graph.claimDetails.loadMany(claims.map((c) => c.id));
  return details.flatMap((d) => (d && !(d instanceof Error) ? d.evidence : []));
}

export const edgeId = (e: EdgeRecord) => `${e.type}:${e.from}->${e.to}`;

RelationRef.implement({
  description:
    'A relationship of the graph (Turkey MEMBER_OF NATO, Putin HOLDS_POSITION Russia, Russia PARTY_TO a dispute, an event HAS_SOURCE an actor), with the claims and evidence behind it.',
  fields: (t) => ({
    id: t.id({ description: 'Stable id: KIND:from->to.', resolve: edgeId }),
    kind: t.field({ type: RelationKindEnum, resolve: (e) => e.type as never }),
    from: t.field({
      type: GraphEntityRef,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.repos.graph.node.load(e.from) as never,
    }),
    to: t.field({
      type: GraphEntityRef,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.repos.graph.node.load(e.to) as never,
    }),
    role: t.exposeString('role', { nullable: true, description: 'Office held (HOLDS_POSITION) or side (PARTY_TO).' }),
    roleDe: t.exposeString('roleDe', { nullable: true }),
    stance: t.exposeString('stance', { nullable: true, description: "PARTY_TO: the party's position in the dispute." }),
    claims: t.field({
      type: [ClaimRef],
      description: 'The claims that assert this relationship: who says so, and where.',
      resolve: (e, _a, ctx) => claimsOf(e, ctx),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The verbatim quotes behind it (the evidence of all its claims).',
      resolve: async (e, _a, ctx) => evidenceOf(await claimsOf(e, ctx), ctx),
    }),
  }),
});

MentionRef.implement({
  description: "An occurrence of an entity's name or alias in an article.",
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The words as they stand in the article.' }),
    start: t.exposeInt('start', { description: 'Character offset (UTF-16 code units) where it starts.' }),
    end: t.exposeInt('end', { description: 'Offset just past its end.' }),
    sentenceIndex: t.exposeInt('sentenceIndex'),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      resolve: (m, _a, ctx) => lookUp(ctx, m.entityId, ENTITY_TYPES, isEntity),
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: (m, _a, ctx) => lookUp(ctx, m.documentId, ['Document'], isDocument),
    }),
  }),
});

SentenceRef.implement({
  description: 'A sentence of an article (headline, caption and paragraph lines are sentences too).',
  fields: (t) => ({
    index: t.exposeInt('index'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    text: t.exposeString('text'),
  }),
});
