import type { z } from 'zod';

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
