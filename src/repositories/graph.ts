import DataLoader from 'dataloader';
import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import type {
  ClaimRecord,
  EdgeRecord,
  EntityRecord,
  EvidenceRecord,
  MentionRecord,
  NodeRecord,
  SentenceRecord,
} from '../domain/records.js';
import { normalize } from '../domain/records.js';
import { EDGE_TYPES } from '../ingest/plan.js';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface EdgeWithOther {
  edge: EdgeRecord;
  other: NodeRecord;
}

export interface ClaimDetails {
  claim: ClaimRecord;
  assertedBy: EntityRecord | null;
  evidence: EvidenceRecord[];
  about: NodeRecord | null;
  subject: EntityRecord | null;
  object: NodeRecord | null;
  contradicts: string[];
}

/**
 * Per-request loaders: every field that follows a relationship asks one of these, and DataLoader
 * turns all the asks of one level of the query into a single Cypher round trip.
 */
export class GraphRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
  ) {}

  private byId<V>(name: string, field: string, fallback: V) {
    return new DataLoader<string, V>(async (ids) => {
      const rows = await this.db.read<Record<string, unknown>>(
        name,
        cypher(`queries/${name}`),
        { ids: [...new Set(ids)] },
        this.opts,
      );
      const map = new Map(rows.map((r) => [r.id as string, r[field] as V]));
      return ids.map((id) => map.get(id) ?? fallback);
    });
  }

  /** Any node by id; other loaders prime it with the nodes they return. */
  readonly node = new DataLoader<string, NodeRecord | null>(async (ids) => {
    const rows = await this.db.read<{ id: string; node: NodeRecord }>(
      'nodes-by-ids',
      cypher('queries/nodes-by-ids'),
      { ids: [...new Set(ids)] },
      this.opts,
    );
    const map = new Map(rows.map((r) => [r.id, normalize(r.node)]));
    return ids.map((id) => map.get(id) ?? null);
  });

  /** Normalizes records that another query returned and caches them for `node`. */
  prime<T extends NodeRecord>(records: T[]): T[] {
    for (const r of records) {
      if (!r) continue;
      normalize(r);
      this.node.prime(r.id, r);
    }
    return records;
  }

  /**
   * Every truthy edge at a node, both directions, in one query per level of the selection: the
   * fields that follow edges of one node (sources, targets, concerns …) share it, and filter.
   */
  private readonly allEdges = new DataLoader<string, EdgeWithOther[]>(async (ids) => {
    const rows = await this.db.read<{ id: string; edges: EdgeWithOther[] }>(
      'edges-of-nodes',
      cypher('queries/edges-of-nodes'),
      { ids: [...new Set(ids)], types: EDGE_TYPES },
      this.opts,
    );
    const map = new Map(rows.map((r) => [r.id, r.edges]));
    return ids.map((i) => {
      const list = map.get(i) ?? [];
      this.prime(list.map((e) => e.other));
      return list;
    });
  });

  /** Edges of the given types at a node, in the given direction. */
  async edges(id: string, types: readonly string[], direction: Direction): Promise<EdgeWithOther[]> {
    const wanted = new Set(types);
    return (await this.allEdges.load(id)).filter(
      ({ edge }) =>
        wanted.has(edge.type) && (direction === 'BOTH' || (direction === 'OUT' ? edge.from === id : edge.to === id)),
    );
  }

  /** Claims with their details, selected by kind (see cypher/queries/claims.cypher), one query per level. */
  private claimLoader(kind: 'ids' | 'about' | 'asserted' | 'document') {
    return new DataLoader<string, ClaimDetails[]>(async (ids) => {
      const rows = await this.db.read<{ id: string; claims: ClaimDetails[] }>(
        `claims-${kind}`,
        cypher('queries/claims'),
        { ids: [...new Set(ids)], kind },
        this.opts,
      );
      const map = new Map(rows.map((r) => [r.id, r.claims]));
      return ids.map((id) => {
        const list = map.get(id) ?? [];
        for (const d of list) {
          this.prime(
            [d.claim, d.assertedBy, d.about, d.subject, d.object, ...d.evidence].filter((x): x is NodeRecord => !!x),
          );
          if (kind !== 'ids') this.claimDetailsById.prime(d.claim.id, [d]);
        }
        return list;
      });
    });
  }

  private readonly claimDetailsById = this.claimLoader('ids');
  private readonly claimsByKind = {
    about: this.claimLoader('about'),
    asserted: this.claimLoader('asserted'),
    document: this.claimLoader('document'),
  };

  /** Who asserts a claim, its evidence, what it is about and what contradicts it. */
  readonly claimDetails = {
    load: async (id: string): Promise<ClaimDetails | null> => (await this.claimDetailsById.load(id))[0] ?? null,
    loadMany: (ids: readonly string[]) => Promise.all(ids.map((id) => this.claimDetails.load(id))),
    clear: (id: string) => this.claimDetailsById.clear(id),
  };

  private claimList(kind: keyof GraphRepository['claimsByKind']) {
    return async (id: string): Promise<ClaimRecord[]> => (await this.claimsByKind[kind].load(id)).map((d) => d.claim);
  }

  readonly claimsAbout = this.claimList('about');
  readonly claimsAssertedBy = this.claimList('asserted');
  readonly claimsOfDocument = this.claimList('document');
  readonly mentionsOfEntity = this.byId<MentionRecord[]>('mentions-of-entities', 'mentions', []);
  readonly mentionsInDocument = this.byId<MentionRecord[]>('mentions-in-documents', 'mentions', []);
  readonly sentencesOfDocument = this.byId<SentenceRecord[]>('sentences-of-documents', 'sentences', []);

  /** Nodes by id, in order, skipping ids that are gone. */
  async nodes(ids: readonly string[]): Promise<NodeRecord[]> {
    const found = await this.node.loadMany(ids);
    return found.filter((n): n is NodeRecord => n !== null && !(n instanceof Error));
  }
}
