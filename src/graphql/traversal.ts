import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, getArgumentValues, getNamedType, isObjectType } from 'graphql';
import type { Context } from '../context.js';
import { EDGE_TYPE_WORDS } from '../domain/edges.js';
import { ACTOR_TYPE_NAMES } from '../domain/entities.js';
import { cooperationOf, REALIZED_STATUSES } from '../domain/events.js';
import type { EdgeRecord, EntityRecord, NodeRecord } from '../domain/records.js';
import { displayName, edgeKey, isEntity, typeNameOf } from '../domain/records.js';
import { InputError } from '../errors.js';
import type { DyadFirst, DyadParts, DyadRecord } from '../repositories/traversal.js';
import { builder } from './builder.js';
import { compiles } from './compiled.js';
import { CooperationEnum, EntityKindEnum, RelationKindEnum, RelationRoleEnum } from './enums.js';
import { keyOf } from './ids.js';
import { bounded } from './pagination.js';
import { graphCompiledOf, graphPlanOf, readsClaims } from './preload.js';
import { ClaimRef, DisputeRef, EntityRef, EventRef, EvidenceRef, GraphElementRef, RelationRef } from './refs.js';
import { claimsOf, evidenceOf } from './relation.js';
import { fieldsOn } from './selection.js';

interface GraphShape {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  truncated: boolean;
}

const globalId = (n: NodeRecord) => encodeGlobalID(typeNameOf(n), n.id);

const GraphNodeRef = builder.objectRef<NodeRecord>('GraphNode').implement({
  description: 'A node of a graph view, with what a visualisation needs and the full object in `node`.',
  fields: (t) => ({
    id: t.id({ description: 'Global id (also accepted by node(id:)).', resolve: globalId }),
    key: t.exposeString('id'),
    label: t.string({ description: 'Display name.', resolve: displayName }),
    typeName: t.string({
      description: 'GraphQL type: State, Person, Event, Dispute … (as on GraphElement).',
      resolve: typeNameOf,
    }),
    type: t.string({ deprecationReason: 'Use typeName (the same on every GraphElement).', resolve: typeNameOf }),
    kind: t.field({
      type: EntityKindEnum,
      nullable: true,
      description: 'Entity kind, or null for events and disputes.',
      resolve: (n) => (isEntity(n) ? n.kind : null),
    }),
    node: t.field({ type: GraphElementRef, resolve: (n) => n }),
  }),
});

/** Edges carry global ids of their ends; the nodes are in the same answer. */
const GraphEdgeRef = builder.objectRef<EdgeRecord>('GraphEdge').implement({
  description: 'An edge of a graph view; `claims` and `evidence` say who asserts it and where.',
  fields: (t) => ({
    id: t.id({ resolve: edgeKey }),
    kind: t.field({ type: RelationKindEnum, resolve: (e) => e.type }),
    source: t.id({ description: 'Global id of the start node.', resolve: (e, _a, ctx) => endId(e.from, ctx) }),
    target: t.id({ description: 'Global id of the end node.', resolve: (e, _a, ctx) => endId(e.to, ctx) }),
    sourceKey: t.exposeString('from'),
    targetKey: t.exposeString('to'),
    role: t.field({ type: RelationRoleEnum, nullable: true, resolve: (e) => e.role }),
    stance: t.exposeString('stance', { nullable: true }),
    relation: t.field({ type: RelationRef, resolve: (e) => e }),
    claims: t.field({
      type: [ClaimRef],
      ...compiles({ kind: 'edgeClaims' }, readsClaims('ids', 'claimIds')),
      resolve: (e, _a, ctx) => claimsOf(e, ctx),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      ...compiles({ kind: 'edgeEvidence' }, readsClaims('ids', 'claimIds')),
      resolve: async (e, _a, ctx) => evidenceOf(await claimsOf(e, ctx), ctx),
    }),
  }),
});

async function endId(key: string, ctx: Context): Promise<string> {
  const n = await ctx.repos.graph.node.load(key);
  return n ? globalId(n) : key;
}

const GraphRef = builder.objectRef<GraphShape>('Graph').implement({
  description: 'A subgraph `{ nodes, edges }` ready for a visualisation.',
  fields: (t) => ({
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'True when `limit` cut off further nodes.' }),
  }),
});

const PathRef = builder.objectRef<GraphShape>('Path').implement({
  description: 'A path: nodes in order from start to end, and the edges between them in the same order.',
  fields: (t) => ({
    length: t.int({ description: 'Number of edges (hops).', resolve: (p) => p.edges.length }),
    nodes: t.field({ type: [GraphNodeRef], resolve: (p) => p.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (p) => p.edges }),
  }),
});

const kindsArg = (kinds: readonly string[] | null | undefined) => {
  if (kinds && kinds.length === 0) throw new InputError('"kinds" must name at least one relationship kind');
  return [...(kinds ?? EDGE_TYPE_WORDS)];
};

