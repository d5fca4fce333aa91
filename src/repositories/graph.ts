import DataLoader from 'dataloader';
import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import type { Direction } from '../domain/edges.js';
import {
  type ClaimRecord,
  claimRecord,
  type EdgeRecord,
  edgeRecord,
  entityRecord,
  eventRecord,
  evidenceRecord,
  type MentionRecord,
  mentionRecord,
  type NodeRecord,
  nodeRecord,
  type SentenceRecord,
  sentenceRecord,
} from '../domain/records.js';
import { relationshipPattern } from './patterns.js';
import { parseRows } from './rows.js';

export type { Direction };

const edgeWithOther = z.object({ edge: edgeRecord, other: nodeRecord });
export type EdgeWithOther = z.infer<typeof edgeWithOther>;

const claimDetails = z.object({
  claim: claimRecord,
  assertedBy: entityRecord.nullable(),
  evidence: z.array(evidenceRecord),
  about: nodeRecord.nullable(),
  subject: entityRecord.nullable(),
  object: nodeRecord.nullable(),
  contradicts: z.array(z.string()),
});
export type ClaimDetails = z.infer<typeof claimDetails>;

const actorEvent = z.object({ event: eventRecord, roles: z.array(z.enum(['HAS_SOURCE', 'HAS_TARGET'])) });
export type ActorEvent = z.infer<typeof actorEvent>;

/** How an id selects claims: the claims themselves, those about it, asserted by it, or from it. */
type ClaimSelection = 'ids' | 'about' | 'asserted' | 'document';
const claimKey = (kind: ClaimSelection, id: string) => `${kind}:${id}`;
const splitClaimKey = (key: string) => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)] as const;
};

const byId = <S extends z.ZodType>(field: string, value: S) => z.object({ id: z.string(), [field]: value });

/**
 * Per-request loaders: every field that follows a relationship asks one of these, and DataLoader
 * turns all the asks of one level of the query into a single Cypher round trip. Rows are parsed
 * (domain/records.ts) before they leave.
 */
