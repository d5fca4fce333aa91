import { z } from 'zod';

/** A row Neo4j returned that does not have the shape its query promises: a bug or stale data, never the client's. */
export class RowShapeError extends Error {}

/** Parses the rows of a query with its row schema (rows leave the repositories parsed, never cast). */
export function parseRows<S extends z.ZodType>(query: string, schema: S, rows: unknown[]): z.output<S>[] {
  const parsed = z.array(schema).safeParse(rows);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RowShapeError(
    `query "${query}" returned a row of another shape: ${issue?.path.join('.') || 'row'}: ${issue?.message}`,
  );
}
