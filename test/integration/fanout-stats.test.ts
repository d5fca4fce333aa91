import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FanoutStats } from '../../src/cost/fanout-stats.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

describe('the fan-out maxima are measured again only when the graph moved', () => {
  const db = testDatabase();
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('checks the version a minute apart and measures only after a write, from this server or another', async () => {
    const stats = new FanoutStats(db);
    const sent: string[] = [];
    db.onQuery = (q) => sent.push(q.name);
    try {
      await stats.refresh();
      expect(sent).toEqual(['degree-maxima']);
      const measuredAt = stats.measuredAt;

      sent.length = 0;
      await stats.refreshIfChanged();
      expect(sent).toEqual([]); // one read of the version, no pass over the nodes
      expect(stats.measuredAt).toBe(measuredAt);
      expect(stats.checkedAt).toBeGreaterThanOrEqual(measuredAt);

      // Any write transaction steps the version (another server's writes go through the same code).
      await db.write('test-write', 'RETURN 1 AS one');
      sent.length = 0;
      await stats.refreshIfChanged();
      expect(sent).toEqual(['degree-maxima']);
      expect(stats.measuredAt).toBeGreaterThanOrEqual(measuredAt);
    } finally {
      db.onQuery = undefined;
    }
  });
});