export class GraphRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
  ) {}

  /** A loader of one list per id from a query that returns `{id, <field>: [...]}` rows. */
  private listsById<S extends z.ZodType>(name: string, field: string, item: S) {
    const row = byId(field, z.array(item));
    return new DataLoader<string, z.output<S>[]>(async (ids) => {
      const rows = parseRows(
        name,
        row,
        await this.db.read(name, cypher(`queries/${name}`), { ids: [...new Set(ids)] }, this.opts),
      );
      const map = new Map(rows.map((r) => [r.id, (r as Record<string, unknown>)[field] as z.output<S>[]]));
      return ids.map((id) => map.get(id) ?? []);
    });
  }

  /** Any node by id; other loaders prime it with the nodes they return. */
  readonly node = new DataLoader<string, NodeRecord | null>(async (ids) => {
    const rows = parseRows(
      'nodes-by-ids',
      z.object({ id: z.string(), node: nodeRecord }),
      await this.db.read('nodes-by-ids', cypher('queries/nodes-by-ids'), { ids: [...new Set(ids)] }, this.opts),
    );
    const map = new Map(rows.map((r) => [r.id, r.node]));
    return ids.map((id) => map.get(id) ?? null);
  });

  /** Caches nodes that another query returned for `node`, and gives them back. */
  prime<T extends NodeRecord>(records: T[]): T[] {
    for (const r of records) this.node.prime(r.id, r);
    return records;
  }

  /**
   * Every truthy edge at a node, both directions, in one query per level of the selection: the
   * fields that follow edges of one node (sources, targets, concerns …) share it, and filter.
   */
  /** Edges by `direction|types|id`: the asks of one level with the same types and direction share a query. */
  private readonly typedEdges = new DataLoader<string, EdgeWithOther[]>(async (keys) => {
    const groups = new Map<string, string[]>();
    for (const key of new Set(keys)) {
      const at = key.lastIndexOf('|');
      const group = key.slice(0, at);
      groups.set(group, [...(groups.get(group) ?? []), key.slice(at + 1)]);
    }
    const found = new Map<string, EdgeWithOther[]>();
    await Promise.all(
      [...groups].map(async ([group, ids]) => {
        const [direction, types] = group.split('|') as [Direction, string];
        const rows = parseRows(
          'edges-of-nodes',
          byId('edges', z.array(edgeWithOther)),
          await this.db.read(
            'edges-of-nodes',
            cypher('queries/edges-of-nodes').replaceAll(
              '__PATTERN__',
              relationshipPattern(types.split(','), direction),
            ),
            { ids },
            this.opts,
          ),
        );
        for (const r of rows) found.set(`${group}|${r.id}`, r.edges as EdgeWithOther[]);
      }),
    );
    return keys.map((key) => {
      const list = found.get(key) ?? [];
      this.prime(list.map((e) => e.other));
      return list;
    });
  });

  /** Edges of the given types at a node, in the given direction (only those are read). */
  async edges(id: string, types: readonly string[], direction: Direction): Promise<EdgeWithOther[]> {
    if (types.length === 0) return [];
    return this.typedEdges.load(`${direction}|${[...new Set(types)].sort().join(',')}|${id}`);
  }

  /**
   * Claims with their details, selected by how an id picks them (see cypher/queries/claims.cypher):
   * every ask of one level — a relation's claims by id, an event's claims about it — shares one query.
   */
  private readonly claims = new DataLoader<string, ClaimDetails[]>(async (keys) => {
    const asks = [...new Set(keys)].map((k) => {
      const [kind, id] = splitClaimKey(k);
      return { kind, id };
    });
    const rows = parseRows(
      'claims',
      z.object({ kind: z.string(), id: z.string(), claims: z.array(claimDetails) }),
      await this.db.read('claims', cypher('queries/claims'), { asks }, this.opts),
    );
    const map = new Map(rows.map((r) => [claimKey(r.kind as ClaimSelection, r.id), r.claims as ClaimDetails[]]));
    return keys.map((key) => {
      const list = map.get(key) ?? [];
      for (const d of list) {
        this.prime(
          [d.claim, d.assertedBy, d.about, d.subject, d.object, ...d.evidence].filter((x): x is NodeRecord => !!x),
        );
        if (!key.startsWith('ids:')) this.claims.prime(claimKey('ids', d.claim.id), [d]);
      }
      return list;
    });
  });

  /** Who asserts a claim, its evidence, what it is about and what contradicts it. */
  readonly claimDetails = {
    load: async (id: string): Promise<ClaimDetails | null> => (await this.claims.load(claimKey('ids', id)))[0] ?? null,
    loadMany: (ids: readonly string[]) => Promise.all(ids.map((id) => this.claimDetails.load(id))),
    clear: (id: string) => this.claims.clear(claimKey('ids', id)),
  };

  private claimList(kind: Exclude<ClaimSelection, 'ids'>) {
    return async (id: string): Promise<ClaimRecord[]> =>
      (await this.claims.load(claimKey(kind, id))).map((d) => d.claim);
  }

  readonly claimsAbout = this.claimList('about');
  readonly claimsAssertedBy = this.claimList('asserted');
  readonly claimsOfDocument = this.claimList('document');
  /** What each document says of an entity (not in the node maps the other queries return). */
  readonly sourceValuesOfEntity = this.listsById('entity-sources', 'sourceValues', z.string());
  readonly mentionsOfEntity = this.listsById<typeof mentionRecord>('mentions-of-entities', 'mentions', mentionRecord);
  readonly mentionsInDocument = this.listsById<typeof mentionRecord>(
    'mentions-in-documents',
    'mentions',
    mentionRecord,
  );
  readonly sentencesOfDocument = this.listsById<typeof sentenceRecord>(
    'sentences-of-documents',
    'sentences',
    sentenceRecord,
  );

  private readonly eventsOfActors = new DataLoader<string, ActorEvent[]>(async (keys) => {
    const rows = parseRows(
      'events-of-actors',
      z.object({ key: z.string(), events: z.array(actorEvent) }),
      await this.db.read(
        'events-of-actors',
        cypher('queries/events-of-actors'),
        { keys: [...new Set(keys)] },
        this.opts,
      ),
    );
    const map = new Map(rows.map((r) => [r.key, r.events]));
    return keys.map((k) => {
      const list = map.get(k) ?? [];
      this.prime(list.map((e) => e.event));
      return list;
    });
  });

  /**
   * The events an actor is a source or target of — with `affiliates`, also those of the people and
   * bodies acting for it — in timeline order, each with the roles the actor's side plays in it.
   */
  eventsOfActor(id: string, affiliates: boolean): Promise<ActorEvent[]> {
    return this.eventsOfActors.load(`${id}|${affiliates}`);
  }

  /** Nodes by id, in order, skipping ids that are gone. */
  async nodes(ids: readonly string[]): Promise<NodeRecord[]> {
    const found = await this.node.loadMany(ids);
    return found.filter((n): n is NodeRecord => n !== null && !(n instanceof Error));
  }
}

export type { EdgeRecord, MentionRecord, SentenceRecord };
