import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema.js';
import { seedArticles } from '../../src/ingest/seed.js';
import { createLogger } from '../../src/logger.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

describe('seedArticles (run by npm start)', () => {
  const db = testDatabase();
  const logger = createLogger('silent');
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
    await clearGraph(db);
  });
  afterAll(() => db.close());

  it('loads the articles into an empty database, and only then', async () => {
    expect(await seedArticles(db, logger)).toBe(1);
    expect(await seedArticles(db, logger)).toBe(0);
    const [row] = await db.read<{ n: number }>('docs', 'MATCH (d:Document) RETURN count(d) AS n');
    expect(row?.n).toBe(1);
  });
});
