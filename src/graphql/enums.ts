import { CLAIM_ASPECTS, CLAIM_STANCES } from '../domain/claims.js';
import { DATE_PRECISIONS } from '../domain/dates.js';
import { DIRECTIONS, EDGE_TYPE_WORDS, EDGE_TYPES } from '../domain/edges.js';
import { ENTITY_KINDS } from '../domain/entities.js';
import { COOPERATION, EVENT_STATUSES, EVENT_TYPES } from '../domain/events.js';
import { RELATION_ROLES } from '../domain/roles.js';
import { mapWords, type Vocabulary } from '../domain/words.js';
import { builder } from './builder.js';

/** A vocabulary of src/domain as GraphQL enum values, each with its description (shown in GraphiQL's docs). */
const valuesOf = <K extends string>(words: Vocabulary<K>) => mapWords(words, (w) => ({ description: w.description }));

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'What an entity is. Actors are every kind but REGION and MATERIEL.',
  values: valuesOf(ENTITY_KINDS),
});

export const EventTypeEnum = builder.enumType('EventType', {
  description: 'What kind of thing happened (its CAMEO code says it in GDELT terms).',
  values: valuesOf(EVENT_TYPES),
});

export const EventStatusEnum = builder.enumType('EventStatus', {
  description: 'Whether the event happened, goes on, is planned, is only feared, or is denied.',
  values: valuesOf(EVENT_STATUSES),
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How exactly the article dates something: to the DAY, MONTH or YEAR, or not at all (UNKNOWN).',
  values: valuesOf(DATE_PRECISIONS),
});

export const ClaimStanceEnum = builder.enumType('ClaimStance', {
  description: 'How a claim is put: as fact by the narrator, attributed to a source, denied, feared or expected.',
  values: valuesOf(CLAIM_STANCES),
});

export const ClaimAspectEnum = builder.enumType('ClaimAspect', {
  description: 'What a claim says of its event, dispute or relation: that it is so (FACT) or why (REASON).',
  values: valuesOf(CLAIM_ASPECTS),
});

export const RELATION_KINDS = EDGE_TYPE_WORDS;

export const RelationKindEnum = builder.enumType('RelationKind', {
  description: 'Relationship types of the traversable graph.',
  values: valuesOf(EDGE_TYPES),
});

export const RelationRoleEnum = builder.enumType('RelationRole', {
  description: 'The office held (HOLDS_POSITION) or the side taken in a dispute (PARTY_TO).',
  values: valuesOf(RELATION_ROLES),
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a relationship points from the node asked about.',
  values: valuesOf(DIRECTIONS),
});

export const CooperationEnum = builder.enumType('Cooperation', {
  description: "The sign of an event's Goldstein value.",
  values: valuesOf(COOPERATION),
});

/** The enums whose values are also accepted in any case ("demand" for DEMAND), with their words. */
export const FORGIVING_ENUMS: Record<string, Vocabulary> = {
  EntityKind: ENTITY_KINDS,
  EventType: EVENT_TYPES,
  EventStatus: EVENT_STATUSES,
  DatePrecision: DATE_PRECISIONS,
  ClaimStance: CLAIM_STANCES,
  ClaimAspect: CLAIM_ASPECTS,
  RelationKind: EDGE_TYPES,
  RelationRole: RELATION_ROLES,
  Direction: DIRECTIONS,
};
