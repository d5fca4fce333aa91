import { builder } from './builder.js';

const CountRef = builder.objectRef<{ name: string; count: number }>('Count').implement({
  description: 'How many nodes carry a label, or how many relationships have a type.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The label or relationship type.' }),
    count: t.exposeInt('count'),
  }),
});

const GraphStatsRef = builder
  .objectRef<{ labels: { name: string; count: number }[]; relationshipTypes: { name: string; count: number }[] }>(
    'GraphStats',
  )
  .implement({
    description: 'The size of the graph.',
    fields: (t) => ({
      labels: t.field({ type: [CountRef], resolve: (s) => s.labels, description: 'Nodes per label.' }),
      relationshipTypes: t.field({
        type: [CountRef],
        resolve: (s) => s.relationshipTypes,
        description: 'Relationships per type.',
      }),
    }),
  });

builder.queryField('graphStats', (t) =>
  t.field({
    type: GraphStatsRef,
    description: 'Node counts per label and relationship counts per type.',
    resolve: (_root, _args, ctx) => ctx.repos.stats.graphStats(),
  }),
);
