import { z } from 'zod';
import { fragment } from '../db/cypher.js';
import type { Direction, NodeLabel } from '../domain/edges.js';
import { EDGE_ROW_KEYS, NODE_ROW_KEYS } from '../domain/records.js';
import { relationshipPattern } from './patterns.js';
import { CLAIM_DETAIL_KEYS } from './rows.js';

/**
 * What a field of the next level will load for each node of a list: the edges of some types in one
 * direction (GraphRepository.edges), or claims selected by the node's id (ClaimLoad).
 */
export type FieldLoad = { kind: 'edges'; types: readonly string[]; direction: Direction } | ClaimLoad;
/** How an id selects claims (GraphRepository's claim loads): the claims themselves, those about it, asserted by it, or from it. */
export type ClaimSelection = 'ids' | 'about' | 'asserted' | 'document';

/**
 * Claims selected by an id as GraphRepository's claim loads select them: 'about' a node, a claim's
 * own details ('ids'), 'asserted' by an actor, from a 'document'. `of: 'claimIds'`: the claims behind
 * an edge (a Relation's), by the ids the edge holds.
 */
export type ClaimLoad = { kind: 'claims'; by: ClaimSelection; of?: 'claimIds' };

/** A field load in a selection, with the loads of the fields selected below it. */
export interface LoadTree {
  load: FieldLoad;
  /** The label of the nodes the children are selected on (the field's type), or null for any node. */
  label: NodeLabel | null;
  children: LoadTree[];
}

/**
 * One step of a preload: a query part that loads, for a set of ids, the edges of a direction (the
 * union of the types its fields ask for) or claims of one kind. Its ids are those of the page, or those
 * an earlier step found (the other ends of edges of some types and label, or the claims).
 */
export interface PreloadStep {
  load: { kind: 'edges'; direction: Direction; types: string[] } | ClaimLoad;
  /** The type sets of the fields this step serves (each primes its own loader key). */
  fields: string[][];
  /**
   * Where its ids come from: -1 the page, else an earlier step, with what is picked from it: of an
   * edges step, the other ends of edges of some types (and label) or the claim ids those edges hold;
   * of a claims step (null), its claims.
   */
  from: number;
  pick: { types: string[]; label: NodeLabel | null; of: 'other' | 'claimIds' } | null;
}

/** Limits of a preload: deeper or wider selections load the rest level by level, as without it. */
const MAX_STEPS = 8;
const MAX_DEPTH = 3;

/**
 * Steps from the load trees of a list's items, breadth first: the loads of one set of ids are grouped
 * (edges by direction, claims by kind), so that an event's sources and targets are one step.
 */
export function preloadSteps(trees: readonly LoadTree[]): PreloadStep[] {
  const steps: PreloadStep[] = [];
  let level: { from: number; pick: PreloadStep['pick']; trees: readonly LoadTree[] }[] = [
    { from: -1, pick: null, trees },
  ];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { from, pick, trees: group } of level) {
      const byLoad = new Map<string, { step: PreloadStep; trees: LoadTree[] }>();
      for (const tree of group) {
        // Claims found by another claims step have their details primed already (GraphRepository.acceptClaims).
        if (from >= 0 && pick === null && tree.load.kind === 'claims' && tree.load.by === 'ids') continue;
        const key = tree.load.kind === 'edges' ? `edges|${tree.load.direction}` : `claims|${tree.load.by}`;
        const load: PreloadStep['load'] =
          tree.load.kind === 'edges'
            ? { kind: 'edges', direction: tree.load.direction, types: [] }
            : { kind: 'claims', by: tree.load.by };
        let entry = byLoad.get(key);
        if (!entry) {
          if (steps.length >= MAX_STEPS) continue;
          entry = { step: { load, fields: [], from, pick }, trees: [] };
          byLoad.set(key, entry);
          steps.push(entry.step);
        }
        if (tree.load.kind === 'edges' && entry.step.load.kind === 'edges') {
          const types = [...new Set(tree.load.types)].sort();
          entry.step.load.types = [...new Set([...entry.step.load.types, ...types])].sort();
          if (!entry.step.fields.some((f) => f.join() === types.join())) entry.step.fields.push(types);
        }
        entry.trees.push(tree);
      }
      for (const { step, trees: served } of byLoad.values()) {
        const index = steps.indexOf(step);
        for (const tree of served) {
          if (tree.children.length === 0) continue;
          if (tree.load.kind === 'claims') {
            next.push({ from: index, pick: null, trees: tree.children });
            continue;
          }
          // An edges step's children are on the other ends of the field's types, or on the edges themselves.
          const types = [...new Set(tree.load.types)].sort();
          const onEdges = tree.children.filter((c) => c.load.kind === 'claims' && c.load.of === 'claimIds');
          const onOthers = tree.children.filter((c) => !onEdges.includes(c));
          if (onOthers.length > 0)
            next.push({ from: index, pick: { types, label: tree.label, of: 'other' }, trees: onOthers });
          if (onEdges.length > 0)
            next.push({ from: index, pick: { types, label: null, of: 'claimIds' }, trees: onEdges });
        }
      }
    }
    level = next;
  }
  return steps;
}

