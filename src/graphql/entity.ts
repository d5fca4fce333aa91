import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { EDGE_TYPE_WORDS } from '../domain/edges.js';
import { ACTOR_TYPE_NAMES, ENTITY_TYPE_NAMES, ENTITY_TYPES, type EntityKind } from '../domain/entities.js';
import { ENTITY_ORDERS } from '../domain/orders.js';
import type { EventRecord, NodeRecord } from '../domain/records.js';
import { type EntitySource, entitySources, isActor, isDocument, isEntity, typeNameOf } from '../domain/records.js';
import { searchKey } from '../domain/text.js';
import { InputError } from '../errors.js';
import { builder } from './builder.js';
import { compiledAs, compiles } from './compiled.js';
import { DirectionEnum, EntityKindEnum, RelationKindEnum } from './enums.js';
import { lookUp, optionalKey } from './ids.js';
import { orderEnum } from './orders.js';
import { bounded, connection, type PageArgs } from './pagination.js';
import { followsEdges, listPlanOf, readsClaims } from './preload.js';
import {
  ActorRef,
  ClaimRef,
  DocumentRef,
  ENTITY_REFS,
  EntityRef,
  EventRef,
  GraphElementRef,
  MentionRef,
  RelationRef,
} from './refs.js';

/** The PARTY_TO edges `Actor.disputes` follows. */
const ACTOR_DISPUTES = followsEdges(['PARTY_TO'], 'OUT');

const EntitySourceRef = builder.objectRef<EntitySource>('EntitySource').implement({
  description:
    "What one document says of an entity. Documents never erase each other's values: the entity shows, field by field, the value of the earliest-published document that gives one (ties by document key).",
  fields: (t) => ({
    documentKey: t.exposeString('documentId'),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: async (s, _a, ctx) => {
        const d = await ctx.repos.graph.node.load(s.documentId);
        return d && isDocument(d) ? d : null;
      },
    }),
    kind: t.string({ nullable: true, description: 'The EntityKind the document gives.', resolve: (s) => s.kind }),
    name: t.exposeString('name', { nullable: true }),
    nameDe: t.exposeString('nameDe', { nullable: true }),
    description: t.exposeString('description', { nullable: true, description: 'Null: the document gives none.' }),
    wikidataId: t.exposeString('wikidataId', { nullable: true, description: 'Null: the document gives none.' }),
    aliases: t.exposeStringList('aliases'),
  }),
});

EntityRef.implement({
  description:
    'Anything the articles name: an actor (state, person, organisation, alliance, armed group, coalition), a place or a piece of materiel.',
  interfaces: [builder.nodeInterfaceRef(), GraphElementRef],
  resolveType: (r) => typeNameOf(r),
  fields: (t) => ({
    kind: t.field({
      type: EntityKindEnum,
      ...compiledAs({ kind: 'property', property: 'kind' }),
      resolve: (r) => r.kind,
    }),
    name: t.exposeString('name', { description: 'English name (also its `label`).' }),
    nameDe: t.exposeString('nameDe', { description: 'German name.' }),
    aliases: t.exposeStringList('aliases', {
      description:
        'Other names, inflected forms and metonyms ("Moskau", "Kreml", "transatlantisches Verteidigungsbündnis").',
    }),
    description: t.exposeString('description', { nullable: true }),
    wikidataId: t.exposeString('wikidataId', { nullable: true, description: 'Wikidata item, only where verified.' }),
    wikidataUrl: t.string({
      nullable: true,
      resolve: (r) => (r.wikidataId ? `https://www.wikidata.org/wiki/${r.wikidataId}` : null),
    }),
    sources: t.field({
      type: [EntitySourceRef],
      description:
        'What each document that names it says of it (names, kind, description, Wikidata id, aliases), earliest-published first.',
      resolve: async (r, _a, ctx) => entitySources(await ctx.repos.graph.sourceValuesOfEntity.load(r.id)),
    }),
    relations: t.field({
      type: [RelationRef],
      description: 'Relationships at this entity, each with the claims and evidence behind it.',
      ...compiledAs({ kind: 'relations', args: { kinds: 'kinds', direction: 'direction' } }),
      args: {
        kinds: t.arg({ type: [RelationKindEnum], required: false, description: 'Default: all kinds.' }),
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH' }),
      },
      resolve: async (r, args, ctx) =>
        (await ctx.repos.graph.edges(r.id, args.kinds ?? EDGE_TYPE_WORDS, args.direction ?? 'BOTH')).map((e) => e.edge),
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'Every place in the articles where a name or alias of the entity occurs.',
      resolve: (r, _a, ctx) => ctx.repos.graph.mentionsOfEntity.load(r.id),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Claims with this entity as the subject or object of a relationship.',
      ...compiles({ kind: 'claims' }, readsClaims('about')),
      resolve: (r, _a, ctx) => ctx.repos.graph.claimsAbout(r.id),
    }),
  }),
});

/** An actor's side: itself and, unless asked not to, the people and bodies acting for it. */
const includeAffiliatesArg = {
  defaultValue: true,
  description:
    'Include the events of the people holding its offices and of its government bodies (Putin and the Kremlin for Russia). True by default, as everywhere an actor is asked about.',
};

