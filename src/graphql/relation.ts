import type { Context } from '../context.js';
import { ENTITY_TYPE_NAMES } from '../domain/entities.js';
import type { ClaimRecord, EdgeRecord, EvidenceRecord } from '../domain/records.js';
import { edgeKey, isDocument, isEntity } from '../domain/records.js';
import { RELATION_ROLES } from '../domain/roles.js';
import { compiledAs, compiles } from './compiled.js';
import { RelationKindEnum, RelationRoleEnum } from './enums.js';
import { lookUp } from './ids.js';
import { readsClaims } from './preload.js';
import {
  ClaimRef,
  DocumentRef,
  EntityRef,
  EvidenceRef,
  GraphElementRef,
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

RelationRef.implement({
  description:
    'A relationship of the graph (Turkey MEMBER_OF NATO, Putin HOLDS_POSITION Russia, Russia PARTY_TO a dispute, an event HAS_SOURCE an actor), with the claims and evidence behind it.',
  interfaces: [GraphElementRef],
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'claimIds' in v && !('labels' in v),
  fields: (t) => ({
    id: t.id({
      description: 'Stable id: KIND:from->to (the same as `key`).',
      ...compiledAs({ kind: 'key' }),
      resolve: edgeKey,
    }),
    kind: t.field({ type: RelationKindEnum, ...compiledAs({ kind: 'edgeType' }), resolve: (e) => e.type }),
    from: t.field({
      type: GraphElementRef,
      nullable: true,
      description: 'Where it starts: an entity, an event or a dispute (`label` and `type` need no fragment).',
      ...compiledAs({ kind: 'end', end: 'from' }),
      resolve: (e, _a, ctx) => ctx.repos.graph.node.load(e.from),
    }),
    to: t.field({
      type: GraphElementRef,
      nullable: true,
      description: 'Where it ends: an entity, an event or a dispute.',
      ...compiledAs({ kind: 'end', end: 'to' }),
      resolve: (e, _a, ctx) => ctx.repos.graph.node.load(e.to),
    }),
    role: t.field({
      type: RelationRoleEnum,
      nullable: true,
      description: 'The office held (HOLDS_POSITION) or the side taken (PARTY_TO).',
      resolve: (e) => e.role,
    }),
    roleDe: t.string({
      nullable: true,
      description: 'The role in German.',
      resolve: (e) => (e.role ? RELATION_ROLES[e.role].de : null),
    }),
    stance: t.exposeString('stance', { nullable: true, description: "PARTY_TO: the party's position in the dispute." }),
    claims: t.field({
      type: [ClaimRef],
      description: 'The claims that assert this relationship: who says so, and where.',
      ...compiles({ kind: 'edgeClaims' }, readsClaims('ids', 'claimIds')),
      resolve: (e, _a, ctx) => claimsOf(e, ctx),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The verbatim quotes behind it (the evidence of all its claims).',
      ...compiles({ kind: 'edgeEvidence' }, readsClaims('ids', 'claimIds')),
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
      resolve: (m, _a, ctx) => lookUp(ctx, m.entityId, ENTITY_TYPE_NAMES, isEntity),
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