type DyadEvent = DyadRecord['events'][number];
const directionOf = (e: DyadEvent) => {
  const aSource = e.aRoles.includes('HAS_SOURCE');
  const bSource = e.bRoles.includes('HAS_SOURCE');
  if (aSource && bSource) return 'MUTUAL';
  if (aSource && e.bRoles.includes('HAS_TARGET')) return 'A_TO_B';
  if (bSource && e.aRoles.includes('HAS_TARGET')) return 'B_TO_A';
  return 'INVOLVES';
};

const DyadDirectionEnum = builder.enumType('DyadDirection', {
  description:
    'A_TO_B: a side of A acts on a side of B; B_TO_A the reverse; MUTUAL: both act; INVOLVES: one acts, the other is concerned.',
  values: ['A_TO_B', 'B_TO_A', 'MUTUAL', 'INVOLVES'] as const,
});

const DyadEventRef = builder.objectRef<DyadEvent>('DyadEvent').implement({
  fields: (t) => ({
    event: t.field({ type: EventRef, resolve: (e) => e.event }),
    direction: t.field({ type: DyadDirectionEnum, resolve: directionOf }),
    cooperation: t.field({ type: CooperationEnum, resolve: (e) => cooperationOf(e.event.goldstein) }),
  }),
});

const DyadDisputeRef = builder.objectRef<DyadRecord['disputes'][number]>('DyadDispute').implement({
  description: "A dispute both sides are party to, with each side's stance.",
  fields: (t) => ({
    dispute: t.field({ type: DisputeRef, resolve: (d) => d.dispute }),
    a: t.field({ type: [RelationRef], description: 'PARTY_TO relations of side A.', resolve: (d) => d.a }),
    b: t.field({ type: [RelationRef], description: 'PARTY_TO relations of side B.', resolve: (d) => d.b }),
  }),
});

const rounded = (sum: number) => Math.round(sum * 100) / 100;

/** `first` of a list of linking events or of shared disputes: 0 to MAX_DYAD_FIRST; omitted, all. */
const MAX_DYAD_FIRST = 10_000;
const listOf = (description: string, counted = 'counts and sums are') =>
  `${description} With \`first\`, the first that many (0 to ${MAX_DYAD_FIRST.toLocaleString('en')}); ${counted} of all.`;
const firstOf = <T>(list: T[], first: number | null | undefined) =>
  typeof first === 'number' ? list.slice(0, first) : list;

const DyadRef = builder.objectRef<DyadRecord>('Dyad').implement({
  description:
    'Everything that links two actors, split into cooperation and conflict. A side is the actor and (by default) those who act for it: the people holding its offices and its government bodies.',
  fields: (t) => ({
    a: t.field({ type: EntityRef, resolve: (d) => d.sideA[0] as EntityRecord }),
    b: t.field({ type: EntityRef, resolve: (d) => d.sideB[0] as EntityRecord }),
    sideA: t.field({ type: [EntityRef], resolve: (d) => d.sideA }),
    sideB: t.field({ type: [EntityRef], resolve: (d) => d.sideB }),
    events: t.field({
      type: [DyadEventRef],
      description: listOf('All linking events, by date.'),
      args: { first: t.arg.int({ required: false }) },
      resolve: (d, args) => firstOf(d.events, args.first),
    }),
    cooperation: t.field({
      type: [DyadEventRef],
      description: listOf('Events with a positive Goldstein value, by date.'),
      args: { first: t.arg.int({ required: false }) },
      resolve: (d, args) => firstOf(d.cooperation, args.first),
    }),
    conflict: t.field({
      type: [DyadEventRef],
      description: listOf('Events with a negative Goldstein value, by date.'),
      args: { first: t.arg.int({ required: false }) },
      resolve: (d, args) => firstOf(d.conflict, args.first),
    }),
    eventCount: t.int({ description: 'How many events link the two sides.', resolve: (d) => d.summary.events }),
    cooperationCount: t.int({
      description: 'How many linking events have a positive Goldstein value.',
      resolve: (d) => d.summary.cooperation,
    }),
    conflictCount: t.int({
      description: 'How many linking events have a negative Goldstein value.',
      resolve: (d) => d.summary.conflict,
    }),
    goldsteinSum: t.float({
      description: 'Sum of Goldstein values of the counted events (see countedStatuses).',
      resolve: (d) => rounded(d.summary.goldsteinSum),
    }),
    cooperationSum: t.float({ resolve: (d) => rounded(d.summary.cooperationSum) }),
    conflictSum: t.float({ resolve: (d) => rounded(d.summary.conflictSum) }),
    countedStatuses: t.stringList({
      description: 'Statuses of the events the sums count.',
      resolve: (d) => d.summary.countedStatuses,
    }),
    relations: t.field({
      type: [RelationRef],
      description: 'Direct relationships between the two sides.',
      resolve: (d) => d.relations,
    }),
    disputes: t.field({
      type: [DyadDisputeRef],
      description: listOf('Disputes both sides are party to, by name.', 'disputeCount is'),
      args: { first: t.arg.int({ required: false }) },
      resolve: (d, args) => firstOf(d.disputes, args.first),
    }),
    disputeCount: t.int({
      description: 'How many disputes both sides are party to.',
      resolve: (d) => d.summary.disputes,
    }),
  }),
});