ActorRef.implement({
  description: 'An entity that acts: takes part in events, disputes and claims.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef, GraphElementRef],
  resolveType: (r) => typeNameOf(r),
  fields: (t) => ({
    events: t.field({
      type: [EventRef],
      description: 'Events in which the actor (and those acting for it) is a source or a target, in timeline order.',
      args: {
        asSource: t.arg.boolean({ defaultValue: true, description: 'Include events the actor is a source of.' }),
        asTarget: t.arg.boolean({ defaultValue: true, description: 'Include events the actor is a target of.' }),
        includeAffiliates: t.arg.boolean(includeAffiliatesArg),
      },
      resolve: async (r, args, ctx): Promise<EventRecord[]> => {
        const roles = new Set([...(args.asSource ? ['HAS_SOURCE'] : []), ...(args.asTarget ? ['HAS_TARGET'] : [])]);
        const events = await ctx.repos.graph.eventsOfActor(r.id, args.includeAffiliates ?? true);
        return events.filter((e) => e.roles.some((x) => roles.has(x))).map((e) => e.event);
      },
    }),
    disputes: t.field({
      type: [RelationRef],
      description: 'The disputes the actor is a party to (PARTY_TO relations, with role and stance).',
      ...compiles({ kind: 'relations' }, ACTOR_DISPUTES.options),
      resolve: async (r, _a, ctx) => (await ACTOR_DISPUTES.load(ctx, r.id)).map((e) => e.edge),
    }),
    assertedClaims: t.field({
      type: [ClaimRef],
      description: 'Claims this actor asserts.',
      ...compiles({ kind: 'claims' }, readsClaims('asserted')),
      resolve: (r, _a, ctx) => ctx.repos.graph.claimsAssertedBy(r.id),
    }),
  }),
});

/** One object type per entry of domain/entities.ts ENTITY_TYPES, with its relationship fields. */
for (const typeName of ENTITY_TYPE_NAMES) {
  const { description, actor, edges } = ENTITY_TYPES[typeName];
  builder.node(ENTITY_REFS[typeName], {
    description,
    interfaces: actor ? [EntityRef, ActorRef, GraphElementRef] : [EntityRef, GraphElementRef],
    id: { resolve: (r) => r.id },
    isTypeOf: (r) => isEntity(r as NodeRecord) && typeNameOf(r as NodeRecord) === typeName,
    loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isEntity)),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(edges).map(([name, edge]) => {
          const follow = followsEdges([edge.type], edge.direction);
          return [
            name,
            t.field({
              type: [RelationRef],
              description: edge.description,
              ...compiles({ kind: 'relations' }, follow.options),
              resolve: async (r, _a, ctx) => (await follow.load(ctx, r.id)).map((e) => e.edge),
            }),
          ];
        }),
      ),
  });
}

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by global id or key ("turkey"); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ENTITY_TYPE_NAMES, isEntity, info),
  }),
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: 'An actor by global id or key; null when there is none (or it is a place or materiel).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => lookUp(ctx, args.id, ACTOR_TYPE_NAMES, isActor, info),
  }),
  entitiesByName: t.field({
    type: [EntityRef],
    description:
      'Entities by name or alias, ignoring case and diacritics ("erdogan" finds Erdoğan, "Kreml" the Kremlin, "Moskau" Russia\'s government). Exact matches first, then prefixes and substrings.',
    args: {
      name: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 10, description: 'At most 50.' }),
    },
    resolve: (_r, args, ctx) => {
      if (args.name.length > 200) throw new InputError('"name" is longer than 200 characters');
      return ctx.repos.search.byName(args.name, bounded('first', args.first ?? 10, 1, 50));
    },
  }),
}));

const EntityFilter = builder.inputType('EntityFilter', {
  description: 'Filters of entity lists; all given ones must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [EntityKindEnum], required: false }),
    party: t.id({ required: false, description: 'Only parties to this dispute (id or key).' }),
    nameContains: t.string({ required: false, description: 'Part of a name or alias, case and diacritics ignored.' }),
  }),
});

const EntityOrderEnum = orderEnum('EntityOrder', 'How a list of entities is sorted.', ENTITY_ORDERS);

interface EntityListArgs extends PageArgs {
  filter?: { kinds?: EntityKind[] | null; party?: string | null; nameContains?: string | null } | null;
  orderBy?: keyof typeof ENTITY_ORDERS | null;
}

const entityList = (actorsOnly: boolean, args: EntityListArgs, ctx: Context, info: GraphQLResolveInfo) => {
  const order = args.orderBy ?? 'NAME';
  const filter = {
    actorsOnly,
    kinds: args.filter?.kinds ?? null,
    disputeId: optionalKey(args.filter?.party, ['Dispute']),
    nameKey: args.filter?.nameContains ? searchKey(args.filter.nameContains.slice(0, 200)) : null,
  };
  const plan = listPlanOf(info, ctx.compile);
  return connection(args, order, (after, limit) => ctx.repos.lists.entities(filter, order, after, limit, plan));
};

builder.queryFields((t) => ({
  entities: t.connection({
    type: EntityRef,
    description: 'All entities; filter by kind, dispute or name, sort with orderBy. Pages of at most 100.',
    args: {
      filter: t.arg({ type: EntityFilter, required: false }),
      orderBy: t.arg({ type: EntityOrderEnum, defaultValue: 'NAME' }),
    },
    resolve: (_r, args, ctx, info) => entityList(false, args, ctx, info),
  }),
  actors: t.connection({
    type: ActorRef,
    description:
      'Actors only (no places or materiel); filter by kind, dispute or name, sort with orderBy. Pages of at most 100.',
    args: {
      filter: t.arg({ type: EntityFilter, required: false }),
      orderBy: t.arg({ type: EntityOrderEnum, defaultValue: 'NAME' }),
    },
    resolve: (_r, args, ctx, info) => entityList(true, args, ctx, info),
  }),
}));
