import type { Context } from '../context.js';
import type { ClaimAspect } from '../domain/claims.js';
import {
  type DatePrecision,
  dateProblem,
  dateRange,
  displayDate,
  type FuzzyDate,
  precisionOf,
} from '../domain/dates.js';
import { cooperationOf, type EventStatus, type EventType, QUAD_CLASS_NAMES } from '../domain/events.js';
import { EVENT_ORDERS, type EventOrder } from '../domain/orders.js';
import type { ClaimRecord, EventRecord } from '../domain/records.js';
import { isDispute, isEntity, isEvent } from '../domain/records.js';
import { InputError } from '../errors.js';
import { builder } from './builder.js';
import { compiledAs, compiles } from './compiled.js';
import { ClaimAspectEnum, CooperationEnum, DatePrecisionEnum, EventStatusEnum, EventTypeEnum } from './enums.js';
import { lookUp, optionalKey } from './ids.js';
import { orderEnum } from './orders.js';
import { bounded, connection } from './pagination.js';
import { type EdgeFollower, followsEdges, listPlanOf, readsClaims } from './preload.js';
import { ClaimRef, DisputeRef, EntityRef, EventRef, EvidenceRef, GraphElementRef } from './refs.js';
import { evidenceOf } from './relation.js';

export const FuzzyDateRef = builder.objectRef<FuzzyDate>('FuzzyDate').implement({
  description:
    'A date as exact as the source allows: a value of the given precision, the original wording, and the range it spans.',
  fields: (t) => ({
    value: t.exposeString('value', {
      nullable: true,
      description: 'ISO date of the precision: 2022-01-02, 2022-01 or 2022.',
    }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision }),
    text: t.exposeString('text', {
      nullable: true,
      description: 'How the article says it ("am Sonntag", "vor einem Monat").',
    }),
    earliest: t.string({
      nullable: true,
      description: 'First day it can mean.',
      resolve: (d) => dateRange(d).earliest,
    }),
    latest: t.string({ nullable: true, description: 'Last day it can mean.', resolve: (d) => dateRange(d).latest }),
    display: t.string({
      description: 'Human-readable, no more exact than known ("January 2022").',
      resolve: displayDate,
    }),
  }),
});

export const eventDate = (e: EventRecord): FuzzyDate => ({
  value: e.dateValue,
  precision: e.datePrecision,
  text: e.dateText,
});

const CameoRef = builder.objectRef<{ code: string; quadClass: number }>('Cameo').implement({
  description: 'CAMEO event coding (as in GDELT and ICEWS).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The CAMEO code ("041", "1042").' }),
    rootCode: t.string({ resolve: (c) => c.code.slice(0, 2) }),
    quadClass: t.exposeInt('quadClass', {
      description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.',
    }),
    quadClassName: t.string({ resolve: (c) => QUAD_CLASS_NAMES[c.quadClass - 1] ?? 'unknown' }),
  }),
});

/** The edges each relationship field of an event follows. */
const FOLLOWS = {
  sources: followsEdges(['HAS_SOURCE'], 'OUT'),
  targets: followsEdges(['HAS_TARGET'], 'OUT'),
  concerns: followsEdges(['CONCERNS'], 'OUT'),
  locations: followsEdges(['TAKES_PLACE_IN'], 'OUT'),
  respondsTo: followsEdges(['RESPONDS_TO'], 'OUT'),
  responses: followsEdges(['RESPONDS_TO'], 'IN'),
  parts: followsEdges(['PART_OF'], 'IN'),
  partOf: followsEdges(['PART_OF'], 'OUT'),
  disputes: followsEdges(['IN_DISPUTE'], 'OUT'),
};

const linked = async (ctx: Context, id: string, follow: EdgeFollower) =>
  (await follow.load(ctx, id)).map((e) => e.other);

const claimsWithAspect = async (ctx: Context, id: string, aspect: ClaimAspect | null | undefined) => {
  const claims = await ctx.repos.graph.claimsAbout(id);
  return aspect ? claims.filter((c: ClaimRecord) => c.aspect === aspect) : claims;
};

