import { GraphQLError } from 'graphql';
import { requireRole } from '../auth.js';
import type { Context } from '../context.js';
import { isDocument } from '../domain/records.js';
import { isBlank, unsafeCharacters } from '../domain/text-rules.js';
import { InputError } from '../errors.js';
import { loadArticleFrom, summarize } from '../ingest/ingest.js';
import { AnnotationError } from '../ingest/validate.js';
import { builder } from './builder.js';
import { ClaimStanceEnum } from './enums.js';
import { keyOf, lookUp } from './ids.js';
import { ClaimRef, DocumentRef } from './refs.js';

builder.mutationType({
  description:
    'Writes. Each is one transaction (all or nothing) and needs `Authorization: Bearer <api key>` of the editor role.',
});

const MAX_TEXT = 200_000;

const IngestResultRef = builder.objectRef<ReturnType<typeof summarize>>('IngestResult').implement({
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

const RetractResultRef = builder
  .objectRef<{ claim: import('../domain/records.js').ClaimRecord; removedEdges: number }>('RetractResult')
  .implement({
    fields: (t) => ({
      claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }),
      removedEdges: t.exposeInt('removedEdges', {
        description: 'Relationships removed because no other claim supports them.',
      }),
    }),
  });

/** A text input: bounded and visible. */
const bounded = (name: string, value: string, max: number) => {
  if (value.length > max) throw new InputError(`"${name}" is longer than ${max} characters`);
  if (isBlank(value)) throw new InputError(`"${name}" is empty or only invisible characters`);
  return value;
};

/** A text input stored as sent: also without control or bidi characters (see domain/text-rules.ts). */
const text = (name: string, value: string, max: number) => {
  const unsafe = unsafeCharacters(value);
  if (unsafe) throw new InputError(`"${name}" ${unsafe}`);
  return bounded(name, value, max);
};

/** An earlier field of the same operation may have read the claim through the loaders: forget it. */
const forget = (ctx: Context, key: string) => {
  ctx.repos.graph.claimDetails.clear(key);
  ctx.repos.graph.node.clear(key);
};

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestResultRef,
    description:
      'Loads an article with its annotations, validated exactly as the ingest CLI does; re-ingesting a document replaces its claims but keeps their retractions and corrections (same claim ids). Invalid annotations give ANNOTATION_INVALID with every problem in `extensions.problems`, and nothing is written.',
    args: { input: t.arg({ type: IngestInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      requireRole(ctx.viewer, 'editor');
      // Their characters are checked by the loader, which names the place of each problem.
      const articleText = bounded('articleText', input.articleText, MAX_TEXT);
      const yaml = bounded('annotationsYaml', input.annotationsYaml, MAX_TEXT * 2);
      const slug = input.slug ?? 'api';
      if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) throw new InputError('"slug" must be a lower-case slug');
      let article: ReturnType<typeof loadArticleFrom>;
      try {
        article = loadArticleFrom(slug, 'api', articleText, yaml);
      } catch (err) {
        if (!(err instanceof AnnotationError)) throw err;
        throw new GraphQLError(`the annotations have ${err.problems.length} problem(s); nothing was written`, {
          extensions: { code: 'ANNOTATION_INVALID', problems: err.problems.slice(0, 200) },
        });
      }
      if (!input.slug) article.plan.document.slug = article.plan.documentId;
      const outcome = await ctx.repos.writes.ingest(article.plan);
      ctx.logger.info({ documentId: article.plan.documentId, by: ctx.viewer.name, ...outcome }, 'article ingested');
      return { ...summarize(article, outcome), slug: String(article.plan.document.slug) };
    },
  }),
  retractClaim: t.field({
    type: RetractResultRef,
    nullable: true,
    description:
      'Retracts a claim: it stays readable with `retracted: true` and the reason, but no longer supports any relationship; relationships left without a claim are removed. Once only: a second retraction gives ALREADY_RETRACTED and changes nothing. Null for an unknown claim.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      requireRole(ctx.viewer, 'editor');
      const key = keyOf(args.id, ['Claim']);
      const reason = text('reason', args.reason, 2_000);
      const retracted = await ctx.repos.writes.retractClaim(key, reason, ctx.viewer.name ?? 'unknown');
      forget(ctx, key);
      return retracted;
    },
  }),
  correctClaim: t.field({
    type: ClaimRef,
    nullable: true,
    description:
      "Corrects a claim's statement, stance or asserter; what it said before is kept in `history`. Corrections of one claim run one after another, none is lost. A retracted claim gives CLAIM_RETRACTED. Null for an unknown claim.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CorrectInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'editor');
      const key = keyOf(id, ['Claim']);
      const reason = text('reason', input.reason, 2_000);
      const statement = input.statement == null ? null : text('statement', input.statement, 2_000);
      const assertedBy = input.assertedBy == null ? null : keyOf(input.assertedBy);
      if (statement === null && input.stance == null && assertedBy === null) {
        throw new InputError('give at least one of statement, stance, assertedBy');
      }
      const corrected = await ctx.repos.writes.correctClaim(
        key,
        { statement, stance: input.stance ?? null, assertedBy },
        reason,
        ctx.viewer.name ?? 'unknown',
      );
      forget(ctx, key);
      return corrected;
    },
  }),
}));
