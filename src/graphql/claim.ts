import { CLAIM_ORDERS, DOCUMENT_ORDERS } from '../domain/orders.js';
import type { NodeRecord } from '../domain/records.js';
import { isClaim, isDocument, isEvidence } from '../domain/records.js';
import { builder } from './builder.js';
import { compiledAs, compiles } from './compiled.js';
import { ClaimAspectEnum, ClaimStanceEnum } from './enums.js';
import { FuzzyDateRef } from './event.js';
import { lookUp, optionalKey } from './ids.js';
import { orderEnum } from './orders.js';
import { bounded, connection } from './pagination.js';
import { listPlanOf, readsClaims } from './preload.js';
import { ClaimRef, DocumentRef, EntityRef, EvidenceRef, GraphElementRef, MentionRef, SentenceRef } from './refs.js';

builder.node(ClaimRef, {
  description:
    'A reified assertion: who asserts what, with which stance, supported by verbatim evidence. Competing claims both stay and are linked by `contradicts`.',
  interfaces: [GraphElementRef],
  id: { resolve: (c) => c.id },
  isTypeOf: (r) => isClaim(r as NodeRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isClaim)),
  fields: (t) => ({
    statement: t.exposeString('statement', {
      description: 'What is asserted, in one English sentence (also its `label`).',
    }),
    stance: t.field({
      type: ClaimStanceEnum,
      ...compiledAs({ kind: 'property', property: 'stance' }),
      resolve: (c) => c.stance,
    }),
    aspect: t.field({
      type: ClaimAspectEnum,
      description: 'FACT: it says that something is so; REASON: it says why (a motive, reason or justification).',
      ...compiledAs({ kind: 'property', property: 'aspect' }),
      resolve: (c) => c.aspect,
    }),
    assertedBy: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Who says so: the narrator (the publisher) or a named source.',
      ...compiles({ kind: 'asserter' }, readsClaims('ids')),
      resolve: (c, _a, ctx) => ctx.repos.graph.asserter(c.id),
    }),
    about: t.field({
      type: GraphElementRef,
      nullable: true,
      description: 'What it asserts: an event, a dispute, or a relationship between two entities (a Relation).',
      ...readsClaims('ids'),
      resolve: async (c, _a, ctx) => {
        const d = await ctx.repos.graph.claimDetails.load(c.id);
        if (!d) return null;
        if (d.about) return ctx.repos.graph.node.load(d.about);
        const { subject, object } = d;
        if (!subject || !object || !c.relationType) return null;
        const edges = await ctx.repos.graph.edges(subject, [c.relationType], 'OUT');
        return edges.find((e) => e.edge.to === object)?.edge ?? null;
      },
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The verbatim quotes that support it.',
      ...compiles({ kind: 'evidence' }, readsClaims('ids')),
      resolve: async (c, _a, ctx) => (await ctx.repos.graph.claimDetails.load(c.id))?.evidence ?? [],
    }),
    contradicts: t.field({
      type: [ClaimRef],
      description: 'Claims that say otherwise (either direction).',
      ...readsClaims('ids'),
      resolve: async (c, _a, ctx) =>
        (await ctx.repos.graph.nodes((await ctx.repos.graph.claimDetails.load(c.id))?.contradicts ?? [])).filter(
          isClaim,
        ),
    }),
    retracted: t.exposeBoolean('retracted', {
      description: 'Retracted claims stay for the record but support nothing.',
    }),
    retractedReason: t.exposeString('retractedReason', { nullable: true }),
    retractedAt: t.exposeString('retractedAt', { nullable: true }),
    retractedBy: t.exposeString('retractedBy', { nullable: true }),
    corrections: t.exposeInt('corrections', { description: 'How often the claim was corrected.' }),
    correctedAt: t.exposeString('correctedAt', { nullable: true }),
    history: t.exposeStringList('history', {
      description: 'Earlier versions, as JSON: statement, stance, assertedBy, reason, by, at.',
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: async (c, _a, ctx) => {
        const d = await ctx.repos.graph.node.load(c.documentId);
        return d && isDocument(d) ? d : null;
      },
    }),
  }),
});

