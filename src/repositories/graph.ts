import DataLoader from 'dataloader';
import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import type { Direction } from '../domain/edges.js';
import {
  type ClaimRecord,
  claimRecord,
  type EdgeRecord,
  type EntityRecord,
  edgeRecord,
  entityRecord,
  eventRecord,
  evidenceRecord,
  fromRow,
  isEntity,
  type MentionRecord,
  mentionRecord,
  type NodeRecord,
  nodeRecord,
  type SentenceRecord,
  sentenceRecord,
} from '../domain/records.js';
import { type CompiledSelection, withAnswers } from './compiled.js';
import { relationshipPattern } from './patterns.js';
import {
  type ClaimSelection,
  type PreloadRoot,
  type PreloadStep,
  preloadParams,
  preloadRow,
  splitPreloadRows,
  withPreload,
} from './preload.js';
import { CLAIM_DETAIL_KEYS, parseRows, RowShapeError } from './rows.js';

export type { Direction };

const edgeWithOther = z.object({ edge: edgeRecord, other: nodeRecord });
export type EdgeWithOther = z.infer<typeof edgeWithOther>;

const claimDetailFields = z.object({
  claim: claimRecord,
  asserterId: z.string().nullable(),
  /** The asserter's node when the operation reads it (see projection.ts), else null: `asserter` loads it. */
  assertedBy: entityRecord.nullable(),
  evidence: z.array(evidenceRecord),
  /** Ids of what it is about: an event or dispute, or a relation's two ends. */
  about: z.string().nullable(),
  subject: z.string().nullable(),
  object: z.string().nullable(),
  contradicts: z.array(z.string()),
});
const claimDetails = fromRow(CLAIM_DETAIL_KEYS, claimDetailFields);
export type ClaimDetails = z.infer<typeof claimDetailFields>;

const actorEvent = z.object({ event: eventRecord, roles: z.array(z.enum(['HAS_SOURCE', 'HAS_TARGET'])) });
export type ActorEvent = z.infer<typeof actorEvent>;

/** The loader key of a claim selection (preload.ts ClaimSelection says the kinds). */
const claimKey = (kind: ClaimSelection, id: string) => `${kind}:${id}`;
const splitClaimKey = (key: string) => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)] as const;
};

const byId = <S extends z.ZodType>(field: string, value: S) => z.object({ id: z.string(), [field]: value });

// Row schemas are built once: zod compiles a schema on its first parse, which per request costs more
// than the parse itself.
const nodeById = z.object({ id: z.string(), node: nodeRecord });
const nodeOnly = z.object({ node: nodeRecord });
const edgesById = z.object({ id: z.string(), edges: z.array(edgeWithOther) });
const claimsByAsk = z.object({ kind: z.string(), id: z.string(), claims: z.array(claimDetails) });
const eventsByActor = z.object({ key: z.string(), events: z.array(actorEvent) });
const listRows = {
  sourceValues: byId('sourceValues', z.array(z.string())),
  mentions: byId('mentions', z.array(mentionRecord)),
  sentences: byId('sentences', z.array(sentenceRecord)),
};

/**
 * Sorts the rows of edges-of-ids into the lists of each ask (`direction|types`, with the types it
 * wants): asks of one direction share a query over the union of their types.
 */
function splitEdges(
  rows: readonly { id: string; edges: EdgeWithOther[] }[],
  asks: readonly [string, Set<string>][],
  found: Map<string, EdgeWithOther[]>,
): void {
  for (const r of rows) {
    for (const [group, wanted] of asks) {
      const key = `${group}|${r.id}`;
      const edges = asks.length === 1 ? r.edges : r.edges.filter((e) => wanted.has(e.edge.type));
      // A hub's edges come in several rows, in order.
      const list = found.get(key);
      if (list) list.push(...edges);
      else found.set(key, edges);
    }
  }
}

