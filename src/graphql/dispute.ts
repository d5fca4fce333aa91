import { DISPUTE_ORDERS } from '../domain/orders.js';
import type { NodeRecord } from '../domain/records.js';
import { isDispute, isEvent } from '../domain/records.js';
import { byTimeline } from '../domain/timeline.js';
import { builder } from './builder.js';
import { compiles } from './compiled.js';
import { lookUp, optionalKey } from './ids.js';
import { orderEnum } from './orders.js';
import { connection } from './pagination.js';
import { followsEdges, listPlanOf, readsClaims } from './preload.js';
import { ClaimRef, DisputeRef, EventRef, GraphElementRef, RelationRef } from './refs.js';

/** The edges each relationship field of a dispute follows. */
const FOLLOWS = {
  parties: followsEdges(['PARTY_TO'], 'IN'),
  concerns: followsEdges(['CONCERNS'], 'OUT'),
  events: followsEdges(['IN_DISPUTE'], 'IN'),
};

builder.node(DisputeRef, {
  description:
    "A disagreement or conflict with its parties and their stances: Russia's demands on NATO, the drone deliveries, the S-400 purchase inside NATO, opposing interests in Syria and Libya, the Ukraine crisis.",
  interfaces: [GraphElementRef],
  id: { resolve: (d) => d.id },
  isTypeOf: (r) => isDispute(r as NodeRecord),
  loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isDispute)),
  fields: (t) => ({
    name: t.exposeString('name'),
    nameDe: t.exposeString('nameDe'),
    description: t.exposeString('description'),
    parties: t.field({
      type: [RelationRef],
      description: 'PARTY_TO relations: each party (`from`) with its role, stance and the claims behind them.',
      ...compiles({ kind: 'relations' }, FOLLOWS.parties.options),
      resolve: async (d, _a, ctx) => (await FOLLOWS.parties.load(ctx, d.id)).map((e) => e.edge),
    }),
    concerns: t.field({
      type: [GraphElementRef],
      description: 'What the dispute is about.',
      ...compiles({ kind: 'related', label: null, order: 'key' }, FOLLOWS.concerns.options),
      resolve: async (d, _a, ctx) => (await FOLLOWS.concerns.load(ctx, d.id)).map((e) => e.other),
    }),
    events: t.field({
      type: [EventRef],
      description: 'Events of the dispute, in timeline order (undated last).',
      ...compiles({ kind: 'related', label: 'Event', order: 'timeline' }, FOLLOWS.events.options),
      resolve: async (d, _a, ctx) =>
        (await FOLLOWS.events.load(ctx, d.id))
          .map((e) => e.other)
          .filter(isEvent)
          .sort(byTimeline),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Claims about the dispute as a whole.',
      ...compiles({ kind: 'claims' }, readsClaims('about')),
      resolve: (d, _a, ctx) => ctx.repos.graph.claimsAbout(d.id),
    }),
  }),
});

const DisputeOrderEnum = orderEnum('DisputeOrder', 'How a list of disputes is sorted.', DISPUTE_ORDERS);

builder.queryFields((t) => ({
  dispute: t.field({
    type: DisputeRef,
    nullable: true,
    description: 'A dispute by global id or key; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ['Dispute'], isDispute, info),
  }),
  disputes: t.connection({
    type: DisputeRef,
    description: 'Disputes, optionally only those an actor is party to; sort with orderBy. Pages of at most 100.',
    args: {
      party: t.arg.id({ required: false, description: 'An actor (id or key).' }),
      orderBy: t.arg({ type: DisputeOrderEnum, defaultValue: 'NAME' }),
    },
    resolve: (_r, args, ctx, info) => {
      const actorId = optionalKey(args.party);
      const order = args.orderBy ?? 'NAME';
      const plan = listPlanOf(info, ctx.compile);
      return connection(args, order, (after, limit) =>
        ctx.repos.lists.disputes({ actorId }, order, after, limit, plan),
      );
    },
  }),
}));