builder.node(EvidenceRef, {
  description: 'A verbatim quote of an article that supports a claim, with its place in the text.',
  interfaces: [GraphElementRef],
  id: { resolve: (e) => e.id },
  isTypeOf: (r) => isEvidence(r as NodeRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isEvidence)),
  fields: (t) => ({
    quote: t.exposeString('quote', { description: 'The words of the article, unchanged (German).' }),
    gloss: t.exposeString('gloss', { description: 'English gloss of the quote.' }),
    start: t.exposeInt('start', { description: 'Character offset (UTF-16 code units) into the article text.' }),
    end: t.exposeInt('end', { description: 'Offset just past the quote: text.slice(start, end) === quote.' }),
    sentenceIndex: t.exposeInt('sentenceIndex', { description: 'Index of the sentence that holds it (0 = headline).' }),
    sentence: t.exposeString('sentence', { description: 'The whole sentence.' }),
    context: t.string({
      description: 'The quote with some text either side, the quote marked with »…«.',
      args: { chars: t.arg.int({ defaultValue: 80, description: 'Characters either side, at most 500.' }) },
      resolve: async (e, args, ctx) => {
        const chars = bounded('chars', args.chars ?? 80, 0, 500);
        const d = await ctx.repos.graph.node.load(e.documentId);
        if (!d || !isDocument(d)) return e.quote;
        const before = d.text.slice(Math.max(0, e.start - chars), e.start);
        const after = d.text.slice(e.end, e.end + chars);
        return `${before}»${e.quote}«${after}`;
      },
    }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      resolve: async (e, _a, ctx) => {
        const c = await ctx.repos.graph.node.load(e.claimId);
        return c && isClaim(c) ? c : null;
      },
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: async (e, _a, ctx) => {
        const d = await ctx.repos.graph.node.load(e.documentId);
        return d && isDocument(d) ? d : null;
      },
    }),
  }),
});

builder.node(DocumentRef, {
  description: 'A source article: publisher, language, date and the full text that evidence offsets point into.',
  interfaces: [GraphElementRef],
  id: { resolve: (d) => d.id },
  isTypeOf: (r) => isDocument(r as NodeRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isDocument)),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Folder under data/articles.' }),
    title: t.exposeString('title'),
    publisher: t.exposeString('publisher'),
    language: t.exposeString('language'),
    published: t.field({
      type: FuzzyDateRef,
      resolve: (d) => ({ value: d.publishedValue, precision: d.publishedPrecision, text: d.publishedText }),
    }),
    url: t.exposeString('url', { nullable: true }),
    sha256: t.exposeString('sha256', { description: 'Hash of the text, to check a copy.' }),
    text: t.exposeString('text', { description: 'The article text, verbatim.' }),
    sentences: t.field({
      type: [SentenceRef],
      resolve: (d, _a, ctx) => ctx.repos.graph.sentencesOfDocument.load(d.id),
    }),
    mentions: t.field({ type: [MentionRef], resolve: (d, _a, ctx) => ctx.repos.graph.mentionsInDocument.load(d.id) }),
    claims: t.field({
      type: [ClaimRef],
      ...readsClaims('document'),
      resolve: (d, _a, ctx) => ctx.repos.graph.claimsOfDocument(d.id),
    }),
  }),
});

const ClaimFilter = builder.inputType('ClaimFilter', {
  fields: (t) => ({
    stances: t.field({ type: [ClaimStanceEnum], required: false }),
    aspects: t.field({ type: [ClaimAspectEnum], required: false, description: 'FACT, REASON or both.' }),
    document: t.id({ required: false }),
    assertedBy: t.id({ required: false, description: 'An actor (id or key).' }),
  }),
});

const ClaimOrderEnum = orderEnum('ClaimOrder', 'How a list of claims is sorted.', CLAIM_ORDERS);
const DocumentOrderEnum = orderEnum('DocumentOrder', 'How a list of documents is sorted.', DOCUMENT_ORDERS);

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ['Claim'], isClaim, info),
  }),
  claims: t.connection({
    type: ClaimRef,
    description:
      'Claims, filtered by stance, aspect, document or who asserts them, in the order of their documents. Pages of at most 100.',
    args: {
      filter: t.arg({ type: ClaimFilter, required: false }),
      orderBy: t.arg({ type: ClaimOrderEnum, defaultValue: 'DOCUMENT_POSITION' }),
    },
    resolve: (_r, args, ctx, info) => {
      const f = {
        stances: args.filter?.stances ?? null,
        aspects: args.filter?.aspects ?? null,
        documentId: optionalKey(args.filter?.document, ['Document']),
        assertedBy: optionalKey(args.filter?.assertedBy),
      };
      const order = args.orderBy ?? 'DOCUMENT_POSITION';
      const plan = listPlanOf(info, ctx.compile);
      return connection(args, order, (after, limit) => ctx.repos.lists.claims(f, order, after, limit, plan));
    },
  }),
  document: t.field({
    type: DocumentRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ['Document'], isDocument, info),
  }),
  documents: t.connection({
    type: DocumentRef,
    description: 'The source articles, newest first (or oldest first with orderBy).',
    args: { orderBy: t.arg({ type: DocumentOrderEnum, defaultValue: 'PUBLISHED_DESC' }) },
    resolve: (_r, args, ctx, info) => {
      const order = args.orderBy ?? 'PUBLISHED_DESC';
      const plan = listPlanOf(info, ctx.compile);
      return connection(args, order, (after, limit) => ctx.repos.lists.documents(order, after, limit, plan));
    },
  }),
}));
