import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError, type GraphQLField, getNullableType, isListType } from 'graphql';
import type { Context } from '../context.js';

/**
 * Cost of a field: 1, and its selection counts once per item it can return — `first` items of a
 * connection (20 when not given), `limit` items of a bounded list, 10 for any other list.
 */
function fieldCost(args: Record<string, unknown>, _ctx: Context, field: GraphQLField<unknown, Context>) {
  const type = getNullableType(field.type);
  const typeName = 'name' in type ? String(type.name) : '';
  // A page too large is refused by the resolver with a clearer message than a cost error.
  const items = (n: unknown, fallback: number) =>
    typeof n === 'number' ? Math.min(Math.max(n, 0), MAX_ITEMS) : fallback;
  if (typeName.endsWith('Connection')) return { field: 1, multiplier: items(args.first, 20) };
  if (field.name === 'edges' && isListType(type)) return { field: 0, multiplier: 1 };
  if ('limit' in args) return { field: 1, multiplier: items(args.limit, LIST_FANOUT) };
  if ('first' in args) return { field: 1, multiplier: items(args.first, LIST_FANOUT) };
  return isListType(type) ? { field: 1, multiplier: LIST_FANOUT } : 1;
}

/** Expected items of a list without a size argument (the graph's typical fan-out, with room). */
const LIST_FANOUT = 5;
const MAX_ITEMS = 200;

/** The Pothos builder and its plugins. Types are defined in the domain files beside it. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
  };
  Connection: {
    /** Counted by its own query, only when asked for. */
    totalCount: () => Promise<number>;
  };
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  complexity: {
    fieldComplexity: fieldCost,
    limit: (ctx: Context) => ({ complexity: ctx.limits.maxCost, depth: ctx.limits.maxDepth, breadth: 1_000 }),
    complexityError: (kind, result) => {
      const k = String(kind).toLowerCase();
      const message =
        k === 'depth'
          ? `the query is ${result.depth} levels deep; at most ${result.maxDepth} are allowed`
          : k === 'complexity'
            ? `the query costs ${result.complexity}; at most ${result.maxComplexity} is allowed (each item of a list or page counts)`
            : `the query selects ${result.breadth} fields; at most ${result.maxBreadth} are allowed`;
      return new GraphQLError(message, {
        extensions: { code: 'LIMIT_EXCEEDED', limit: k === 'complexity' ? 'cost' : k },
      });
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodeTypeOptions: { description: 'An object with a global id, to fetch again with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page stands in its list.' },
  },
});

builder.queryType({ description: 'Read the knowledge graph: actors, disputes, events, claims and their evidence.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds (counted without loading them).',
    resolve: (parent) => parent.totalCount(),
  }),
);
