import type { Context } from '../context.js';
import type { EventRecord, NodeRecord } from '../domain/records.js';
import {
  ENTITY_TYPES,
  type EntitySource,
  entitySources,
  isActor,
  isDocument,
  isEntity,
  isEvent,
  typeNameOf,
} from '../domain/records.js';
import { InputError } from '../errors.js';
import { searchKey } from '../ingest/text.js';
import { builder } from './builder.js';
import { type EdgeField, ENTITY_EDGE_FIELDS } from './entity-edges.js';
import { DirectionEnum, EntityKindEnum, RELATION_KINDS, RelationKindEnum } from './enums.js';
import { lookUp, optionalKey } from './ids.js';
import { bounded, connection, type PageArgs } from './pagination.js';
import {
  ActorRef,
  AllianceRef,
  ArmedGroupRef,
  ClaimRef,
  CoalitionRef,
  DocumentRef,
  EntityRef,
  EventRef,
  MaterielRef,
  MentionRef,
  OrganizationRef,
  PersonRef,
  PlaceRef,
  RelationRef,
  StateRef,
} from './refs.js';

export const ACTOR_TYPES = ENTITY_TYPES.filter((t) => t !== 'Place' && t !== 'Materiel');

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
    kind: t.field({ type: EntityKindEnum, nullable: true, resolve: (s) => s.kind as never }),
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
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (r) => typeNameOf(r),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key of the entity ("turkey"); accepted wherever an id is.' }),
    kind: t.field({ type: EntityKindEnum, resolve: (r) => r.kind as never }),
    name: t.exposeString('name', { description: 'English name.' }),
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
      resolve: (r) => entitySources(r),
    }),
    relations: t.field({
      type: [RelationRef],
      description: 'Relationships at this entity, each with the claims and evidence behind it.',
      args: {
        kinds: t.arg({ type: [RelationKindEnum], required: false, description: 'Default: all kinds.' }),
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH' }),
      },
      resolve: async (r, args, ctx) =>
        (await ctx.repos.graph.edges(r.id, args.kinds ?? RELATION_KINDS, args.direction ?? 'BOTH')).map((e) => e.edge),
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'Every place in the articles where a name or alias of the entity occurs.',
      resolve: (r, _a, ctx) => ctx.repos.graph.mentionsOfEntity.load(r.id),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Claims with this entity as the subject or object of a relationship.',
      resolve: (r, _a, ctx) => ctx.repos.graph.claimsAbout(r.id),
    }),
  }),
});

ActorRef.implement({
  description: 'An entity that acts: takes part in events, disputes and claims.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (r) => typeNameOf(r),
  fields: (t) => ({
    events: t.field({
      type: [EventRef],
      description: 'Events in which the actor is a source or a target, by date (undated last).',
      args: {
        asSource: t.arg.boolean({ defaultValue: true, description: 'Include events the actor is a source of.' }),
        asTarget: t.arg.boolean({ defaultValue: true, description: 'Include events the actor is a target of.' }),
      },
      resolve: async (r, args, ctx) => {
        const kinds = [...(args.asSource ? ['HAS_SOURCE'] : []), ...(args.asTarget ? ['HAS_TARGET'] : [])];
        if (kinds.length === 0) return [];
        const edges = await ctx.repos.graph.edges(r.id, kinds, 'IN');
        const events = [...new Map(edges.map((e) => [e.other.id, e.other])).values()].filter(isEvent);
        return events.sort(byDate);
      },
    }),
    disputes: t.field({
      type: [RelationRef],
      description: 'The disputes the actor is a party to (PARTY_TO relations, with role and stance).',
      resolve: async (r, _a, ctx) => (await ctx.repos.graph.edges(r.id, ['PARTY_TO'], 'OUT')).map((e) => e.edge),
    }),
    assertedClaims: t.field({
      type: [ClaimRef],
      description: 'Claims this actor asserts.',
      resolve: (r, _a, ctx) => ctx.repos.graph.claimsAssertedBy(r.id),
    }),
  }),
});

export function byDate(a: EventRecord, b: EventRecord): number {
  if (a.sortDate === b.sortDate) return a.id.localeCompare(b.id);
  if (a.sortDate === null) return 1;
  if (b.sortDate === null) return -1;
  return a.sortDate.localeCompare(b.sortDate);
}

function defineEntity(
  ref: typeof StateRef,
  typeName: keyof typeof ENTITY_EDGE_FIELDS,
  isActor: boolean,
  description: string,
) {
  const extra: Record<string, EdgeField> = ENTITY_EDGE_FIELDS[typeName];
  builder.node(ref, {
    description,
    interfaces: isActor ? [EntityRef, ActorRef] : [EntityRef],
    id: { resolve: (r) => r.id },
    isTypeOf: (r) => isEntity(r as NodeRecord) && typeNameOf(r as NodeRecord) === typeName,
    loadMany: (ids, ctx) => ctx.repos.graph.nodes(ids).then((ns) => ns.filter(isEntity)),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(extra).map(([name, [kind, direction, text]]) => [
          name,
          t.field({
            type: [RelationRef],
            description: text,
            resolve: async (r, _a, ctx) => (await ctx.repos.graph.edges(r.id, [kind], direction)).map((e) => e.edge),
          }),
        ]),
      ),
  });
}

defineEntity(StateRef, 'State', true, 'A sovereign state.');
defineEntity(PersonRef, 'Person', true, 'A person.');
defineEntity(
  OrganizationRef,
  'Organization',
  true,
  'An organisation: a government body, council, armed force or medium.',
);
defineEntity(AllianceRef, 'Alliance', true, 'A military or political alliance (NATO).');
defineEntity(ArmedGroupRef, 'ArmedGroup', true, 'A non-state armed group (pro-Russian rebels).');
defineEntity(CoalitionRef, 'Coalition', true, 'An informal group of actors ("the West", "the USA and its allies").');
defineEntity(PlaceRef, 'Place', false, 'A region or place (eastern Ukraine, the Caucasus).');
defineEntity(MaterielRef, 'Materiel', false, 'Weapons and equipment (the S-400, combat drones).');

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by global id or key ("turkey"); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => lookUp(ctx, args.id, ENTITY_TYPES, isEntity),
  }),
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: 'An actor by global id or key; null when there is none (or it is a place or materiel).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => lookUp(ctx, args.id, ACTOR_TYPES, isActor),
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

interface EntityListArgs extends PageArgs {
  filter?: { kinds?: string[] | null; party?: string | null; nameContains?: string | null } | null;
}

const entityList = (actorsOnly: boolean) => (args: EntityListArgs, ctx: Context) =>
  connection(args, (offset, limit) =>
    ctx.repos.lists.entities(
      {
        actorsOnly,
        kinds: args.filter?.kinds ?? null,
        disputeId: optionalKey(args.filter?.party, ['Dispute']),
        nameKey: args.filter?.nameContains ? searchKey(args.filter.nameContains.slice(0, 200)) : null,
      },
      offset,
      limit,
    ),
  );

builder.queryFields((t) => ({
  entities: t.connection({
    type: EntityRef,
    description: 'All entities, by name; filter by kind, dispute or name. Pages of at most 100.',
    args: { filter: t.arg({ type: EntityFilter, required: false }) },
    resolve: (_r, args, ctx) => entityList(false)(args, ctx) as never,
  }),
  actors: t.connection({
    type: ActorRef,
    description: 'Actors only (no places or materiel), by name; filter by kind, dispute or name. Pages of at most 100.',
    args: { filter: t.arg({ type: EntityFilter, required: false }) },
    resolve: (_r, args, ctx) => entityList(true)(args, ctx) as never,
  }),
}));