/**
 * Where a value stands in a row: node and edge rows and a claim's details are lists, in the order of
 * NODE_ROW_KEYS and EDGE_ROW_KEYS (domain/records.ts) and CLAIM_DETAIL_KEYS (rows.ts). A node's id and
 * labels stand at the same places for every label (test/unit/node-map.test.ts).
 */
const NODE_ID = NODE_ROW_KEYS.Entity.indexOf('id');
const NODE_LABELS = NODE_ROW_KEYS.Entity.indexOf('labels');
const EDGE_TYPE = EDGE_ROW_KEYS.indexOf('type');
const EDGE_CLAIM_IDS = EDGE_ROW_KEYS.indexOf('claimIds');
const DETAIL_CLAIM = CLAIM_DETAIL_KEYS.indexOf('claim');

/** The ids of a step, as a Cypher expression over the page and the earlier steps' results. */
function idsOf(step: PreloadStep, k: number, root: PreloadRoot): string {
  if (step.from < 0 && root === 'graph') {
    return `COLLECT { UNWIND page AS g UNWIND g.edges AS e UNWIND e[${EDGE_CLAIM_IDS}] AS id RETURN DISTINCT id }`;
  }
  // A connection asks for one item more than it shows, to know whether a page follows: not that one's.
  if (step.from < 0) {
    return root === 'page' ? `[p IN page[..($limit - 1)] | p.node[${NODE_ID}]]` : `[p IN page | p.node[${NODE_ID}]]`;
  }
  if (!step.pick) {
    return `COLLECT { UNWIND s${step.from} AS x UNWIND x.claims AS d RETURN DISTINCT d[${DETAIL_CLAIM}][${NODE_ID}] }`;
  }
  if (step.pick.of === 'claimIds') {
    return `COLLECT { UNWIND s${step.from} AS x UNWIND x.edges AS e WITH e WHERE e.edge[${EDGE_TYPE}] IN $preload[${k}].types
    UNWIND e.edge[${EDGE_CLAIM_IDS}] AS id RETURN DISTINCT id }`;
  }
  return `COLLECT { UNWIND s${step.from} AS x UNWIND x.edges AS e WITH e
    WHERE e.edge[${EDGE_TYPE}] IN $preload[${k}].types
      AND ($preload[${k}].label IS NULL OR $preload[${k}].label IN e.other[${NODE_LABELS}])
    RETURN DISTINCT e.other[${NODE_ID}] }`;
}

/**
 * What the query a preload follows returns: a page (`RETURN … AS node, … AS sortKey ORDER BY … LIMIT
 * $limit`, one more row than shown), nodes by id (`RETURN id, … AS node`, nodes-by-ids), or a graph
 * (`RETURN … AS nodes, … AS edges`, a path), whose edges' claims are the first step's ids.
 */
export type PreloadRoot = 'page' | 'nodes' | 'graph';
const TAILS: Record<PreloadRoot, RegExp> = {
  page: /^\nRETURN [\s\S]+ AS node, [\s\S]+ AS sortKey\nORDER BY [^\n]+\nLIMIT \$limit\s*$/,
  nodes: /^\nRETURN id, [\s\S]+ AS node\s*$/,
  graph: /^\nRETURN [\s\S]+ AS nodes,\s+[\s\S]+ AS edges\s*$/,
};
const ITEMS: Record<PreloadRoot, string> = {
  page: '{node: node, sortKey: sortKey}',
  nodes: '{node: node}',
  graph: '{nodes: nodes, edges: edges}',
};

