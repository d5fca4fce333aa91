import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, sentDuring, testDatabase } from '../helpers/db.js';
import { planNodes as nodes, planOf } from '../helpers/plans.js';

/* What the traversals ask Neo4j to expand: only the relationships of the kinds asked for. */
describe('traversal plans', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  async function sentBy(query: string): Promise<SentQuery[]> {
    const { result, sent } = await sentDuring(db, () => gql(query));
    expect(result.errors).toBeUndefined();
    return sent;
  }

  it.each([
    ['every kind', '', /MEMBER_OF\|.*HAS_SOURCE/],
    [
      'two kinds',
      ', kinds: [MEMBER_OF, HOLDS_POSITION]',
      /^[^|]*:(MEMBER_OF\|HOLDS_POSITION|HOLDS_POSITION\|MEMBER_OF)\*/,
    ],
  ])('a shortest path over %s expands only relationships of those types', async (_name, kinds, pattern) => {
    for (const selection of ['length', 'length edges { kind evidence { quote } }']) {
      const sent = await sentBy(`{ shortestPath(from: "putin", to: "nato"${kinds}) { ${selection} } }`);
      const query = sent.find((q) => q.name.startsWith('shortest-path'));
      expect(query).toBeDefined();
      const plan = await planOf(db.driver, db.connection.database, query as SentQuery);
      const search = nodes(plan.plan).find((n) => n.operator === 'ShortestPath');
      expect(search?.details).toMatch(pattern);
      // No test of the types after the expansion (all(r IN relationships(p) WHERE type(r) IN …)).
      expect(search?.details).not.toMatch(/type\(/);
    }
  });

  it('expands each candidate event of a dyad once more, toward the other side only', async () => {
    const sent = await sentBy('{ dyad(a: "russia", b: "turkey") { eventCount events(first: 3) { direction } } }');
    const query = sent.find((q) => q.name === 'dyad');
    expect(query).toBeDefined();
    const plan = await planOf(db.driver, db.connection.database, query as SentQuery);
    const fromEvents = nodes(plan.plan).filter(
      (n) =>
        n.operator.startsWith('Expand') && /^\(e\)-\[\w+:HAS_SOURCE\|HAS_TARGET\|CONCERNS\]->\(x\)/.test(n.details),
    );
    // One for the roles toward the other side (the roles toward the side it was found from come with
    // the match); two before, one per side.
    expect(fromEvents.length).toBe(1);
  });

  it('finds the path only over the kinds asked for', async () => {
    const members = await gql(
      '{ shortestPath(from: "turkey", to: "nato", kinds: [MEMBER_OF]) { length edges { kind } } }',
    );
    expect(members.data.shortestPath).toEqual({ length: 1, edges: [{ kind: 'MEMBER_OF' }] });
    const none = await gql('{ shortestPath(from: "putin", to: "nato", kinds: [MEMBER_OF]) { length } }');
    expect(none.errors).toBeUndefined();
    expect(none.data.shortestPath).toBeNull();
  });
});
