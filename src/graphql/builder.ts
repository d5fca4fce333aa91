import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import ResultBudgetPlugin from '../cost/budget-plugin.js';
import CompiledPlugin from './compiled.js';

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
  // The compiled plugin innermost: the result budget counts what compiled objects answer.
  plugins: [RelayPlugin, ResultBudgetPlugin, CompiledPlugin],
  defaultFieldNullability: false,
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
