import type { Context } from '../context.js';
import type { EventRecord, NodeRecord } from '../domain/records.js';
import { isDispute, isEntity, isEvent } from '../domain/records.js';
import { InputError } from '../errors.js';
import { builder } from './builder.js';
import { CooperationEnum, cooperationOf, DatePrecisionEnum, EventStatusEnum } from './enums.js';
import { lookUp, optionalKey } from './ids.js';
import { bounded, connection } from './pagination.js';
import { ClaimRef, DisputeRef, EntityRef, EventRef, EvidenceRef, GraphEntityRef } from './refs.js';
import { evidenceOf } from './relation.js';

export interface FuzzyDate {
  value: string | null;
  precision: string;
  text: string | null;
}

const LAST_DAY = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** First and last day a date of some precision can mean. */
export function dateRange(d: FuzzyDate): { earliest: string | null; latest: string | null } {
  if (!d.value) return { earliest: null, latest: null };
  const [y, m] = d.value.split('-').map(Number) as [number, number | undefined];
  if (d.precision === 'YEAR') return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
  const mm = String(m).padStart(2, '0');
  if (d.precision === 'MONTH') return { earliest: `${y}-${mm}-01`, latest: `${y}-${mm}-${LAST_DAY(y, m ?? 1)}` };
  return { earliest: d.value, latest: d.value };
}

