import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import type { ClaimAspect, ClaimStance } from '../domain/claims.js';
import { EDGE_TYPE_WORDS, type NodeLabel } from '../domain/edges.js';
import type { EntityKind } from '../domain/entities.js';
import type { EventStatus, EventType } from '../domain/events.js';
import {
  type ClaimOrder,
  type DisputeOrder,
  type DocumentOrder,
  type EntityOrder,
  type EventOrder,
  UNDATED_SORT_KEY,
} from '../domain/orders.js';
import {
  type ClaimRecord,
  claimRecord,
  type DisputeRecord,
  type DocumentRecord,
  disputeRecord,
  documentRecord,
  type EntityRecord,
  type EventRecord,
  entityRecord,
  eventRecord,
} from '../domain/records.js';
import { InputError } from '../errors.js';
import { type CompiledSelection, withAnswers } from './compiled.js';
import type { GraphRepository } from './graph.js';
import { type PreloadStep, returnAsWith } from './preload.js';
import { parseRows } from './rows.js';

/** Where a row stands in its list's order: [key, rank, id]; the page after it starts past it. */
export const sortKey = z.tuple([z.union([z.string(), z.number()]), z.number(), z.string()]);
export type SortKey = z.infer<typeof sortKey>;

/**
 * What a connection's selection asks of its page query besides the page: the loads of its items'
 * fields (repositories/preload.ts), and whether it reads totalCount (then counted at once).
 */
export interface ListPlan {
  preload: readonly PreloadStep[];
  compiled: CompiledSelection | null;
  counted: boolean;
  /** The page asks for one row more than it shows, only to say that another page follows: that row's selection is not computed. */
  lookahead: boolean;
}

/** The label whose id index finds a list's item again. */
const SEEK_LABELS: Record<string, NodeLabel> = {
  actors: 'Entity',
  events: 'Event',
  disputes: 'Dispute',
  claims: 'Claim',
  documents: 'Document',
};

/**
 * A page query that also gives each item's compiled map (`compiled`), in the same round trip: the
 * page as it is, then its items in order, each node found again by its id (an index seek). Only the
 * first $compiledRows items are compiled: a connection's look-ahead row (ListPlan.lookahead) only says
 * that another page follows (compiled null).
 */
function withCompiled(query: string, compiled: CompiledSelection, label: string): string {
  return `${returnAsWith(query, 'page')}
WITH collect({node: node, sortKey: sortKey}) AS page
UNWIND range(0, size(page) - 1) AS at
WITH at, page[at] AS item
OPTIONAL CALL (item, at) {
  MATCH (x0:${label} {id: item.node[0]}) WHERE at < $compiledRows
  RETURN ${compiled.map} AS compiled
}
WITH at, item, compiled ORDER BY at
RETURN item.node AS node, item.sortKey AS sortKey, compiled`;
}

export interface Page<T> {
  items: { node: T; sortKey: SortKey }[];
  /** Counted by a separate query, only when the client asks for totalCount. */
  total: () => Promise<number>;
}

const countRow = z.object({ total: z.number().int() });

/** One page-row schema per node schema, built once (zod compiles a schema on its first parse). */
const pageRows = new Map<z.ZodType, z.ZodType>();
function pageRow<T>(node: z.ZodType<T>): z.ZodType<{ node: T; sortKey: SortKey }> {
  let row = pageRows.get(node);
  if (!row) {
    row = z.object({ node, sortKey });
    pageRows.set(node, row);
  }
  return row as z.ZodType<{ node: T; sortKey: SortKey }>;
}

/** The label each list counts when nothing filters it (from NODE_LABELS and the kinds' labels). */
const LIST_LABELS: Record<string, (f: Record<string, unknown>) => NodeLabel | 'Actor'> = {
  actors: (f) => (f.actorsOnly ? 'Actor' : 'Entity'),
  events: () => 'Event',
  disputes: () => 'Dispute',
  claims: () => 'Claim',
  documents: () => 'Document',
};
/**
 * Where each list starts (cypher/starts/<list>-<start>.cypher, the first clause of its page and count
 * queries), from the filters given: the node an id names, or an index, else every node of the label.
 * A page of all claims reads them in documentId order from the index (`in-order`), so that it stops
 * after the documents it shows.
 */
