import { describe, expect, it } from 'vitest';
import { int } from '../../src/db/driver.js';
import { GraphRepository } from '../../src/repositories/graph.js';
import { type ListPlan, ListRepository } from '../../src/repositories/lists.js';
import { recordingDatabase } from '../helpers/recording-db.js';

const all = { from: null, to: null, types: null, statuses: null, actorId: null, affiliates: true, disputeId: null };
const plan = (lookahead: boolean): ListPlan => ({
  preload: [],
  compiled: { map: '{`key`: x0.id}', params: {} },
  counted: false,
  lookahead,
});

describe("a page's compiled rows", () => {
  it("compiles every row of a plan without a look-ahead row, all but the last of a connection's", async () => {
    const { db, calls } = recordingDatabase();
    const lists = new ListRepository(db, {}, new GraphRepository(db, {}));
    await lists.events(all, 'DATE', null, 21, plan(true));
    await lists.events(all, 'DATE', null, 21, plan(false));
    const [connection, plain] = calls;
    for (const call of [connection, plain]) {
      expect(call?.name).toBe('events-page+compiled');
      expect(call?.text).toContain('WHERE at < $compiledRows');
      expect(call?.text).not.toContain('$limit - 1');
    }
    expect(connection?.params.compiledRows).toEqual(int(20));
    expect(plain?.params.compiledRows).toEqual(int(21));
  });
});
