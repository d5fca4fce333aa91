import { z } from 'zod';
import { cypher, templated } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import {
  ALL_RELATIONSHIP_TYPES,
  type Direction,
  EDGE_TYPE_WORDS,
  NODE_LABELS,
  type NodeLabel,
} from '../domain/edges.js';
import { ALL_KIND_LABELS } from '../domain/entities.js';
import { parseRows } from './rows.js';

const count = z.object({ name: z.string(), count: z.number().int() });
export type Count = z.infer<typeof count>;
const graphStats = z.object({ labels: z.array(count), relationshipTypes: z.array(count) });
export type GraphStats = z.infer<typeof graphStats>;

/**
 * One count per label and relationship type the model has (allow-listed, written into the text): a
 * count with a literal label or type is read from Neo4j's count store, where a label given as a
 * value (`WHERE label IN labels(n)`) scans every node.
 */
export function graphStatsQuery(): string {
  const labels = [...new Set<string>([...NODE_LABELS, ...ALL_KIND_LABELS])];
  const parts = [
    ...labels.map((l, i) => `CALL () { MATCH (n:${l}) RETURN count(n) AS l${i} }`),
    ...ALL_RELATIONSHIP_TYPES.map((t, i) => `CALL () { MATCH ()-[r:${t}]->() RETURN count(r) AS r${i} }`),
  ];
  const list = (names: readonly string[], prefix: string) =>
    `[${names.map((n, i) => `{name: '${n}', count: ${prefix}${i}}`).join(', ')}]`;
  return `${parts.join('\n')}\nRETURN ${list(labels, 'l')} AS labels, ${list(ALL_RELATIONSHIP_TYPES, 'r')} AS relationshipTypes`;
}

/** The most relationships of some types, in one direction, that any node of a label has. */
export interface DegreeKey {
  label: NodeLabel;
  types: readonly string[];
  direction: Direction;
}

/**
 * Maxima that are not one node's degree, each one query branch returning `{<name>: n} AS maxima`.
 * `affiliates`: the most people and bodies acting for one actor, up to two hops (paths, so an upper
 * bound of the distinct ones). `documentsPerEntity`: the most documents naming one entity.
 * `claimsPerEdge`: the most claims behind one truthy edge. `edgesPerPair`: the most truthy edges between
 * two nodes (either direction; ~0.4 s over the 1M corpus).
 */
export const MEASURES = {
  affiliates:
    'MATCH (n:Entity) RETURN {affiliates: coalesce(max(COUNT { (:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(n) }), 0)} AS maxima',
  documentsPerEntity:
    'MATCH (n:Entity) RETURN {documentsPerEntity: coalesce(max(size(coalesce(n.documentIds, []))), 0)} AS maxima',
  claimsPerEdge: `MATCH ()-[r:${EDGE_TYPE_WORDS.join('|')}]->() RETURN {claimsPerEdge: coalesce(max(size(r.claimIds)), 0)} AS maxima`,
  edgesPerPair: `MATCH (a)-[r:${EDGE_TYPE_WORDS.join('|')}]->(b)
    WITH CASE WHEN elementId(a) < elementId(b) THEN [a, b] ELSE [b, a] END AS pair, count(r) AS n
    RETURN {edgesPerPair: coalesce(max(n), 0)} AS maxima`,
} as const;
export type MeasureName = keyof typeof MEASURES;

/** A degree, or one of the MEASURES. */
export type StatKey = DegreeKey | { measure: MeasureName };

const pattern = ({ types, direction }: DegreeKey) => {
  for (const t of types)
    if (!ALL_RELATIONSHIP_TYPES.includes(t)) throw new Error(`relationship type not allowed: ${t}`);
  const rel = `[:${types.join('|')}]`;
  return direction === 'OUT' ? `(n)-${rel}->()` : direction === 'IN' ? `(n)<-${rel}-()` : `(n)-${rel}-()`;
};