builder.node(EventRef, {
  description:
    'Something that happened, goes on, is planned or feared: a call, statement, demand, rejection, delivery, purchase, build-up, meeting. Its whole story: who acts and on whom, its claims and their reasons (`reasons`), its parts (`parts`), what it answers (`respondsTo`) and the answers to it (`responses`, each with its own reasons).',
  interfaces: [GraphElementRef],
  id: { resolve: (e) => e.id },
  isTypeOf: (r) => typeof r === 'object' && r !== null && 'labels' in r && isEvent(r as EventRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isEvent)),
  fields: (t) => ({
    type: t.field({
      type: EventTypeEnum,
      description: 'What kind of thing happened.',
      ...compiledAs({ kind: 'property', property: 'type' }),
      resolve: (e) => e.type,
    }),
    label: t.exposeString('label', { description: 'What happened, in English.' }),
    labelDe: t.exposeString('labelDe', { description: 'The same in German.' }),
    cameo: t.field({ type: CameoRef, resolve: (e) => ({ code: e.cameo, quadClass: e.quadClass }) }),
    goldstein: t.exposeFloat('goldstein', {
      description: 'Goldstein scale, −10 (most conflictual) to +10 (most cooperative).',
    }),
    cooperation: t.field({ type: CooperationEnum, resolve: (e) => cooperationOf(e.goldstein) }),
    date: t.field({ type: FuzzyDateRef, resolve: eventDate }),
    status: t.field({
      type: EventStatusEnum,
      ...compiledAs({ kind: 'property', property: 'status' }),
      resolve: (e) => e.status,
    }),
    sources: t.field({
      type: [EntityRef],
      description: 'Who acts.',
      ...compiles({ kind: 'related', label: 'Entity', order: 'key' }, FOLLOWS.sources.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.sources)).filter(isEntity),
    }),
    targets: t.field({
      type: [EntityRef],
      description: 'Who is acted upon.',
      ...compiles({ kind: 'related', label: 'Entity', order: 'key' }, FOLLOWS.targets.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.targets)).filter(isEntity),
    }),
    concerns: t.field({
      type: [GraphElementRef],
      description: 'What it is about: entities, disputes or events.',
      ...compiles({ kind: 'related', label: null, order: 'key' }, FOLLOWS.concerns.options),
      resolve: (e, _a, ctx) => linked(ctx, e.id, FOLLOWS.concerns),
    }),
    locations: t.field({
      type: [EntityRef],
      ...compiles({ kind: 'related', label: 'Entity', order: 'key' }, FOLLOWS.locations.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.locations)).filter(isEntity),
    }),
    respondsTo: t.field({
      type: [EventRef],
      description: 'Events this one answers (a readout reports on a call, a rejection answers a criticism).',
      ...compiles({ kind: 'related', label: 'Event', order: 'key' }, FOLLOWS.respondsTo.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.respondsTo)).filter(isEvent),
    }),
    responses: t.field({
      type: [EventRef],
      description: 'Events that answer this one; ask each for its `reasons`.',
      ...compiles({ kind: 'related', label: 'Event', order: 'key' }, FOLLOWS.responses.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.responses)).filter(isEvent),
    }),
    parts: t.field({
      type: [EventRef],
      description: 'Events that were part of this one (the New Year greetings of the phone call).',
      ...compiles({ kind: 'related', label: 'Event', order: 'key' }, FOLLOWS.parts.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.parts)).filter(isEvent),
    }),
    partOf: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event this one was part of.',
      ...compiles({ kind: 'related', label: 'Event', order: 'key' }, FOLLOWS.partOf.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.partOf)).find(isEvent) ?? null,
    }),
    disputes: t.field({
      type: [DisputeRef],
      ...compiles({ kind: 'related', label: 'Dispute', order: 'key' }, FOLLOWS.disputes.options),
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, FOLLOWS.disputes)).filter(isDispute),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Who reports or asserts the event, with what stance — and why, for claims of aspect REASON.',
      args: { aspect: t.arg({ type: ClaimAspectEnum, required: false, description: 'Only claims of this aspect.' }) },
      ...compiles({ kind: 'claims', aspect: { arg: 'aspect' } }, readsClaims('about')),
      resolve: (e, args, ctx) => claimsWithAspect(ctx, e.id, args.aspect),
    }),
    reasons: t.field({
      type: [ClaimRef],
      description: 'The motives, reasons or justifications given for it, each with who gives them and the quote.',
      ...compiles({ kind: 'claims', aspect: { value: 'REASON' } }, readsClaims('about')),
      resolve: (e, _a, ctx) => claimsWithAspect(ctx, e.id, 'REASON'),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The verbatim quotes of all its claims.',
      ...readsClaims('about'),
      resolve: async (e, _a, ctx) => evidenceOf(await ctx.repos.graph.claimsAbout(e.id), ctx),
    }),
  }),
});