export function displayDate(d: FuzzyDate): string {
  if (!d.value) return 'date unknown';
  const [y, m, day] = d.value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d.precision === 'YEAR') return String(y);
  if (d.precision === 'MONTH') return `${MONTHS[(m ?? 1) - 1]} ${y}`;
  return `${day} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export const FuzzyDateRef = builder.objectRef<FuzzyDate>('FuzzyDate').implement({
  description:
    'A date as exact as the source allows: a value of the given precision, the original wording, and the range it spans.',
  fields: (t) => ({
    value: t.exposeString('value', {
      nullable: true,
      description: 'ISO date of the precision: 2022-01-02, 2022-01 or 2022.',
    }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision as never }),
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
    quadClassName: t.string({
      resolve: (c) =>
        ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'][c.quadClass - 1] ??
        'unknown',
    }),
  }),
});

const linked = async (ctx: Context, id: string, kind: string, direction: 'OUT' | 'IN') =>
  (await ctx.repos.graph.edges(id, [kind], direction)).map((e) => e.other);

builder.node(EventRef, {
  description:
    'Something that happened, goes on, is planned or feared: a call, statement, demand, rejection, delivery, purchase, build-up, meeting.',
  id: { resolve: (e) => e.id },
  isTypeOf: (r) => isEvent(r as NodeRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isEvent)),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key of the event.' }),
    type: t.exposeString('type', {
      description: 'PHONE_CALL, STATEMENT, DEMAND, REJECTION, CRITICISM, DELIVERY, PURCHASE …',
    }),
    label: t.exposeString('label', { description: 'What happened, in English.' }),
    labelDe: t.exposeString('labelDe', { description: 'The same in German.' }),
    cameo: t.field({ type: CameoRef, resolve: (e) => ({ code: e.cameo, quadClass: e.quadClass }) }),
    goldstein: t.exposeFloat('goldstein', {
      description: 'Goldstein scale, −10 (most conflictual) to +10 (most cooperative).',
    }),
    cooperation: t.field({ type: CooperationEnum, resolve: (e) => cooperationOf(e.goldstein) }),
    date: t.field({ type: FuzzyDateRef, resolve: eventDate }),
    status: t.field({ type: EventStatusEnum, resolve: (e) => e.status as never }),
    sources: t.field({
      type: [EntityRef],
      description: 'Who acts.',
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'HAS_SOURCE', 'OUT')).filter(isEntity),
    }),
    targets: t.field({
      type: [EntityRef],
      description: 'Who is acted upon.',
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'HAS_TARGET', 'OUT')).filter(isEntity),
    }),
    concerns: t.field({
      type: [GraphEntityRef],
      description: 'What it is about: entities, disputes or events.',
      resolve: (e, _a, ctx) => linked(ctx, e.id, 'CONCERNS', 'OUT') as never,
    }),
    locations: t.field({
      type: [EntityRef],
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'TAKES_PLACE_IN', 'OUT')).filter(isEntity),
    }),
    respondsTo: t.field({
      type: [EventRef],
      description: 'Events this one answers.',
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'RESPONDS_TO', 'OUT')).filter(isEvent),
    }),
    responses: t.field({
      type: [EventRef],
      description: 'Events that answer this one.',
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'RESPONDS_TO', 'IN')).filter(isEvent),
    }),
    disputes: t.field({
      type: [DisputeRef],
      resolve: async (e, _a, ctx) => (await linked(ctx, e.id, 'IN_DISPUTE', 'OUT')).filter(isDispute),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Who reports or asserts the event, with what stance.',
      resolve: (e, _a, ctx) => ctx.repos.graph.claimsAbout(e.id),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The verbatim quotes of all its claims.',
      resolve: async (e, _a, ctx) => evidenceOf(await ctx.repos.graph.claimsAbout(e.id), ctx),
    }),
  }),
});

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const dateArg = (name: string, value: string | null | undefined, end: boolean) => {
  if (value === null || value === undefined) return null;
  if (!DATE.test(value)) throw new InputError(`"${name}" must be an ISO date: 2022-01-02, 2022-01 or 2022`);
  if (value.length === 10) {
    if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      throw new InputError(`"${name}": ${value} is not a calendar date`);
    }
    return value;
  }
  const range = dateRange({ value, precision: value.length === 4 ? 'YEAR' : 'MONTH', text: null });
  return end ? range.latest : range.earliest;
};

const EventFilter = builder.inputType('EventFilter', {
  description:
    "Filters of event lists; all given ones must hold. Dates compare with the first day of an event's date; undated events match no date bound.",
  fields: (t) => ({
    from: t.string({ required: false, description: 'On or after this ISO date (2022-01-01, 2022-01 or 2022).' }),
    to: t.string({ required: false, description: 'On or before this ISO date (a month or year means its last day).' }),
    types: t.stringList({ required: false }),
    statuses: t.field({ type: [EventStatusEnum], required: false }),
    actor: t.id({ required: false, description: 'Only events with this actor as source or target.' }),
    includeAffiliates: t.boolean({
      required: false,
      description:
        'With `actor`: also events of those who act for it — the people holding its offices and its government bodies (Putin and the Kremlin for Russia).',
    }),
    dispute: t.id({ required: false, description: 'Only events of this dispute.' }),
  }),
});

type EventFilterShape = {
  from?: string | null;
  to?: string | null;
  types?: string[] | null;
  statuses?: string[] | null;
  actor?: string | null;
  includeAffiliates?: boolean | null;
  dispute?: string | null;
};

export function eventFilter(f: EventFilterShape | null | undefined) {
  return {
    from: dateArg('from', f?.from, false),
    to: dateArg('to', f?.to, true),
    types: f?.types ?? null,
    statuses: f?.statuses ?? null,
    actorId: optionalKey(f?.actor),
    affiliates: f?.includeAffiliates ?? false,
    disputeId: optionalKey(f?.dispute, ['Dispute']),
  };
}

const TimelineRef = builder.objectRef<{ dated: EventRecord[]; undated: EventRecord[] }>('Timeline').implement({
  description:
    'Events in date order. Each date keeps its precision: a month-precise event sorts at the first of its month and says so in `date.precision`; events without a date are listed apart, not guessed.',
  fields: (t) => ({
    dated: t.field({ type: [EventRef], resolve: (tl) => tl.dated }),
    undated: t.field({ type: [EventRef], description: 'Events the sources do not date.', resolve: (tl) => tl.undated }),
    earliest: t.string({ nullable: true, resolve: (tl) => tl.dated[0]?.sortDate ?? null }),
    latest: t.string({ nullable: true, resolve: (tl) => tl.dated.at(-1)?.sortDate ?? null }),
  }),
});

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'An event by global id or key; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => lookUp(ctx, args.id, ['Event'], isEvent),
  }),
  events: t.connection({
    type: EventRef,
    description:
      'Events by date (undated last); filter by date range, type, status, actor or dispute. Pages of at most 100.',
    args: { filter: t.arg({ type: EventFilter, required: false }) },
    resolve: (_r, args, ctx) => {
      const filter = eventFilter(args.filter);
      return connection(args, (offset, limit) => ctx.repos.lists.events(filter, offset, limit)) as never;
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
        0,
        bounded('limit', args.limit ?? 200, 1, 500),
      );
      const events = page.items.filter(isEvent);
      return { dated: events.filter((e) => e.sortDate !== null), undated: events.filter((e) => e.sortDate === null) };
    },
  }),
}));
