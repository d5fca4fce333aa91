import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Context } from '../context.js';
import type { Direction } from '../domain/edges.js';
import { ENTITY_TYPES } from '../domain/entities.js';

type EdgeSpec = { type: string; direction: Direction };

/** The relationship fields of each entity type (domain/entities.ts), by field name. */
const EDGE_FIELDS = new Map<string, Map<string, EdgeSpec>>(
  Object.entries(ENTITY_TYPES).map(([type, { edges }]) => [type, new Map(Object.entries(edges))]),
);

/** The relationship fields the selection asks for in fragments on entity types (`... on State { memberships }`). */
function edgeFieldsOf(selections: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: EdgeSpec[]): void {
  for (const s of selections?.selections ?? []) {
    if (s.kind === 'InlineFragment' || s.kind === 'FragmentSpread') {
      const fragment = s.kind === 'InlineFragment' ? s : info.fragments[s.name.value];
      const fields = fragment?.typeCondition ? EDGE_FIELDS.get(fragment.typeCondition.name.value) : undefined;
      for (const f of fragment?.selectionSet.selections ?? []) {
        const edge = f.kind === 'Field' ? fields?.get(f.name.value) : undefined;
        if (edge) out.push(edge);
      }
      edgeFieldsOf(fragment?.selectionSet, info, out);
    }
  }
}

/**
 * Starts loading the relationships a look-up's selection will follow, together with the look-up of the
 * node itself: `entity(id: "turkey") { ... on State { memberships { … } } }` then costs one round trip
 * less (the node and its MEMBER_OF edges in parallel). The field resolvers get the same loader promise;
 * a failure is theirs to report, so the prefetch itself swallows it.
 */
export function prefetchEdges(ctx: Context, key: string, info: GraphQLResolveInfo): void {
  const wanted: EdgeSpec[] = [];
  for (const node of info.fieldNodes as readonly FieldNode[]) edgeFieldsOf(node.selectionSet, info, wanted);
  for (const edge of wanted) ctx.repos.graph.edges(key, [edge.type], edge.direction).catch(() => {});
}
