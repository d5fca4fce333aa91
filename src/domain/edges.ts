import type { Vocabulary } from './words.js';
import { wordsOf } from './words.js';

/** Relationships between entities (and an entity's side in a dispute), from the annotations' `relations`. */
export const RELATION_TYPES = {
  MEMBER_OF: { description: 'A member of an alliance or organisation.' },
  HOLDS_POSITION: { description: 'A person holds an office of a state or organisation (role: the office).' },
  PART_OF: {
    description: 'Part of something larger: a government body of its state, a region, a sub-event of an event.',
  },
  PARTY_TO: { description: 'An entity is a party to a dispute (role: its side; stance: its position).' },
  PARTNER_OF: { description: 'Keeps partnerly relations with.' },
  BORDERS: { description: 'Shares a border with.' },
  LOCATED_IN: { description: 'Operates or lies in.' },
} as const satisfies Vocabulary;
export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_WORDS = wordsOf(RELATION_TYPES);

/** Edges from an event to what it involves, from the annotations' events. */
export const EVENT_EDGE_TYPES = {
  HAS_SOURCE: { description: 'An event to who acts.' },
  HAS_TARGET: { description: 'An event to who is acted upon.' },
  CONCERNS: { description: 'An event or dispute to what it is about.' },
  TAKES_PLACE_IN: { description: 'An event to where it happens.' },
  RESPONDS_TO: { description: 'An event to the event it answers (a rejection to a demand).' },
  IN_DISPUTE: { description: 'An event to the dispute it belongs to.' },
} as const satisfies Vocabulary;
export type EventEdgeType = keyof typeof EVENT_EDGE_TYPES;
export const EVENT_EDGE_TYPE_WORDS = wordsOf(EVENT_EDGE_TYPES);

/** Every type of the truthy view: the only relationship types ingest derives and traversal follows. */
export const EDGE_TYPES = { ...RELATION_TYPES, ...EVENT_EDGE_TYPES } as const satisfies Vocabulary;
export type EdgeType = keyof typeof EDGE_TYPES;
export const EDGE_TYPE_WORDS = wordsOf(EDGE_TYPES);

/** Relationships that tie claims to what they say and where it is written (not traversable edges). */
export const PROVENANCE_TYPES = [
  'ASSERTED_BY',
  'ABOUT',
  'SUBJECT',
  'OBJECT',
  'SUPPORTED_BY',
  'IN_SENTENCE',
  'IN_DOCUMENT',
  'SOURCED_FROM',
  'CONTRADICTS',
  'MENTIONS',
  'PUBLISHED_BY',
] as const;

/** Every relationship type the graph holds. */
export const ALL_RELATIONSHIP_TYPES: readonly string[] = [...EDGE_TYPE_WORDS, ...PROVENANCE_TYPES];

/** The label a node of each kind carries first; other labels (State, Actor …) refine an entity's. */
export const NODE_LABELS = ['Entity', 'Event', 'Dispute', 'Claim', 'Evidence', 'Document', 'Sentence'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const DIRECTIONS = {
  OUT: { description: 'From the node asked about.' },
  IN: { description: 'To the node asked about.' },
  BOTH: { description: 'Either way.' },
} as const satisfies Vocabulary;
export type Direction = keyof typeof DIRECTIONS;
