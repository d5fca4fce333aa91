import type { Direction, EdgeType } from './edges.js';
import type { Vocabulary } from './words.js';
import { mapWords, wordsOf } from './words.js';

/** A list field of an entity type that follows one relationship type in one direction. */
export interface EdgeField {
  readonly type: EdgeType;
  readonly direction: Direction;
  readonly description: string;
}

/**
 * The GraphQL object types of entities: what each is, whether it acts (takes part in events,
 * disputes and claims), and its relationship fields. One Pothos object is built per entry.
 */
export const ENTITY_TYPES = {
  State: {
    description: 'A sovereign state.',
    actor: true,
    edges: {
      memberships: {
        type: 'MEMBER_OF',
        direction: 'OUT',
        description: 'Alliances and organisations the state belongs to.',
      },
      officeHolders: {
        type: 'HOLDS_POSITION',
        direction: 'IN',
        description: 'People who hold an office of the state (president, foreign minister …).',
      },
      bodies: {
        type: 'PART_OF',
        direction: 'IN',
        description: 'Government bodies, armed forces and regions that are part of the state.',
      },
      borders: { type: 'BORDERS', direction: 'BOTH', description: 'States it shares a border with.' },
      partners: { type: 'PARTNER_OF', direction: 'BOTH', description: 'Actors it keeps partnerly relations with.' },
    },
  },
  Person: {
    description: 'A person.',
    actor: true,
    edges: {
      positions: { type: 'HOLDS_POSITION', direction: 'OUT', description: 'Offices the person holds, with the role.' },
    },
  },
  Organization: {
    description: 'An organisation: a government body, council, armed force or medium.',
    actor: true,
    edges: {
      partOf: {
        type: 'PART_OF',
        direction: 'OUT',
        description: 'What the organisation belongs to (a government body to its state).',
      },
      memberships: { type: 'MEMBER_OF', direction: 'OUT', description: 'Organisations it is a member of.' },
    },
  },
  Alliance: {
    description: 'A military or political alliance (NATO).',
    actor: true,
    edges: {
      members: {
        type: 'MEMBER_OF',
        direction: 'IN',
        description: 'Members of the alliance, each with the claims that say so.',
      },
    },
  },
  ArmedGroup: {
    description: 'A non-state armed group (pro-Russian rebels).',
    actor: true,
    edges: { locatedIn: { type: 'LOCATED_IN', direction: 'OUT', description: 'Where the group operates.' } },
  },
  Coalition: {
    description: 'An informal group of actors ("the West", "the USA and its allies").',
    actor: true,
    edges: {
      partners: { type: 'PARTNER_OF', direction: 'OUT', description: 'Whom the coalition is partnered with.' },
      memberships: { type: 'MEMBER_OF', direction: 'OUT', description: 'Organisations its members belong to.' },
    },
  },
  Place: {
    description: 'A region or place (eastern Ukraine, the Caucasus).',
    actor: false,
    edges: { partOf: { type: 'PART_OF', direction: 'OUT', description: 'The state or region it belongs to.' } },
  },
  Materiel: {
    description: 'Weapons and equipment (the S-400, combat drones).',
    actor: false,
    edges: {},
  },
} as const satisfies Record<string, { description: string; actor: boolean; edges: Record<string, EdgeField> }>;
export type EntityTypeName = keyof typeof ENTITY_TYPES;
export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES) as EntityTypeName[];
export const ACTOR_TYPE_NAMES = ENTITY_TYPE_NAMES.filter((t) => ENTITY_TYPES[t].actor);

/**
 * What an entity is. Each kind says its GraphQL type and its Neo4j labels (besides `Entity`) — the
 * only place labels come from. A new kind is one entry here.
 */
export const ENTITY_KINDS = {
  STATE: { description: 'A sovereign state.', type: 'State', labels: ['Actor', 'State'] },
  PERSON: { description: 'A person.', type: 'Person', labels: ['Actor', 'Person'] },
  ALLIANCE: {
    description: 'A military or political alliance.',
    type: 'Alliance',
    labels: ['Actor', 'Organization', 'Alliance'],
  },
  ORGANIZATION: { description: 'Any other organisation.', type: 'Organization', labels: ['Actor', 'Organization'] },
  GOVERNMENT_BODY: {
    description: "A body of a state's government (the Kremlin, a president's office).",
    type: 'Organization',
    labels: ['Actor', 'Organization', 'GovernmentBody'],
  },
  COUNCIL: {
    description: 'A council of states or bodies (the NATO–Russia Council).',
    type: 'Organization',
    labels: ['Actor', 'Organization', 'Council'],
  },
  MILITARY: {
    description: "A state's armed forces.",
    type: 'Organization',
    labels: ['Actor', 'Organization', 'Military'],
  },
  MEDIA: {
    description: 'A publisher or broadcaster.',
    type: 'Organization',
    labels: ['Actor', 'Organization', 'Media'],
  },
  ARMED_GROUP: { description: 'A non-state armed group.', type: 'ArmedGroup', labels: ['Actor', 'ArmedGroup'] },
  COALITION: { description: 'An informal group of actors.', type: 'Coalition', labels: ['Actor', 'Coalition'] },
  REGION: { description: 'A region or place.', type: 'Place', labels: ['Place', 'Region'] },
  MATERIEL: { description: 'Weapons or equipment.', type: 'Materiel', labels: ['Materiel'] },
} as const satisfies Vocabulary & Record<string, { type: EntityTypeName; labels: readonly string[] }>;
export type EntityKind = keyof typeof ENTITY_KINDS;
export const ENTITY_KIND_WORDS = wordsOf(ENTITY_KINDS);

/** The labels of each kind (besides Entity), as the writer sets them. */
export const KIND_LABELS: Record<EntityKind, readonly string[]> = mapWords(ENTITY_KINDS, (k) => k.labels);

/** The fields a document states of an entity, kept per document on the entity (sourceValues). */
export const ENTITY_FIELDS = ['kind', 'name', 'nameDe', 'description', 'wikidataId', 'alias', 'key'] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];

/** Every label an entity kind can add: removed before a kind's own are set (a kind can change). */
export const ALL_KIND_LABELS = [...new Set(Object.values(ENTITY_KINDS).flatMap((k) => k.labels))];

export const typeOfKind = (kind: EntityKind): EntityTypeName => ENTITY_KINDS[kind].type;
