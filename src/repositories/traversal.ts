import { z } from 'zod';
import { cypher, templated } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import { disputeRecord, edgeRecord, entityRecord, eventRecord, nodeRecord } from '../domain/records.js';
import { type CompiledSelection, withAnswers } from './compiled.js';
import type { GraphRepository } from './graph.js';
import { edgeTypes } from './patterns.js';
import type { PreloadStep } from './preload.js';
import { parseRows } from './rows.js';

/** Relationships of the shown types above which a node counts as a hub in a neighbourhood query. */
const DENSE_DEGREE = 500;

const subgraph = z.object({ nodes: z.array(nodeRecord), edges: z.array(edgeRecord), truncated: z.boolean() });
export type Subgraph = z.infer<typeof subgraph>;
const path = subgraph.omit({ truncated: true });

const role = z.enum(['HAS_SOURCE', 'HAS_TARGET', 'CONCERNS']);
const dyadEvent = z.object({ event: eventRecord, aRoles: z.array(role), bRoles: z.array(role) });
/** What the dyad's query counts and sums over all its linking events, whatever lists it sends. */
const dyadSummary = z.object({
  events: z.number().int(),
  cooperation: z.number().int(),
  conflict: z.number().int(),
  goldsteinSum: z.number(),
  cooperationSum: z.number(),
  conflictSum: z.number(),
  countedStatuses: z.array(z.string()),
  /** Shared disputes (0 when the operation reads none of them). */
  disputes: z.number().int(),
});
const dyad = z.object({
  sideA: z.array(entityRecord),
  sideB: z.array(entityRecord),
  summary: dyadSummary,
  events: z.array(dyadEvent),
  cooperation: z.array(dyadEvent),
  conflict: z.array(dyadEvent),
  relations: z.array(edgeRecord),
  disputes: z.array(z.object({ dispute: disputeRecord, a: z.array(edgeRecord), b: z.array(edgeRecord) })),
});
export type DyadRecord = z.infer<typeof dyad>;
/** How many items of a dyad's list of events or of shared disputes a query sends: null all, 0 none. */
export interface DyadFirst {
  events: number | null;
  cooperation: number | null;
  conflict: number | null;
  disputes: number | null;
}
/** Which of a dyad's lists a query computes, and how much of each list that takes `first` it sends. */
export interface DyadParts {
  events: boolean;
  relations: boolean;
  disputes: boolean;
  first: DyadFirst;
}
const ALL_DYAD_PARTS: DyadParts = {
  events: true,
  relations: true,
  disputes: true,
  first: { events: null, cooperation: null, conflict: null, disputes: null },
};
/** The dyad query answers in parts (rows) of at most ROW_PARTS.dyadChunk items of each list. */
const dyadPart = dyad.extend({ part: z.number().int(), summary: dyadSummary.nullable() });

const checkedInt = (n: number, min: number, max: number) => {
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`integer out of range: ${n}`);
  return n;
};

