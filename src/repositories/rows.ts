import type { z } from 'zod';
import { int } from '../db/driver.js';

/** The order of a claim's details in a row of cypher/fragments/claims-of-asks.cypher (a list: see NODE_ROW_KEYS in domain/records.ts). */
export const CLAIM_DETAIL_KEYS = [
  'claim',
  'asserterId',
  'assertedBy',
  'evidence',
  'about',
  'subject',
  'object',
  'contradicts',
] as const;

/** A row Neo4j returned that does not have the shape its query promises: a bug or stale data, never the client's. */
export class RowShapeError extends Error {}

/**
 * Parses the rows of a query with its row schema (rows leave the repositories parsed, never cast).
 * Row by row with the one schema: wrapping it in a new z.array per call would build (and compile) a
 * schema on every request.
 */
export function parseRows<S extends z.ZodType>(query: string, schema: S, rows: unknown[]): z.output<S>[] {
  const out = new Array<z.output<S>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const parsed = schema.safeParse(rows[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [i, ...(issue?.path ?? [])].join('.');
      throw new RowShapeError(`query "${query}" returned a row of another shape: ${where}: ${issue?.message}`);
    }
    out[i] = parsed.data;
  }
  return out;
}

/**
 * How many items of a list one row holds where a list can be long: a hub's edges (edges-of-ids), the
 * claims about a node (claims-of-asks), each list of a dyad (dyad.cypher) come in several rows, put
 * together in order. The driver decodes a record larger than a Bolt chunk (64 KiB) through a much
 * slower path, byte by byte. Parameters of every query.
 */
export const ROW_PARTS = { edgeChunk: int(32), claimChunk: int(16), dyadChunk: int(40) };
