import { CLAIM_STANCES, DATE_PRECISIONS, ENTITY_KINDS, EVENT_STATUSES } from '../ingest/annotation-schema.js';
import { EDGE_TYPES } from '../ingest/plan.js';
import { builder } from './builder.js';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'What an entity is. Actors are every kind but REGION and MATERIEL.',
  values: ENTITY_KINDS,
});

export const EventStatusEnum = builder.enumType('EventStatus', {
  description: 'Whether the event happened, goes on, is planned, is only feared, or is denied.',
  values: EVENT_STATUSES,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How exactly the article dates something: to the DAY, MONTH or YEAR, or not at all (UNKNOWN).',
  values: DATE_PRECISIONS,
});

export const ClaimStanceEnum = builder.enumType('ClaimStance', {
  description:
    'How a claim is put: REPORTED as fact by the narrator, ATTRIBUTED to a named source, DENIED, FEARED, or EXPECTED (speculation).',
  values: CLAIM_STANCES,
});

export const RELATION_KINDS = EDGE_TYPES;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const RelationKindEnum = builder.enumType('RelationKind', {
  description:
    'Relationship types of the traversable graph. Between entities: MEMBER_OF, HOLDS_POSITION, PART_OF, PARTNER_OF, BORDERS, LOCATED_IN; entity to dispute: PARTY_TO; event to entity, dispute or event: HAS_SOURCE, HAS_TARGET, CONCERNS, TAKES_PLACE_IN, RESPONDS_TO, IN_DISPUTE.',
  values: RELATION_KINDS,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a relationship points from the node asked about.',
  values: ['OUT', 'IN', 'BOTH'] as const,
});

export const CooperationEnum = builder.enumType('Cooperation', {
  description: "The sign of an event's Goldstein value: COOPERATION (> 0), CONFLICT (< 0) or NEUTRAL (0).",
  values: ['COOPERATION', 'CONFLICT', 'NEUTRAL'] as const,
});

export const cooperationOf = (goldstein: number) =>
  goldstein > 0 ? ('COOPERATION' as const) : goldstein < 0 ? ('CONFLICT' as const) : ('NEUTRAL' as const);