/** Neighbourhoods, shortest paths and dyads. Bounds are checked by the API and again here. */
export class TraversalRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
    private readonly graph: GraphRepository,
  ) {}

  /**
   * `denseDegree`: nodes with more relationships of these types are not expanded to find the edges
   * among the nodes; their pairs are looked up directly (see neighborhood.cypher).
   */
  async neighborhood(
    id: string,
    depth: number,
    types: string[],
    limit: number,
    denseDegree = DENSE_DEGREE,
  ): Promise<Subgraph | null> {
    const text = templated('queries/neighborhood', { DEPTH: checkedInt(depth, 1, 3), TYPES: edgeTypes(types) });
    const [row] = parseRows(
      'neighborhood',
      subgraph,
      await this.db.read('neighborhood', text, { id, limit: int(limit), denseDegree: int(denseDegree) }, this.opts),
    );
    if (!row) return null;
    this.graph.prime(row.nodes);
    // One order whatever the plan: by the places of their ends among the nodes (nearest first), then
    // kind, so that the same neighbourhood is drawn the same way (the explorer's layout follows it).
    const at = new Map(row.nodes.map((n, i) => [n.id, i]));
    const place = (key: string) => at.get(key) ?? row.nodes.length;
    row.edges.sort(
      (a, b) => place(a.from) - place(b.from) || place(a.to) - place(b.to) || a.type.localeCompare(b.type),
    );
    return row;
  }

  /** A shortest path; with `preload`, the claims behind its edges come in the same query (preload.ts). */
  async shortestPath(
    from: string,
    to: string,
    maxHops: number,
    types: string[],
    preload: readonly PreloadStep[] = [],
    compiled: CompiledSelection | null = null,
  ): Promise<Subgraph | null> {
    const text = templated('queries/shortest-path', { MAXHOPS: checkedInt(maxHops, 1, 6), TYPES: edgeTypes(types) });
    const params = { from, to };
    if (compiled) return this.compiledPath(text, params, compiled);
    const rows =
      preload.length === 0
        ? await this.db.read('shortest-path', text, params, this.opts)
        : await this.graph.readWithPreload('shortest-path', text, params, preload, 'graph');
    const [row] = parseRows('shortest-path', path, rows);
    if (!row) return null;
    this.graph.prime(row.nodes);
    return { ...row, truncated: false };
  }

  /** The path with its edges' compiled fields (graphql/compile.ts) in the same query, each under COMPILED_FIELDS. */
  private async compiledPath(
    text: string,
    params: Record<string, unknown>,
    compiled: CompiledSelection,
  ): Promise<Subgraph | null> {
    const tail = /AS edges\s*$/;
    if (!tail.test(text)) throw new Error('shortest-path does not end in … AS edges');
    const query = text.replace(
      tail,
      `AS edges,
       COLLECT { UNWIND range(0, size(relationships(p)) - 1) AS i
                 WITH i, relationships(p)[i] AS r0 WITH i, r0, startNode(r0) AS f0, endNode(r0) AS t0 ORDER BY i
                 RETURN ${compiled.map} } AS compiled`,
    );
    const rows = await this.db.read(
      'shortest-path+compiled',
      query,
      { ...params, compiled: compiled.params },
      this.opts,
    );
    const [row] = parseRows('shortest-path', path, rows);
    if (!row) return null;
    this.graph.prime(row.nodes);
    const answers = (rows[0] as { compiled: unknown[] }).compiled;
    const edges = row.edges.map((e, i) => withAnswers(e, answers[i]));
    return { nodes: row.nodes, edges, truncated: false };
  }

  /** `lists`: the lists the operation reads (the others come empty); `counted`: the statuses the sums count (null: all). */
  async dyad(
    a: string,
    b: string,
    affiliates: boolean,
    relationTypes: string[],
    lists: DyadParts = ALL_DYAD_PARTS,
    counted: readonly string[] | null = null,
  ): Promise<DyadRecord | null> {
    const { first, ...parts } = lists;
    const firstParam = Object.fromEntries(
      Object.entries(first).map(([k, n]) => [k, n === null ? null : int(checkedInt(n, 0, Number.MAX_SAFE_INTEGER))]),
    );
    const params = { a, b, affiliates, relationTypes, parts, first: firstParam, counted };
    const rows = parseRows('dyad', dyadPart, await this.db.read('dyad', cypher('queries/dyad'), params, this.opts));
    rows.sort((x, y) => x.part - y.part);
    const summary = rows[0]?.summary;
    if (!summary) return null;
    const row: DyadRecord = {
      sideA: rows[0]?.sideA ?? [],
      sideB: rows[0]?.sideB ?? [],
      summary,
      events: rows.flatMap((p) => p.events),
      cooperation: rows.flatMap((p) => p.cooperation),
      conflict: rows.flatMap((p) => p.conflict),
      relations: rows.flatMap((p) => p.relations),
      disputes: rows.flatMap((p) => p.disputes),
    };
    this.graph.prime([
      ...row.sideA,
      ...row.sideB,
      ...[...row.events, ...row.cooperation, ...row.conflict].map((e) => e.event),
      ...row.disputes.map((d) => d.dispute),
    ]);
    return row;
  }
}
