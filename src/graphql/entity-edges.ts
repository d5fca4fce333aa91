import type { Direction } from '../domain/graph-shape.js';

/** A list field of an entity type that follows one relationship type in one direction. */
export type EdgeField = readonly [kind: string, direction: Direction, description: string];

/** The relationship fields of each entity type (read by entity.ts and by the cost model). */
export const ENTITY_EDGE_FIELDS = {
  State: {
    memberships: ['MEMBER_OF', 'OUT', 'Alliances and organisations the state belongs to.'],
    officeHolders: ['HOLDS_POSITION', 'IN', 'People who hold an office of the state (president, foreign minister …).'],
    bodies: ['PART_OF', 'IN', 'Government bodies, armed forces and regions that are part of the state.'],
    borders: ['BORDERS', 'BOTH', 'States it shares a border with.'],
    partners: ['PARTNER_OF', 'BOTH', 'Actors it keeps partnerly relations with.'],
  },
  Person: {
    positions: ['HOLDS_POSITION', 'OUT', 'Offices the person holds, with the role.'],
  },
  Organization: {
    partOf: ['PART_OF', 'OUT', 'What the organisation belongs to (a government body to its state).'],
    memberships: ['MEMBER_OF', 'OUT', 'Organisations it is a member of.'],
  },
  Alliance: {
    members: ['MEMBER_OF', 'IN', 'Members of the alliance, each with the claims that say so.'],
  },
  ArmedGroup: {
    locatedIn: ['LOCATED_IN', 'OUT', 'Where the group operates.'],
  },
  Coalition: {
    partners: ['PARTNER_OF', 'OUT', 'Whom the coalition is partnered with.'],
    memberships: ['MEMBER_OF', 'OUT', 'Organisations its members belong to.'],
  },
  Place: {
    partOf: ['PART_OF', 'OUT', 'The state or region it belongs to.'],
  },
  Materiel: {},
} as const satisfies Record<string, Record<string, EdgeField>>;