/**
 * One query for all the keys: per label, the largest degree of each key's types and direction.
 * COUNT { (n)-[:T]->() } reads the node's degree (no expansion), so this costs one pass over the
 * nodes of each label. Labels and types come from the allow-lists of domain/graph-shape.ts.
 */
export function degreeMaximaQuery(keys: readonly StatKey[]): string {
  const degrees = keys.map((k) => ('measure' in k ? null : k));
  const labels = [...new Set(degrees.flatMap((k) => (k ? [k.label] : [])))];
  const measures = [...new Set(keys.flatMap((k) => ('measure' in k ? [MEASURES[k.measure]] : [])))];
  return labels
    .map((label) => {
      if (!NODE_LABELS.includes(label)) throw new Error(`label not allowed: ${label}`);
      const columns = degrees
        .map((k, i) => (k?.label === label ? `k${i}: coalesce(max(COUNT { ${pattern(k)} }), 0)` : null))
        .filter(Boolean);
      return `MATCH (n:${label}) RETURN {${columns.join(', ')}} AS maxima`;
    })
    .concat(measures)
    .join('\nUNION ALL\n');
}

const sideSize = z.object({
  id: z.string(),
  affiliates: z.boolean(),
  size: z.number().int(),
  events: z.number().int(),
  relations: z.number().int(),
  parties: z.number().int(),
});
/** A dyad side (an actor, with or without its affiliates): its nodes and the sums of their degrees (events they take part in, truthy edges, PARTY_TO). */
export type SideSize = z.infer<typeof sideSize>;
const dyadSize = z.object({ events: z.number().int(), relations: z.number().int(), disputes: z.number().int() });
/** What links two actors, counted: the sizes of a dyad's lists. */
export type DyadSize = z.infer<typeof dyadSize>;

const sideSizesQuery = () => templated('queries/side-sizes', { EDGE_TYPES: EDGE_TYPE_WORDS.join('|') });

export class StatsRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
  ) {}

  /** Node counts per label and relationship counts per type (those that exist), from the count store. */
  async graphStats(): Promise<GraphStats> {
    const [row] = parseRows(
      'graph-stats',
      graphStats,
      await this.db.read('graph-stats', graphStatsQuery(), {}, this.opts),
    );
    const present = (counts: Count[]) => counts.filter((c) => c.count > 0);
    return row
      ? { labels: present(row.labels), relationshipTypes: present(row.relationshipTypes) }
      : { labels: [], relationshipTypes: [] };
  }

  /** The size of each side asked for (zeros for an actor that does not exist). */
  async sideSizes(sides: readonly { id: string; affiliates: boolean }[]): Promise<SideSize[]> {
    if (sides.length === 0) return [];
    return parseRows('side-sizes', sideSize, await this.db.read('side-sizes', sideSizesQuery(), { sides }, this.opts));
  }

  /** How many events, relations and shared disputes link two actors (zeros when either does not exist). */
  async dyadSize(a: string, b: string, affiliates: boolean): Promise<DyadSize> {
    const [row] = parseRows(
      'dyad-size',
      dyadSize,
      await this.db.read(
        'dyad-size',
        cypher('queries/dyad-size'),
        { a, b, affiliates, relationTypes: [...EDGE_TYPE_WORDS] },
        this.opts,
      ),
    );
    return row ?? { events: 0, relations: 0, disputes: 0 };
  }

  /** The largest degree or measure per key (see degreeMaximaQuery), in the order of the keys. */
  async degreeMaxima(keys: readonly StatKey[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const rows = parseRows(
      'degree-maxima',
      z.object({ maxima: z.record(z.string(), z.number()) }),
      await this.db.read('degree-maxima', degreeMaximaQuery(keys), {}, this.opts),
    );
    const found = new Map<string, number>();
    for (const { maxima } of rows) for (const [k, n] of Object.entries(maxima)) found.set(k, Number(n));
    return keys.map((k, i) => found.get('measure' in k ? k.measure : `k${i}`) ?? 0);
  }
}
