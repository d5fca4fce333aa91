import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DYAD } from '../../web/src/operations.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, sentDuring, testDatabase } from '../helpers/db.js';

/** What the cost plugin puts under `extensions.cost` (see cost.test.ts). */
interface CostExtension {
  estimated: number;
  items: number;
}

const FULL = `goldsteinSum cooperationSum conflictSum countedStatuses
  events { direction event { key goldstein status } } cooperation { event { key } } conflict { event { key } }`;

/* A dyad's lists of events with `first`: what is sent is bounded, what is counted and summed is not. */
describe('dyad events with first', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  const dyadQueries = async (query: string) => {
    const { result: r, sent } = await sentDuring(db, () => gql(query), 'dyad');
    return { r, sent };
  };

  it('gives the first events of each list and the counts and sums of all of them', async () => {
    const whole = await gql(`{ dyad(a: "russia", b: "turkey") { ${FULL} } }`);
    expect(whole.errors).toBeUndefined();
    const all = whole.data.dyad;
    expect(all.events.length).toBeGreaterThan(4);
    expect(all.cooperation.length).toBeGreaterThan(1);
    expect(all.conflict.length).toBeGreaterThan(1);
    const { r, sent } = await dyadQueries(`{ dyad(a: "russia", b: "turkey") {
      eventCount cooperationCount conflictCount goldsteinSum cooperationSum conflictSum countedStatuses
      events(first: 2) { direction event { key goldstein status } }
      cooperation(first: 1) { event { key } } conflict(first: 0) { event { key } } } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data.dyad;
    expect(d.events).toEqual(all.events.slice(0, 2));
    expect(d.cooperation).toEqual(all.cooperation.slice(0, 1));
    expect(d.conflict).toEqual([]);
    expect([d.eventCount, d.cooperationCount, d.conflictCount]).toEqual([
      all.events.length,
      all.cooperation.length,
      all.conflict.length,
    ]);
    for (const f of ['goldsteinSum', 'cooperationSum', 'conflictSum', 'countedStatuses']) expect(d[f]).toEqual(all[f]);
    // The sums are of the realized events of the whole list, not of the two sent.
    const realized = all.events.filter((e: any) => ['OCCURRED', 'ONGOING'].includes(e.event.status));
    expect(d.goldsteinSum).toBeCloseTo(
      realized.reduce((s: number, e: any) => s + e.event.goldstein, 0),
      5,
    );
    // Neo4j sends no more events than asked for.
    const [query] = sent;
    if (!query) throw new Error('no dyad query sent');
    const rows = (await db.driver.executeQuery(query.cypher, query.params)).records.map((x) => x.toObject());
    expect(rows.flatMap((x) => x.events).length).toBe(2);
    expect(rows.flatMap((x) => x.cooperation).length).toBe(1);
    expect(rows.flatMap((x) => x.conflict).length).toBe(0);
  });

  it('sends the most that any selection of a list asks for, and all when one asks for all', async () => {
    const { r, sent } = await dyadQueries(`{ dyad(a: "russia", b: "turkey") {
      one: events(first: 1) { event { key } } three: events(first: 3) { event { key } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.dyad.one.length).toBe(1);
    expect(r.data.dyad.three.length).toBe(3);
    expect(r.data.dyad.three[0]).toEqual(r.data.dyad.one[0]);
    const first = sent[0]?.params.first as Record<string, unknown>;
    expect(first).toEqual({
      events: neo4j.int(3),
      cooperation: neo4j.int(0),
      conflict: neo4j.int(0),
      disputes: neo4j.int(0),
    });

    const both = await dyadQueries(`query($n: Int) { dyad(a: "russia", b: "turkey") {
      some: cooperation(first: $n) { event { key } } cooperation { event { key } } } }`);
    expect(both.r.errors).toBeUndefined();
    // A variable not given is an argument not given: all of the list.
    expect(both.r.data.dyad.cooperation.length).toBeGreaterThan(1);
    expect(both.r.data.dyad.some).toEqual(both.r.data.dyad.cooperation);
    const sentFirst = both.sent[0]?.params.first as Record<string, unknown> | undefined;
    expect(sentFirst?.cooperation).toBeNull();

    const byVariable = await gql(
      'query($n: Int) { dyad(a: "russia", b: "turkey") { events(first: $n) { event { key } } } }',
      {
        n: 4,
      },
    );
    expect(byVariable.data.dyad.events.length).toBe(4);
  });

  it('gives the first shared disputes by name and counts all of them', async () => {
    const whole = await gql('{ dyad(a: "russia", b: "turkey") { disputes { dispute { key name } a { role } } } }');
    expect(whole.errors).toBeUndefined();
    const all = whole.data.dyad.disputes;
    expect(all.length).toBeGreaterThan(1);
    const names = all.map((d: any) => d.dispute.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const { r, sent } = await dyadQueries(`{ dyad(a: "russia", b: "turkey") {
      disputeCount disputes(first: 1) { dispute { key name } a { role } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.dyad.disputes).toEqual(all.slice(0, 1));
    expect(r.data.dyad.disputeCount).toBe(all.length);
    const [query] = sent;
    if (!query) throw new Error('no dyad query sent');
    const rows = (await db.driver.executeQuery(query.cypher, query.params)).records.map((x) => x.toObject());
    expect(rows.flatMap((x) => x.disputes).length).toBe(1);
    // The count alone sends no dispute.
    const counted = await dyadQueries('{ dyad(a: "russia", b: "turkey") { disputeCount } }');
    expect(counted.r.data.dyad.disputeCount).toBe(all.length);
    const [countQuery] = counted.sent;
    if (!countQuery) throw new Error('no dyad query sent');
    const countRows = (await db.driver.executeQuery(countQuery.cypher, countQuery.params)).records.map((x) =>
      x.toObject(),
    );
    expect(countRows.flatMap((x) => x.disputes)).toEqual([]);
    const bad = await gql('{ dyad(a: "russia", b: "turkey") { disputes(first: -1) { dispute { key } } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a first below 0 or above 10,000 with BAD_USER_INPUT', async () => {
    for (const n of [-1, 10_001]) {
      const r = await gql(`{ dyad(a: "russia", b: "turkey") { events(first: ${n}) { event { key } } } }`);
      expect(r.errors?.[0]?.extensions?.code, String(n)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain('first');
    }
  });

  it('estimates a list of first events at most first items', async () => {
    const costOf = (r: { extensions?: unknown }) => (r.extensions as { cost: CostExtension }).cost;
    const all = await gql('{ dyad(a: "russia", b: "turkey") { events { event { key } } } }');
    const two = await gql('{ dyad(a: "russia", b: "turkey") { events(first: 2) { event { key } } } }');
    expect(costOf(two).estimated).toBeGreaterThanOrEqual(costOf(two).items);
    // The dyad, its list (1 + its two items) and each item's event.
    expect(costOf(two).estimated).toBe(1 + (1 + 2) + 2);
    expect(costOf(all).estimated).toBeGreaterThan(costOf(two).estimated);
  });

  it('still answers null when an actor does not exist', async () => {
    const none = await gql('{ dyad(a: "russia", b: "atlantis") { eventCount events(first: 2) { event { key } } } }');
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ dyad: null });
  });
  it("the explorer's comparison lists the first events and counts and sums all of them", async () => {
    const ask = (first: number) => gql(DYAD, { a: 'russia', b: 'turkey', first, disputes: 50 });
    const [few, many] = await Promise.all([ask(2), ask(200)]);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const [d, all] = [few.data.dyad, many.data.dyad];
    expect(all.events.length).toBe(all.eventCount);
    expect(all.eventCount).toBeGreaterThan(2);
    expect(d.events).toEqual(all.events.slice(0, 2));
    const { events: _e, ...totals } = d;
    const { events: _all, ...allTotals } = all;
    expect(totals).toEqual(allTotals);
  });
});
