import {
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';
import { type Direction, type EdgeType, NODE_LABELS, type NodeLabel } from '../domain/edges.js';
import type { CompiledSelection } from '../repositories/compiled.js';
import type { EdgeWithOther } from '../repositories/graph.js';
import type { ListPlan } from '../repositories/lists.js';
import {
  type ClaimLoad,
  type FieldLoad,
  type LoadTree,
  type PreloadStep,
  preloadSteps,
} from '../repositories/preload.js';
import { compileEdgeItems, compileItems } from './compile.js';
import { fieldsOn, perSelection, selectionSets } from './selection.js';

/**
 * A field's load, published on its schema field (`extensions.preload`) so that a list above it can
 * load it for all its items in its own query (repositories/preload.ts); the resolver still asks the
 * loader, which then has the answer.
 */
const published = (load: FieldLoad) => ({ extensions: { preload: load } });

/** A field that follows edges of some types in one direction: its schema options and its load. */
export function followsEdges(types: readonly EdgeType[], direction: Direction) {
  return {
    options: published({ kind: 'edges', types, direction }),
    load: (ctx: Context, id: string): Promise<EdgeWithOther[]> => ctx.repos.graph.edges(id, types, direction),
  };
}

export type EdgeFollower = ReturnType<typeof followsEdges>;

/**
 * A field that reads claims selected by its node's id ('about' it, or a claim's own details), or
 * (`of: 'claimIds'`) the claims behind its edge.
 */
export const readsClaims = (by: ClaimLoad['by'], of?: ClaimLoad['of']) =>
  published(of ? { kind: 'claims', by, of } : { kind: 'claims', by });

const loadOf = (extensions: Readonly<Record<string, unknown>> | undefined) =>
  extensions?.preload as FieldLoad | undefined;

/** The label of the nodes of a type, when it has one (Entity for every entity type). */
function labelOf(type: GraphQLNamedType): NodeLabel | null {
  if ((NODE_LABELS as readonly string[]).includes(type.name)) return type.name as NodeLabel;
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity')) return 'Entity';
  return null;
}

const loadKey = (load: FieldLoad) =>
  load.kind === 'edges'
    ? `edges|${load.direction}|${[...load.types].sort().join(',')}`
    : `claims|${load.by}|${load.of ?? ''}`;

/** Trees of the same load as one, with their children together. */
function merged(trees: readonly LoadTree[]): LoadTree[] {
  const byLoad = new Map<string, LoadTree>();
  for (const tree of trees) {
    const known = byLoad.get(loadKey(tree.load));
    if (known) known.children = merged([...known.children, ...tree.children]);
    else byLoad.set(loadKey(tree.load), { ...tree, children: merged(tree.children) });
  }
  return [...byLoad.values()];
}

/** The loads of the fields selected on a type, each with the loads below it. */
function loadTrees(
  selections: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
  info: GraphQLResolveInfo,
): LoadTree[] {
  const trees: LoadTree[] = [];
  for (const { field, on } of fieldsOn(selections, type, info)) {
    if (!isObjectType(on) && !isInterfaceType(on)) continue;
    const def = on.getFields()[field.name.value];
    const load = loadOf(def?.extensions);
    if (!def || !load) continue;
    const child = getNamedType(def.type);
    // Below a claims load, only the claims it loads are the items of the next level (not a claim's
    // evidence, asserter, contradictions or what it is about).
    const itemsLoaded =
      load.kind === 'edges' || (child.name === 'Claim' && (load.by !== 'ids' || load.of === 'claimIds'));
    const children = itemsLoaded && isCompositeType(child) ? loadTrees(field.selectionSet, child, info) : [];
    trees.push({ load, label: labelOf(child), children });
  }
  return trees;
}

/**
 * What a connection's selection asks of its page query (ListPlan): what the fields of its items will
 * load (`edges { node { … } }` and `nodes { … }`): compiled into one map projection per item
 * (graphql/compile.ts) when `compile` and every such field can be, else as the steps of a preload the
 * page query runs, so that the next levels cost no round trip; and whether it reads totalCount. A
 * connection asks for one row more than it shows (pagination.ts): its plan says so (`lookahead`).
 */
export function listPlanOf(info: GraphQLResolveInfo, compile: boolean): ListPlan {
  return perSelection(info, `list ${compile}`, () => ({ ...listPlan(info, compile), lookahead: true }));
}

function listPlan(info: GraphQLResolveInfo, compile: boolean): Omit<ListPlan, 'lookahead'> {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return { preload: [], compiled: null, counted: false };
  const itemSets: SelectionSetNode[] = [];
  let itemType: GraphQLCompositeType | null = null;
  let counted = false;
  for (const fieldNode of info.fieldNodes) {
    for (const { field } of fieldsOn(fieldNode.selectionSet, connection, info)) {
      const name = field.name.value;
      if (name === 'totalCount') counted = true;
      else if (name === 'nodes') {
        const nodesType = getNamedType(connection.getFields().nodes?.type);
        if (!nodesType || !isCompositeType(nodesType)) continue;
        itemType = nodesType;
        if (field.selectionSet) itemSets.push(field.selectionSet);
      } else if (name === 'edges') {
        const edgeType = getNamedType(connection.getFields().edges?.type);
        if (!edgeType || !isObjectType(edgeType)) continue;
        const nodeType = getNamedType(edgeType.getFields().node?.type);
        if (!nodeType || !isCompositeType(nodeType)) continue;
        itemType = nodeType;
        for (const { field: node } of fieldsOn(field.selectionSet, edgeType, info)) {
          if (node.name.value === 'node' && node.selectionSet) itemSets.push(node.selectionSet);
        }
      }
    }
  }
  if (!itemType) return { preload: [], compiled: null, counted };
  const compiled = compile ? compileItems(itemSets, itemType, info) : null;
  if (compiled) return { preload: [], compiled, counted };
  const type = itemType;
  const trees = itemSets.flatMap((set) => loadTrees(set, type, info));
  return { preload: preloadSteps(merged(trees)), compiled, counted };
}

/** A look-up's selection compiled into one map projection (see listPlanOf), or null. */
export function lookUpCompiledOf(info: GraphQLResolveInfo): CompiledSelection | null {
  return perSelection(info, 'look-up compiled', () => lookUpCompiled(info));
}

function lookUpCompiled(info: GraphQLResolveInfo): CompiledSelection | null {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return null;
  return compileItems(selectionSets(info.fieldNodes), type, info);
}

/** What the fields of a look-up's node will load (see listPlanOf), as the steps of a preload. */
export function lookUpPlanOf(info: GraphQLResolveInfo): PreloadStep[] {
  return perSelection(info, 'look-up plan', () => lookUpPlan(info));
}

function lookUpPlan(info: GraphQLResolveInfo): PreloadStep[] {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return [];
  return preloadSteps(merged(info.fieldNodes.flatMap((f) => loadTrees(f.selectionSet, type, info))));
}

/** The claims and evidence a path's edges select, compiled (graphql/compile.ts), or null. */
export function graphCompiledOf(info: GraphQLResolveInfo): CompiledSelection | null {
  return perSelection(info, 'graph compiled', () => graphCompiled(info));
}

function graphCompiled(info: GraphQLResolveInfo): CompiledSelection | null {
  const graph = getNamedType(info.returnType);
  if (!isObjectType(graph)) return null;
  const edgeType = getNamedType(graph.getFields().edges?.type);
  if (!edgeType || !isCompositeType(edgeType)) return null;
  const sets = selectionSets(
    info.fieldNodes
      .flatMap((f) => fieldsOn(f.selectionSet, graph, info))
      .filter(({ field }) => field.name.value === 'edges')
      .map(({ field }) => field),
  );
  return sets.length === 0 ? null : compileEdgeItems(sets, edgeType, info);
}

/**
 * What the fields of a graph's edges will load (`shortestPath { edges { claims evidence } }`): the
 * claims behind them, by the ids the edges hold, as the steps of a preload the graph's query runs.
 */
export function graphPlanOf(info: GraphQLResolveInfo): PreloadStep[] {
  return perSelection(info, 'graph plan', () => graphPlan(info));
}

function graphPlan(info: GraphQLResolveInfo): PreloadStep[] {
  const graph = getNamedType(info.returnType);
  if (!isObjectType(graph)) return [];
  const edgeType = getNamedType(graph.getFields().edges?.type);
  if (!edgeType || !isCompositeType(edgeType)) return [];
  const trees = info.fieldNodes
    .flatMap((f) => fieldsOn(f.selectionSet, graph, info))
    .filter(({ field }) => field.name.value === 'edges')
    .flatMap(({ field }) => loadTrees(field.selectionSet, edgeType, info))
    .filter((t) => t.load.kind === 'claims' && t.load.of === 'claimIds');
  return preloadSteps(merged(trees));
}