/** The claims of claims-of-asks rows by a key of their ask: many claims of one ask come in several rows, in order. */
function claimsByKey(
  rows: readonly { kind: string; id: string; claims: unknown[] }[],
  keyOf: (row: { kind: string; id: string }) => string,
): Map<string, ClaimDetails[]> {
  const map = new Map<string, ClaimDetails[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = map.get(key);
    if (list) list.push(...(r.claims as ClaimDetails[]));
    else map.set(key, [...(r.claims as ClaimDetails[])]);
  }
  return map;
}

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
  private listsById<Item>(name: string, field: keyof typeof listRows) {
    const row = listRows[field];
    return new DataLoader<string, Item[]>(async (ids) => {
      const rows = parseRows(
        name,
        row,
        await this.db.read(name, cypher(`queries/${name}`), { ids: [...new Set(ids)] }, this.opts),
      );
      const map = new Map(rows.map((r) => [r.id, (r as Record<string, unknown>)[field] as Item[]]));
      return ids.map((id) => map.get(id) ?? []);
    });
  }

  /** Any node by id; other loaders prime it with the nodes they return. */
  readonly node = new DataLoader<string, NodeRecord | null>(async (ids) => {
    const rows = parseRows(
      'nodes-by-ids',
      nodeById,
      await this.db.read('nodes-by-ids', cypher('queries/nodes-by-ids'), { ids: [...new Set(ids)] }, this.opts),
    );
    const map = new Map(rows.map((r) => [r.id, r.node]));
    return ids.map((id) => map.get(id) ?? null);
  });

  /**
   * A root look-up: the node by id, with what its selection's fields will load (preload.ts) in the
   * same query when there is any; without, it shares the batched `node` loader.
   */
  async lookUp(id: string, steps: readonly PreloadStep[]): Promise<NodeRecord | null> {
    if (steps.length === 0) return this.node.load(id);
    const name = 'nodes-by-ids';
    const items = await this.readWithPreload(name, cypher(`queries/${name}`), { ids: [id] }, steps, 'nodes');
    const [found] = parseRows(name, nodeOnly, items);
    if (found) this.prime([found.node]);
    return found?.node ?? null;
  }

  /** A root look-up with its compiled fields (graphql/compile.ts) in the same query, under COMPILED_FIELDS. */
  async lookUpCompiled(id: string, compiled: CompiledSelection): Promise<NodeRecord | null> {
    const name = 'nodes-by-ids';
    const text = cypher(`queries/${name}`);
    const at = text.lastIndexOf('\nRETURN id, ');
    if (at < 0) throw new Error(`${name} does not end in RETURN id, … AS node`);
    const query = `${text.slice(0, at)}\nWITH id, n AS x0, ${text.slice(at + '\nRETURN id, '.length)}\nRETURN id, node, ${compiled.map} AS compiled`;
    const raw = await this.db.read(`${name}+compiled`, query, { ids: [id], compiled: compiled.params }, this.opts);
    const [found] = parseRows(name, nodeOnly, raw);
    if (!found) return null;
    this.prime([found.node]);
    return withAnswers(found.node, (raw[0] as { compiled: unknown }).compiled);
  }

  /**
   * Runs a query (a page, nodes-by-ids or a graph) with a preload's steps (preload.ts), caches what the
   * steps found and gives back the query's own rows, in order.
   */
  async readWithPreload(
    name: string,
    text: string,
    params: Record<string, unknown>,
    steps: readonly PreloadStep[],
    root: PreloadRoot,
  ): Promise<unknown[]> {
    const query = `${name}+preload`;
    const rows = await this.db.read(
      query,
      withPreload(text, steps, root),
      { ...params, preload: preloadParams(steps) },
      this.opts,
    );
    const { items, results } = splitPreloadRows(parseRows(query, preloadRow, rows), steps.length);
    this.acceptPreload(steps, results);
    return items;
  }

  /** Caches nodes that another query returned for `node`, and gives them back. */
  prime<T extends NodeRecord>(records: T[]): T[] {
    for (const r of records) this.node.prime(r.id, r);
    return records;
  }

  /**
   * Edges by `direction|types|id`, one query per level of the selection: asks with the same direction
   * for the same nodes share a query over the union of their types (an event's sources and targets are
   * one round trip), and each ask keeps the edges of its own types.
   */
  private readonly typedEdges = new DataLoader<string, EdgeWithOther[]>(async (keys) => {
    const groups = new Map<string, string[]>();
    for (const key of new Set(keys)) {
      const at = key.lastIndexOf('|');
      const group = key.slice(0, at);
      groups.set(group, [...(groups.get(group) ?? []), key.slice(at + 1)]);
    }
    const queries = new Map<string, { direction: Direction; ids: string[]; groups: [string, Set<string>][] }>();
    for (const [group, ids] of groups) {
      const [direction, types] = group.split('|') as [Direction, string];
      const shared = `${direction}|${[...ids].sort().join('|')}`;
      const query = queries.get(shared) ?? { direction, ids, groups: [] };
      query.groups.push([group, new Set(types.split(','))]);
      queries.set(shared, query);
    }
    const found = new Map<string, EdgeWithOther[]>();
    await Promise.all(
      [...queries.values()].map(async ({ direction, ids, groups: asks }) => {
        const types = [...new Set(asks.flatMap(([, t]) => [...t]))].sort();
        const rows = parseRows(
          'edges-of-nodes',
          edgesById,
          await this.db.read(
            'edges-of-nodes',
            cypher('queries/edges-of-nodes').replaceAll('__PATTERN__', relationshipPattern(types, direction)),
            { ids },
            this.opts,
          ),
        );
        splitEdges(rows, asks, found);
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
      claimsByAsk,
      await this.db.read('claims', cypher('queries/claims'), { asks }, this.opts),
    );
    const map = claimsByKey(rows, (r) => claimKey(r.kind as ClaimSelection, r.id));
    return keys.map((key) => this.acceptClaims(key, map.get(key) ?? []));
  });

  /** Caches what claims bring along: the claims, their asserters and evidence as nodes, each claim's details. */
  private acceptClaims(key: string, list: ClaimDetails[]): ClaimDetails[] {
    for (const d of list) {
      this.prime(d.assertedBy ? [d.claim, d.assertedBy, ...d.evidence] : [d.claim, ...d.evidence]);
      if (!key.startsWith('ids:')) this.claims.prime(claimKey('ids', d.claim.id), [d]);
    }
    return list;
  }

  /**
   * Caches what a page query's preload found (repositories/preload.ts) under the keys the field
   * resolvers will ask for, so that those fields send no query of their own: every id of a step gets
   * its list, empty when it has none.
   */
  private acceptPreload(steps: readonly PreloadStep[], results: readonly { ids: string[]; rows: unknown[] }[]): void {
    steps.forEach((step, k) => {
      const result = results[k];
      if (!result) throw new RowShapeError(`preload step ${k} is missing from the answer`);
      if (step.load.kind === 'edges') {
        const { direction } = step.load;
        const asks = step.fields.map((types): [string, Set<string>] => [
          `${direction}|${types.join(',')}`,
          new Set(types),
        ]);
        const found = new Map<string, EdgeWithOther[]>();
        splitEdges(parseRows('preload-edges', edgesById, result.rows), asks, found);
        for (const id of result.ids) {
          for (const [group] of asks) {
            const key = `${group}|${id}`;
            const list = found.get(key) ?? [];
            this.prime(list.map((e) => e.other));
            this.typedEdges.prime(key, list);
          }
        }
      } else {
        const rows = parseRows('preload-claims', claimsByAsk, result.rows);
        const map = claimsByKey(rows, (r) => r.id);
        for (const id of result.ids) {
          const key = claimKey(step.load.by, id);
          this.claims.prime(key, this.acceptClaims(key, map.get(id) ?? []));
        }
      }
    });
  }

  /** Who asserts a claim: the node its details brought, or loaded by id. */
  async asserter(id: string): Promise<EntityRecord | null> {
    const d = await this.claimDetails.load(id);
    if (!d?.asserterId) return null;
    if (d.assertedBy) return d.assertedBy;
    const node = await this.node.load(d.asserterId);
    return node && isEntity(node) ? node : null;
  }

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
  readonly sourceValuesOfEntity = this.listsById<string>('entity-sources', 'sourceValues');
  readonly mentionsOfEntity = this.listsById<MentionRecord>('mentions-of-entities', 'mentions');
  readonly mentionsInDocument = this.listsById<MentionRecord>('mentions-in-documents', 'mentions');
  readonly sentencesOfDocument = this.listsById<SentenceRecord>('sentences-of-documents', 'sentences');

  private readonly eventsOfActors = new DataLoader<string, ActorEvent[]>(async (keys) => {
    const rows = parseRows(
      'events-of-actors',
      eventsByActor,
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