/** A query of a PreloadRoot with its final RETURN turned into WITH, for more clauses to follow it. */
export function returnAsWith(query: string, root: PreloadRoot): string {
  const at = query.lastIndexOf('\nRETURN ');
  if (at < 0 || !TAILS[root].test(query.slice(at))) throw new Error(`not a ${root} query: ${TAILS[root]}`);
  return `${query.slice(0, at)}\nWITH ${query.slice(at + '\nRETURN '.length)}`;
}

/**
 * A query of a PreloadRoot that also runs the preload steps over what it found, in one round trip.
 * Its rows are its own items {at, item}, each step's ids {step, ids} and each step's rows {step, row}
 * (see PreloadRow): many small rows, not one large one (repositories/rows.ts ROW_PARTS says why). A
 * step's rows are those of edges-of-ids or claims-of-asks for its ids, whose types, labels and kinds
 * are parameters (`$preload`, see preloadParams); only its relationship pattern is written into the
 * text, from the allow-list.
 */
export function withPreload(query: string, steps: readonly PreloadStep[], root: PreloadRoot = 'page'): string {
  const parts = [returnAsWith(query, root)];
  parts.push(`WITH collect(${ITEMS[root]}) AS page`);
  steps.forEach((step, k) => {
    parts.push(`WITH *, ${idsOf(step, k, root)} AS ids${k}`);
    let input = `ids${k}`;
    let body: string;
    let columns: string;
    if (step.load.kind === 'edges') {
      const pattern = relationshipPattern(step.load.types, step.load.direction);
      body = fragment('edges-of-ids', input).replaceAll('__PATTERN__', pattern);
      columns = 'id: id, edges: edges';
    } else {
      input = `asks${k}`;
      parts.push(`WITH *, [i IN ids${k} | {kind: $preload[${k}].by, id: i}] AS ${input}`);
      body = fragment('claims-of-asks', input);
      columns = 'kind: kind, id: id, claims: claims';
    }
    // The inner call gives the fragment's rows, the outer one collects them: one row even when none.
    parts.push(`CALL (${input}) {\n  CALL (${input}) {\n${body}\n  }\n  RETURN collect({${columns}}) AS s${k}\n}`);
  });
  const list = (prefix: string) => `[${steps.map((_s, k) => `${prefix}${k}`).join(', ')}]`;
  parts.push(`WITH page, ${list('ids')} AS stepIds, ${list('s')} AS stepRows
CALL (page, stepIds, stepRows) {
  UNWIND range(0, size(page) - 1) AS at
  RETURN at, page[at] AS item, null AS step, null AS ids, null AS row
  UNION ALL
  UNWIND range(0, size(stepIds) - 1) AS k
  RETURN null AS at, null AS item, k AS step, stepIds[k] AS ids, null AS row
  UNION ALL
  UNWIND range(0, size(stepRows) - 1) AS k
  UNWIND stepRows[k] AS row
  RETURN null AS at, null AS item, k AS step, null AS ids, row
}
RETURN at, item, step, ids, row`);
  return parts.join('\n');
}

/** The `$preload` parameter of withPreload's query: each step's picked types and label, or claim kind. */
export function preloadParams(steps: readonly PreloadStep[]): Record<string, unknown>[] {
  return steps.map((s) => ({
    types: s.pick?.types ?? null,
    label: s.pick?.label ?? null,
    by: s.load.kind === 'claims' ? s.load.by : null,
  }));
}

/** A row of withPreload's query: one of a page item (with its place), a step's ids or a step's row. */
export const preloadRow = z.object({
  at: z.number().int().nullable(),
  item: z.unknown(),
  step: z.number().int().nullable(),
  ids: z.array(z.string()).nullable(),
  row: z.unknown(),
});
export type PreloadRow = z.infer<typeof preloadRow>;

/** The page's items in order, and each step's ids and rows. */
export function splitPreloadRows(rows: readonly PreloadRow[], steps: number) {
  const items: unknown[] = [];
  const results = Array.from({ length: steps }, () => ({ ids: [] as string[], rows: [] as unknown[] }));
  for (const r of rows) {
    const result = r.step === null ? undefined : results[r.step];
    if (r.at !== null) items[r.at] = r.item;
    else if (result && r.ids) result.ids = r.ids;
    else if (result) result.rows.push(r.row);
  }
  return { items: items.filter((i) => i !== undefined), results };
}
