import type { Context } from '../context.js';
import type { EdgeRecord, NodeRecord } from '../domain/records.js';
import { displayName, edgeKey, typeNameOf } from '../domain/records.js';
import { compiledAs } from './compiled.js';
import { GraphElementRef } from './refs.js';

const isNode = (v: NodeRecord | EdgeRecord): v is NodeRecord => 'labels' in v;

/** "Turkey MEMBER_OF NATO": the relationship between its ends' names. */
export async function edgeLabel(e: EdgeRecord, ctx: Context): Promise<string> {
  const [from, to] = await ctx.repos.graph
    .nodes([e.from, e.to])
    .then((ns) => [ns.find((n) => n.id === e.from), ns.find((n) => n.id === e.to)]);
  return `${from ? displayName(from) : e.from} ${e.type} ${to ? displayName(to) : e.to}`;
}

GraphElementRef.implement({
  description:
    'Anything of the graph a client can show: every node (entities, events, disputes, claims, evidence, documents) and every relationship. Wherever a field may hold several types, `key`, `label` and `typeName` need no fragment.',
  resolveType: (v) => (isNode(v) ? typeNameOf(v) : 'Relation'),
  fields: (t) => ({
    key: t.string({
      ...compiledAs({ kind: 'key' }),
      description: 'Stable key ("turkey", "MEMBER_OF:turkey->nato"); a node\'s key is accepted wherever an id is.',
      resolve: (v) => (isNode(v) ? v.id : edgeKey(v)),
    }),
    label: t.string({
      ...compiledAs({ kind: 'label' }),
      description: 'What to call it: a name, an event label, a statement, a quote, a title, or "A KIND B".',
      resolve: (v, _a, ctx) => (isNode(v) ? displayName(v) : edgeLabel(v, ctx)),
    }),
    typeName: t.string({
      ...compiledAs({ kind: 'typeName' }),
      description:
        "Its GraphQL type: State, Person, Event, Dispute, Claim, Evidence, Document, Relation … (what `__typename` gives; `type` is taken by an event's type).",
      resolve: (v) => (isNode(v) ? typeNameOf(v) : 'Relation'),
    }),
  }),
});
