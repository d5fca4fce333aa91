import type { EdgeType } from './edges.js';

/**
 * The version of what the loader writes. A document written by an older loader is loaded again
 * from its folder when the server starts (its claims' edits are kept): 2 added event order, claim
 * aspects, sub-events and the role vocabulary.
 */
export const LOADER_VERSION = 2;

/**
 * The rows one document's ingest writes: made by ingest/plan.ts from validated annotations, written
 * in one transaction by repositories/ingest-writer.ts.
 */
/** A truthy edge of the document, with the claims behind it. */
export interface EdgeRow {
  from: string;
  to: string;
  claimIds: string[];
  props: Record<string, string | null>;
}

export interface IngestPlan {
  documentId: string;
  claimPrefix: string;
  document: Record<string, string | number | null>;
  publisherEntity: string;
  sentences: { id: string; index: number; start: number; end: number; text: string }[];
  /** Sorted by id, so that concurrent ingests lock shared entities in the same order. */
  entities: { id: string; values: string[] }[];
  disputes: Record<string, unknown>[];
  events: Record<string, unknown>[];
  edges: Map<EdgeType, EdgeRow[]>;
  claims: {
    id: string;
    assertedBy: string;
    aboutId: string;
    aboutKind: string;
    subject: string | null;
    object: string | null;
    props: Record<string, unknown>;
  }[];
  evidence: { id: string; claimId: string; sentenceId: string; props: Record<string, unknown> }[];
  contradictions: { from: string; to: string }[];
  mentions: { entityId: string; start: number; end: number; text: string; sentenceIndex: number }[];
}

/** The relationships a plan writes (repositories/ingest-writer.ts): what a first ingest adds at most. */
export function planRelationships(plan: IngestPlan): number {
  let n = 1 + plan.sentences.length; // PUBLISHED_BY, IN_DOCUMENT of each sentence
  for (const rows of plan.edges.values()) n += rows.length;
  for (const c of plan.claims) n += 2 + (c.aboutKind === 'relation' ? 2 : 1); // SOURCED_FROM, ASSERTED_BY, ABOUT | SUBJECT + OBJECT
  n += 3 * plan.evidence.length; // SUPPORTED_BY, IN_SENTENCE, IN_DOCUMENT
  return n + plan.contradictions.length + plan.mentions.length;
}

/** What a write kept of the editorial history of the document's claims. */
export interface WriteOutcome {
  /** Claims of the file that were retracted and stay retracted. */
  keptRetractions: number;
  /** Claims of the file that were corrected and keep their correction and history. */
  keptCorrections: number;
  /** Edited claims (retracted or corrected) the file no longer has: they are gone with their edits. */
  droppedEdits: string[];
}

/** What an ingest wrote, for the CLI and the API. */
export interface IngestSummary extends WriteOutcome {
  documentId: string;
  slug: string;
  entities: number;
  events: number;
  disputes: number;
  relations: number;
  claims: number;
  evidence: number;
  mentions: number;
  sentences: number;
}