const STARTS: Record<string, (f: Record<string, unknown>, counting: boolean, order: string) => string> = {
  actors: (f, counting, order) =>
    f.disputeId ? 'dispute' : f.kinds ? 'kinds' : !counting && order === 'NAME' ? 'by-name' : 'all',
  claims: (f, counting) =>
    f.documentId ? 'document' : f.assertedBy ? 'asserted' : !counting ? 'in-order' : f.stances ? 'stances' : 'all',
  disputes: (f, counting, order) => (f.actorId ? 'party' : !counting && order === 'NAME' ? 'by-name' : 'all'),
  // The actor filter is only here (events-filter.cypher leaves it to the start).
  events: (f, counting, order) =>
    f.actorId
      ? 'actor'
      : f.disputeId
        ? 'dispute'
        : f.types
          ? 'types'
          : !counting
            ? order === 'DATE_DESC'
              ? 'dated-desc'
              : 'dated-asc'
            : f.from
              ? 'from'
              : f.to
                ? 'to'
                : 'all',
};
/** The direction words (`__DIR__`) of the orders whose page query sorts by stored values in their direction. */
const DIRECTIONS: Record<string, string> = { DATE: 'ASC', DATE_DESC: 'DESC' };
const queryText = (name: string, kind: 'page' | 'count', filters: Record<string, unknown>, order = '') => {
  const text = cypher(`queries/${name}-${kind}`);
  const start = STARTS[name]?.(filters, kind === 'count', order);
  const started = start ? text.replace('__START__', cypher(`starts/${name}-${start}`)) : text;
  return started.includes('__DIR__') ? started.replaceAll('__DIR__', direction(order)) : started;
};
function direction(order: string): string {
  const word = DIRECTIONS[order];
  if (!word) throw new Error(`no direction for the order ${order}`);
  return word;
}

/** An ISO date from days since 1970-01-01. */
const isoDay = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
/** Days since 1970-01-01 of the years 0001 to 9999 (outside: no such date in the data). */
const MAX_DAYS = 2_900_000;
/**
 * The cursor of an events page as its query reads it: where the dated start begins (`fromDate`, see
 * cypher/starts/events-dated-*.cypher: the cursor's day, the first or last date when there is none, past
 * every date for an undated cursor, whose events come after the dated ones) and what events-after.cypher
 * compares (the cursor's orderDate, null when undated; its rank; its id). A key that no event has (no
 * whole day within the years 1–9999, nor the undated key) is refused, as a cursor of another list is.
 */
function eventsCursor(order: EventOrder, after: SortKey | null) {
  const descending = order === 'DATE_DESC';
  if (!after) return { fromDate: descending ? '9999-99-99' : '', afterDate: null, afterRank: 0, afterId: null };
  const [key, rank, id] = after;
  // + 0 turns a negative zero into 0: Neo4j does not take -0.0 for the rank 0.
  const afterRank = (descending ? -rank : rank) + 0;
  if (key === UNDATED_SORT_KEY)
    return { fromDate: descending ? '' : '9999-99-99', afterDate: null, afterRank, afterId: id };
  const day = typeof key === 'number' && Number.isInteger(key) ? (descending ? -key : key) : -1;
  if (day < 0 || day > MAX_DAYS) throw new InputError('"after" is not a cursor of this list');
  return { fromDate: isoDay(day), afterDate: isoDay(day), afterRank, afterId: id };
}

/** The lower-case name a NAME page starts from (cypher/starts/*-by-name.cypher): the cursor's, or the first. */
const fromName = (after: SortKey | null) => (typeof after?.[0] === 'string' ? after[0] : '');

/** Switches and settings that do not narrow a list. */
const NOT_FILTERS = new Set(['actorsOnly', 'affiliates', 'graphTypes']);
const unfiltered = (f: Record<string, unknown>) =>
  Object.entries(f).every(([k, v]) => NOT_FILTERS.has(k) || v === null || v === undefined);

