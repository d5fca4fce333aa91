import { EDGE_TYPES } from '../ingest/plan.js';

/** The labels a node of each kind carries first; other labels (State, Actor …) refine them. */
export const NODE_LABELS = ['Entity', 'Event', 'Dispute', 'Claim', 'Evidence', 'Document', 'Sentence'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

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

/** Every relationship type the graph holds: the truthy edges and the provenance. */
export const ALL_RELATIONSHIP_TYPES: readonly string[] = [...EDGE_TYPES, ...PROVENANCE_TYPES];

export type Direction = 'OUT' | 'IN' | 'BOTH';