/** The Dyad fields that read no events (every other one does: events, sums, statuses …). */
const NOT_EVENT_FIELDS = new Set(['__typename', 'a', 'b', 'sideA', 'sideB', 'relations', 'disputes', 'disputeCount']);
/** The lists that take `first`: the query sends the most any selection of one asks for. */
const FIRST_LISTS = ['events', 'cooperation', 'conflict', 'disputes'] as const;

/**
 * The lists of a dyad its selection reads (the query computes only those) and how many items of each
 * list that takes `first` it sends: the most any selection of the list asks for (null: one asks for all).
 */
function dyadParts(info: GraphQLResolveInfo): DyadParts {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) throw new Error('dyadParts: the dyad field returns an object type');
  const fields = info.fieldNodes.flatMap((f) => fieldsOn(f.selectionSet, type, info));
  const names = new Set(fields.map(({ field }) => field.name.value));
  const first: DyadFirst = { events: 0, cooperation: 0, conflict: 0, disputes: 0 };
  for (const { field } of fields) {
    const list = FIRST_LISTS.find((l) => l === field.name.value);
    const def = list && type.getFields()[list];
    if (!list || !def) continue;
    const asked = getArgumentValues(def, field, info.variableValues).first;
    const n = typeof asked === 'number' ? bounded('first', asked, 0, MAX_DYAD_FIRST) : null;
    const seen = first[list];
    first[list] = seen === null || n === null ? null : Math.max(seen, n);
  }
  return {
    events: [...names].some((f) => !NOT_EVENT_FIELDS.has(f)),
    relations: names.has('relations'),
    disputes: names.has('disputes') || names.has('disputeCount'),
    first,
  };
}

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: GraphRef,
    nullable: true,
    description:
      'The nodes within `depth` hops of a node (entity, event or dispute) and the edges among them; null when the node does not exist.',
    args: {
      id: t.arg.id({ required: true }),
      depth: t.arg.int({ defaultValue: 1, description: '1 to 3.' }),
      kinds: t.arg({
        type: [RelationKindEnum],
        required: false,
        description: 'Relationship kinds to follow; default all.',
      }),
      limit: t.arg.int({
        defaultValue: 50,
        description: 'At most this many nodes besides the start (1 to 200), nearest first.',
      }),
    },
    resolve: (_r, args, ctx) =>
      ctx.repos.traversal.neighborhood(
        keyOf(args.id),
        bounded('depth', args.depth ?? 1, 1, 3),
        kindsArg(args.kinds),
        bounded('limit', args.limit ?? 50, 1, 200),
      ),
  }),
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    description:
      'A shortest path between two nodes over the given relationship kinds; null when there is none within maxHops. Every edge can give its claims and evidence.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ defaultValue: 4, description: '1 to 6.' }),
      kinds: t.arg({
        type: [RelationKindEnum],
        required: false,
        description: 'Relationship kinds to follow; default all.',
      }),
    },
    resolve: (_r, args, ctx, info) => {
      const from = keyOf(args.from);
      const to = keyOf(args.to);
      if (from === to) throw new InputError('"from" and "to" are the same node');
      const compiled = ctx.compile ? graphCompiledOf(info) : null;
      return ctx.repos.traversal.shortestPath(
        from,
        to,
        bounded('maxHops', args.maxHops ?? 4, 1, 6),
        kindsArg(args.kinds),
        compiled ? [] : graphPlanOf(info),
        compiled,
      );
    },
  }),
  dyad: t.field({
    type: DyadRef,
    nullable: true,
    description:
      'Everything that links two actors: events (cooperation and conflict, with Goldstein sums), direct relations and shared disputes. Null when either actor does not exist.',
    args: {
      a: t.arg.id({ required: true }),
      b: t.arg.id({ required: true }),
      includeAffiliates: t.arg.boolean({
        defaultValue: true,
        description: 'Count the people and bodies acting for each actor (Putin and the Kremlin for Russia).',
      }),
      includeUnrealized: t.arg.boolean({
        defaultValue: false,
        description: 'Also sum planned, feared and denied events (by default only OCCURRED and ONGOING count).',
      }),
    },
    resolve: async (_r, args, ctx, info) => {
      const a = keyOf(args.a, ACTOR_TYPE_NAMES);
      const b = keyOf(args.b, ACTOR_TYPE_NAMES);
      if (a === b) throw new InputError('"a" and "b" are the same actor');
      return ctx.repos.traversal.dyad(
        a,
        b,
        args.includeAffiliates ?? true,
        [...EDGE_TYPE_WORDS],
        dyadParts(info),
        args.includeUnrealized ? null : REALIZED_STATUSES,
      );
    },
  }),
}));