/** The filtered, ordered lists behind the connections: a page query (keyset) and a count query per list. */
export class ListRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
    private readonly graph: GraphRepository,
  ) {}

  private async page<T extends EntityRecord | EventRecord | DisputeRecord | ClaimRecord | DocumentRecord>(
    name: string,
    node: z.ZodType<T>,
    filters: Record<string, unknown>,
    order: string,
    after: SortKey | null,
    limit: number,
    /** Parameters of the page query that are not filters. */
    extra: Record<string, unknown> = {},
    plan: ListPlan = { preload: [], compiled: null, counted: false, lookahead: false },
  ): Promise<Page<T>> {
    const { preload, compiled } = plan;
    let total: Promise<number> | undefined;
    const count = () => {
      const label = unfiltered(filters) ? LIST_LABELS[name]?.(filters) : undefined;
      // Unfiltered, a literal label is counted from Neo4j's count store (no scan).
      const text = label ? `MATCH (n:${label}) RETURN count(n) AS total` : queryText(name, 'count', filters);
      total ??= this.db
        .read(`${name}-count`, text, filters, this.opts)
        .then((r) => parseRows(`${name}-count`, countRow, r)[0]?.total ?? 0);
      return total;
    };
    // Asked for, the count runs beside the page, not after it; a failure is the totalCount field's to report.
    if (plan.counted) count().catch(() => {});
    // $undated: the sort key of undated items in the events' and documents' orders.
    const params = { ...filters, ...extra, order, after, limit: int(limit), undated: int(UNDATED_SORT_KEY) };
    const text = queryText(name, 'page', filters, order);
    let rows: { node: T; sortKey: SortKey }[];
    if (compiled) {
      const label = SEEK_LABELS[name] ?? 'Entity';
      const raw = await this.db.read(
        `${name}-page+compiled`,
        withCompiled(text, compiled, label),
        { ...params, compiled: compiled.params, compiledRows: int(plan.lookahead ? limit - 1 : limit) },
        this.opts,
      );
      const parsed = parseRows(`${name}-page+compiled`, pageRow(node), raw);
      this.graph.prime(parsed.map((r) => r.node));
      const items = parsed.map((r, i) => {
        const answers = (raw[i] as { compiled: unknown }).compiled;
        return { node: answers === null ? r.node : withAnswers(r.node, answers), sortKey: r.sortKey };
      });
      return { items, total: count };
    }
    if (preload.length === 0) {
      rows = parseRows(`${name}-page`, pageRow(node), await this.db.read(`${name}-page`, text, params, this.opts));
    } else {
      const items = await this.graph.readWithPreload(`${name}-page`, text, params, preload, 'page');
      rows = parseRows(`${name}-page`, pageRow(node), items);
    }
    this.graph.prime(rows.map((r) => r.node));
    return { items: rows, total: count };
  }

  entities(
    f: { actorsOnly: boolean; kinds: EntityKind[] | null; disputeId: string | null; nameKey: string | null },
    order: EntityOrder,
    after: SortKey | null,
    limit: number,
    plan?: ListPlan,
  ) {
    const extra = { fromName: fromName(after) };
    return this.page('actors', entityRecord, { ...f, graphTypes: EDGE_TYPE_WORDS }, order, after, limit, extra, plan);
  }

  events(
    f: {
      from: string | null;
      to: string | null;
      types: EventType[] | null;
      statuses: EventStatus[] | null;
      actorId: string | null;
      affiliates: boolean;
      disputeId: string | null;
    },
    order: EventOrder,
    after: SortKey | null,
    limit: number,
    plan?: ListPlan,
  ) {
    const extra = eventsCursor(order, after);
    return this.page('events', eventRecord, f, order, after, limit, extra, plan);
  }

  disputes(f: { actorId: string | null }, order: DisputeOrder, after: SortKey | null, limit: number, plan?: ListPlan) {
    return this.page('disputes', disputeRecord, f, order, after, limit, { fromName: fromName(after) }, plan);
  }

  claims(
    f: {
      stances: ClaimStance[] | null;
      aspects: ClaimAspect[] | null;
      documentId: string | null;
      assertedBy: string | null;
    },
    order: ClaimOrder,
    after: SortKey | null,
    limit: number,
    plan?: ListPlan,
  ) {
    // The page reads claims in documentId order from the cursor's document on.
    const extra = { fromDocument: after ? String(after[0]) : '' };
    return this.page('claims', claimRecord, f, order, after, limit, extra, plan);
  }

  documents(order: DocumentOrder, after: SortKey | null, limit: number, plan?: ListPlan) {
    return this.page('documents', documentRecord, {}, order, after, limit, {}, plan);
  }
}
