import type { IngestSummary } from '../domain/ingest-plan.js';
import type { ClaimRecord } from '../domain/records.js';
import { isDocument } from '../domain/records.js';
import { ArticleIngest } from '../services/articles.js';
import { ClaimEdits } from '../services/claims.js';
import { builder } from './builder.js';
import { ClaimStanceEnum } from './enums.js';
import { keyOf, lookUp } from './ids.js';
import { ClaimRef, DocumentRef } from './refs.js';

builder.mutationType({
  description:
    'Writes. Each is one transaction (all or nothing) and needs `Authorization: Bearer <api key>` of the editor role.',
});

const IngestResultRef = builder.objectRef<IngestSummary>('IngestResult').implement({
  description: 'What an ingest wrote.',
  fields: (t) => ({
    documentId: t.exposeString('documentId'),
    slug: t.exposeString('slug'),
    entities: t.exposeInt('entities'),
    events: t.exposeInt('events'),
    disputes: t.exposeInt('disputes'),
    relations: t.exposeInt('relations'),
    claims: t.exposeInt('claims'),
    evidence: t.exposeInt('evidence'),
    mentions: t.exposeInt('mentions'),
    sentences: t.exposeInt('sentences'),
    keptRetractions: t.exposeInt('keptRetractions', {
      description: 'Claims of the document that were retracted and stay retracted (same claim ids).',
    }),
    keptCorrections: t.exposeInt('keptCorrections', {
      description: 'Claims of the document that were corrected and keep their correction and history.',
    }),
    droppedEdits: t.exposeStringList('droppedEdits', {
      description:
        'Keys of retracted or corrected claims the annotations no longer have: they are gone, with their edits.',
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: (s, _a, ctx) => lookUp(ctx, s.documentId, ['Document'], isDocument),
    }),
  }),
});

const IngestInput = builder.inputType('IngestArticleInput', {
  fields: (t) => ({
    articleText: t.string({ required: true, description: 'The article, verbatim.' }),
    annotationsYaml: t.string({
      required: true,
      description: 'The annotation file (see data/articles/*/annotations.yaml).',
    }),
    slug: t.string({ required: false, description: 'A folder-like name; default: the document id.' }),
  }),
});

const CorrectInput = builder.inputType('CorrectClaimInput', {
  fields: (t) => ({
    statement: t.string({ required: false }),
    stance: t.field({ type: ClaimStanceEnum, required: false }),
    assertedBy: t.id({ required: false, description: 'The entity that asserts it (id or key).' }),
    reason: t.string({ required: true, description: "Why the correction is made (kept in the claim's history)." }),
  }),
});

const RetractResultRef = builder.objectRef<{ claim: ClaimRecord; removedEdges: number }>('RetractResult').implement({
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }),
    removedEdges: t.exposeInt('removedEdges', {
      description: 'Relationships removed because no other claim supports them.',
    }),
  }),
});

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestResultRef,
    description:
      'Loads an article with its annotations, validated exactly as the ingest CLI does; re-ingesting a document replaces its claims but keeps their retractions and corrections (same claim ids). Invalid annotations give ANNOTATION_INVALID with every problem in `extensions.problems`, and nothing is written.',
    args: { input: t.arg({ type: IngestInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      new ArticleIngest(ctx.repos, ctx.viewer, ctx.logger).ingest({ ...input, slug: input.slug ?? null }),
  }),
  retractClaim: t.field({
    type: RetractResultRef,
    nullable: true,
    description:
      'Retracts a claim: it stays readable with `retracted: true` and the reason, but no longer supports any relationship; relationships left without a claim are removed. Once only: a second retraction gives ALREADY_RETRACTED and changes nothing. Null for an unknown claim.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => new ClaimEdits(ctx.repos, ctx.viewer).retract(keyOf(args.id, ['Claim']), args.reason),
  }),
  correctClaim: t.field({
    type: ClaimRef,
    nullable: true,
    description:
      "Corrects a claim's statement, stance or asserter; what it said before is kept in `history`. Corrections of one claim run one after another, none is lost. A retracted claim gives CLAIM_RETRACTED. Null for an unknown claim.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CorrectInput, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      new ClaimEdits(ctx.repos, ctx.viewer).correct(keyOf(id, ['Claim']), {
        statement: input.statement ?? null,
        stance: input.stance ?? null,
        assertedBy: input.assertedBy == null ? null : keyOf(input.assertedBy),
        reason: input.reason,
      }),
  }),
}));
