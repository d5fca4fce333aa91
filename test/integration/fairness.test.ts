import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, DatabaseBusyError } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/yoga.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const WORDS = ['Drohnen', 'NATO', 'Russland', 'Türkei', 'Erdoğan', 'Putin', 'Ukraine', 'Syrien', 'Libyen', 'Moskau'];
/** 30 aliases of `search` (the most MAX_ALIASES allows): one Neo4j query each. */
const HEAVY = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "${WORDS[i % WORDS.length]}") { score }`).join(' ')} }`;
const LIGHT = '{ entity(id: "turkey") { key name } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

function client(db: Database) {
  const app = createApp({ db, logger: createLogger('silent') });
  return async (query: string): Promise<Answer> => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Answer['body'],
    };
  };
}

const codes = (a: Answer) => [...new Set((a.body.errors ?? []).map((e) => e.extensions?.code))];

describe('per-request and process-wide limits on Neo4j work', () => {
  const db = testDatabase();
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('runs the 30 search aliases of one request at most 4 at a time, and answers all of them', async () => {
    const gql = client(db);
    db.peakInFlight = 0;
    const before = db.queriesSent;
    const r = await gql(HEAVY);
    expect(r.body.errors).toBeUndefined();
    expect(Object.keys(r.body.data ?? {})).toHaveLength(30);
    expect(db.queriesSent - before).toBe(30);
    expect(db.peakInFlight).toBeGreaterThan(0);
    expect(db.peakInFlight).toBeLessThanOrEqual(4);
    expect(db.pool.queriesPerRequest).toBe(4);
  });

  it('answers DATABASE_BUSY with Retry-After (never INTERNAL_SERVER_ERROR) when the pool is small, and a light request still succeeds', async () => {
    const small = testDatabase(15_000, {
      size: 3,
      maxConcurrentQueries: 1,
      maxQueued: 4,
      queueTimeoutMs: 10_000,
      queriesPerRequest: 4,
    });
    try {
      expect(await small.check()).toBe(true);
      const gql = client(small);
      const heavy = Array.from({ length: 6 }, () => gql(HEAVY));
      const light = gql(LIGHT);
      const answers = await Promise.all(heavy);
      const lightAnswer = await light;

      for (const a of answers) {
        if (a.status === 200) {
          expect(a.body.errors).toBeUndefined();
        } else {
          expect(a.status).toBe(503);
          expect(codes(a)).toEqual(['DATABASE_BUSY']);
          expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
        }
      }
      expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
      expect(lightAnswer.body.errors).toBeUndefined();
      expect(lightAnswer.body.data).toEqual({ entity: { key: 'turkey', name: 'Turkey' } });
      // Nothing is left waiting or holding a slot.
      expect(small.admission.active).toBe(0);
      expect(small.admission.queued).toBe(0);
      expect(small.isUp).toBe(true);
    } finally {
      await small.close();
    }
  });

  it("maps the driver's connection acquisition timeout to DATABASE_BUSY, and Neo4j stays up", async () => {
    // One pooled connection, held by a transaction; admission lets the read through to the pool.
    const tiny = testDatabase(15_000, { size: 1, acquisitionTimeoutMs: 300, maxConcurrentQueries: 2 });
    const session = tiny.driver.session({ database: tiny.connection.database });
    try {
      expect(await tiny.check()).toBe(true);
      const tx = await session.beginTransaction();
      await tx.run('RETURN 1');
      await expect(tiny.read('blocked', 'RETURN 1 AS x')).rejects.toBeInstanceOf(DatabaseBusyError);
      // A pool in use is busy, not down: /ready stays 200 and other requests are not refused.
      expect(await tiny.check()).toBe(true);
      await tx.rollback();
      expect(await tiny.read('free', 'RETURN 1 AS x')).toEqual([{ x: 1 }]);
    } finally {
      await session.close();
      await tiny.close();
    }
  });
});