/** An ISO date of any precision as the first (or, with `end`, the last) day it can mean; bad dates are refused. */
const dateArg = (name: string, value: string | null | undefined, end: boolean) => {
  if (value === null || value === undefined) return null;
  const precision: DatePrecision | null = precisionOf(value);
  const problem = precision ? dateProblem(value, precision) : 'it must be an ISO date: 2022-01-02, 2022-01 or 2022';
  if (problem || !precision) throw new InputError(`"${name}": ${problem}`);
  const range = dateRange({ value, precision });
  return end ? range.latest : range.earliest;
};

const EventFilter = builder.inputType('EventFilter', {
  description:
    "Filters of event lists; all given ones must hold. Dates compare with the first day of an event's date; undated events match no date bound.",
  fields: (t) => ({
    from: t.string({ required: false, description: 'On or after this ISO date (2022-01-01, 2022-01 or 2022).' }),
    to: t.string({ required: false, description: 'On or before this ISO date (a month or year means its last day).' }),
    types: t.field({ type: [EventTypeEnum], required: false }),
    statuses: t.field({ type: [EventStatusEnum], required: false }),
    actor: t.id({ required: false, description: 'Only events with this actor as source or target.' }),
    includeAffiliates: t.boolean({
      required: false,
      defaultValue: true,
      description:
        'With `actor`: also events of those who act for it — the people holding its offices and its government bodies (Putin and the Kremlin for Russia). True by default, as everywhere an actor is asked about.',
    }),
    dispute: t.id({ required: false, description: 'Only events of this dispute.' }),
  }),
});

interface EventFilterShape {
  from?: string | null;
  to?: string | null;
  types?: EventType[] | null;
  statuses?: EventStatus[] | null;
  actor?: string | null;
  includeAffiliates?: boolean | null;
  dispute?: string | null;
}

export function eventFilter(f: EventFilterShape | null | undefined) {
  return {
    from: dateArg('from', f?.from, false),
    to: dateArg('to', f?.to, true),
    types: f?.types ?? null,
    statuses: f?.statuses ?? null,
    actorId: optionalKey(f?.actor),
    affiliates: f?.includeAffiliates ?? true,
    disputeId: optionalKey(f?.dispute, ['Dispute']),
  };
}

const EventOrderEnum = orderEnum('EventOrder', 'How a list of events is sorted.', EVENT_ORDERS);

const TimelineRef = builder.objectRef<{ dated: EventRecord[]; undated: EventRecord[] }>('Timeline').implement({
  description:
    'Events in date order. Each date keeps its precision: a month-precise event sorts at the first of its month and says so in `date.precision`; an answer never comes before what it answers; events without a date are listed apart, not guessed.',
  fields: (t) => ({
    dated: t.field({ type: [EventRef], resolve: (tl) => tl.dated }),
    undated: t.field({ type: [EventRef], description: 'Events the sources do not date.', resolve: (tl) => tl.undated }),
    earliest: t.string({ nullable: true, resolve: (tl) => tl.dated[0]?.sortDate ?? null }),
    latest: t.string({
      nullable: true,
      resolve: (tl) =>
        tl.dated.reduce<string | null>((m, e) => (e.sortDate && (!m || e.sortDate > m) ? e.sortDate : m), null),
    }),
  }),
});

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'An event by global id or key; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ['Event'], isEvent, info),
  }),
  events: t.connection({
    type: EventRef,
    description:
      'Events in timeline order (or newest first); filter by date range, type, status, actor or dispute. Pages of at most 100.',
    args: {
      filter: t.arg({ type: EventFilter, required: false }),
      orderBy: t.arg({ type: EventOrderEnum, defaultValue: 'DATE' }),
    },
    resolve: (_r, args, ctx, info) => {
      const filter = eventFilter(args.filter);
      const order: EventOrder = args.orderBy ?? 'DATE';
      const plan = listPlanOf(info, ctx.compile);
      return connection(args, order, (after, limit) => ctx.repos.lists.events(filter, order, after, limit, plan));
    },
  }),
  timeline: t.field({
    type: TimelineRef,
    description: 'The events of an actor or a dispute (or all), in date order, honest about precision.',
    args: {
      filter: t.arg({ type: EventFilter, required: false }),
      limit: t.arg.int({ defaultValue: 200, description: 'At most 500 events.' }),
    },
    resolve: async (_r, args, ctx) => {
      const page = await ctx.repos.lists.events(
        eventFilter(args.filter),
        'DATE',
        null,
        bounded('limit', args.limit ?? 200, 1, 500),
      );
      const events = page.items.map((i) => i.node);
      return { dated: events.filter((e) => e.sortDate !== null), undated: events.filter((e) => e.sortDate === null) };
    },
  }),
}));
