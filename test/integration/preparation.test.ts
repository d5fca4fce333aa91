import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWhenUp } from '../../src/db/preparation.js';
import { createLogger } from '../../src/logger.js';
import { testDatabase } from '../helpers/db.js';
import { waitFor } from '../helpers/server-process.js';

describe('preparing the database (schema, seed) when Neo4j is up', () => {
  const db = testDatabase();
  beforeAll(() => db.check());
  afterAll(() => db.close());

  it('retries a failed preparation while Neo4j stays up, until it succeeds', async () => {
    expect(db.isUp).toBe(true);
    const attempts: string[] = [];
    const preparation = prepareWhenUp(
      db,
      createLogger('silent'),
      async () => {
        // The first two attempts fail in Neo4j itself (as a seed with a bad statement would).
        const cypher = attempts.length < 2 ? 'RETURN 1 +' : 'RETURN 1 AS ok';
        attempts.push(cypher);
        await db.read('preparation', cypher);
      },
      () => 50,
    );
    await preparation.run();
    expect(preparation.done).toBe(false);
    expect(await waitFor(async () => preparation.done, 10_000)).toBe(true);
    expect(attempts).toEqual(['RETURN 1 +', 'RETURN 1 +', 'RETURN 1 AS ok']);
    // Done is done: no further attempt.
    await preparation.run();
    expect(attempts).toHaveLength(3);
  });
});
