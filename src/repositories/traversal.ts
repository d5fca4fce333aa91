import { cypher, templated } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import type { DisputeRecord, EdgeRecord, EntityRecord, EventRecord, NodeRecord } from '../domain/records.js';
import type { GraphRepository } from './graph.js';

export interface Subgraph {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  truncated: boolean;
}

export interface DyadRecord {
  sideA: EntityRecord[];
  sideB: EntityRecord[];
  events: { event: EventRecord; aRoles: string[]; bRoles: string[] }[];
  relations: EdgeRecord[];
  disputes: { dispute: DisputeRecord; a: EdgeRecord[]; b: EdgeRecord[] }[];
}

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

  async neighborhood(id: string, depth: number, types: string[], limit: number): Promise<Subgraph | null> {
    const text = templated('queries/neighborhood', { DEPTH: checkedInt(depth, 1, 3) });
    const [row] = await this.db.read<Subgraph>('neighborhood', text, { id, types, limit: int(limit) }, this.opts);
    if (!row) return null;
    this.graph.prime(row.nodes);
    return row;
  }

  async shortestPath(from: string, to: string, maxHops: number, types: string[]): Promise<Subgraph | null> {
    const text = templated('queries/shortest-path', { MAXHOPS: checkedInt(maxHops, 1, 6) });
    const [row] = await this.db.read<Omit<Subgraph, 'truncated'>>(
      'shortest-path',
      text,
      { from, to, types },
      this.opts,
    );
    if (!row) return null;
    this.graph.prime(row.nodes);
    return { ...row, truncated: false };
  }

  async dyad(a: string, b: string, affiliates: boolean, relationTypes: string[]): Promise<DyadRecord | null> {
    const [row] = await this.db.read<DyadRecord>(
      'dyad',
      cypher('queries/dyad'),
      { a, b, affiliates, relationTypes },
      this.opts,
    );
    if (!row) return null;
    this.graph.prime([
      ...row.sideA,
      ...row.sideB,
      ...row.events.map((e) => e.event),
      ...row.disputes.map((d) => d.dispute),
    ]);
    return row;
  }
}
