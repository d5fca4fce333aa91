import type { Vocabulary } from './words.js';

/** How a list of entities (or actors) can be sorted. */
export const ENTITY_ORDERS = {
  NAME: { description: 'By English name, A to Z (the default).' },
  DEGREE: { description: 'Most relationships first (the hubs of the graph).' },
  CLAIMS: { description: 'Most claims about it first.' },
} as const satisfies Vocabulary;
export type EntityOrder = keyof typeof ENTITY_ORDERS;

export const EVENT_ORDERS = {
  DATE: {
    description:
      'Oldest first (the default). An event sorts at the first day its date can mean, never before what it answers or is part of; undated events last.',
  },
  DATE_DESC: { description: 'Newest first; undated events last.' },
} as const satisfies Vocabulary;
export type EventOrder = keyof typeof EVENT_ORDERS;

/**
 * The sort key of an undated event or document in its list's order (days since 1970-01-01 for a dated
 * one, negated newest first): past every date, so undated items come last either way. The page queries
 * read it as $undated; a cursor holds it.
 */
export const UNDATED_SORT_KEY = 1_000_000_000;

export const CLAIM_ORDERS = {
  DOCUMENT_POSITION: { description: 'By document, then where its first quote stands in the text (the default).' },
} as const satisfies Vocabulary;
export type ClaimOrder = keyof typeof CLAIM_ORDERS;

export const DISPUTE_ORDERS = {
  NAME: { description: 'By English name, A to Z (the default).' },
  PARTIES: { description: 'Most parties first.' },
} as const satisfies Vocabulary;
export type DisputeOrder = keyof typeof DISPUTE_ORDERS;

export const DOCUMENT_ORDERS = {
  PUBLISHED_DESC: { description: 'Newest first (the default).' },
  PUBLISHED: { description: 'Oldest first.' },
} as const satisfies Vocabulary;
export type DocumentOrder = keyof typeof DOCUMENT_ORDERS;
