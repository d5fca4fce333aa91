import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { UNDATED_SORT_KEY } from '../../src/domain/orders.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, sentDuring, testDatabase } from '../helpers/db.js';
import { planNodes as nodes, type PlanNode, planOf } from '../helpers/plans.js';

const cursor = (...key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/* Events pages in timeline order: cursors, both directions, an actor's events, and what the page query reads. */
describe('events pages', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  const lists = [
    ['every event', ''],
    ["Turkey's events (and those acting for it)", 'filter: { actor: "turkey" }'],
    ["Russia's own events", 'filter: { actor: "russia", includeAffiliates: false }'],
  ] as const;

  it.each(lists)('walks %s page by page in both orders as one page shows them', async (_name, filter) => {
    for (const order of ['DATE', 'DATE_DESC']) {
      const args = `${filter ? `${filter}, ` : ''}orderBy: ${order}`;
      const whole = await gql(`{ events(first: 100, ${args}) { edges { node { key date { value } } } } }`);
      expect(whole.errors).toBeUndefined();
      const all = whole.data.events.edges.map((e: any) => e.node);
      expect(all.length).toBeGreaterThan(4);
      const walked: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const r: any = await gql(
          `query($after: String) { events(first: 3, after: $after, ${args}) {
            edges { node { key } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(r.errors).toBeUndefined();
        walked.push(...r.data.events.edges.map((e: any) => e.node.key));
        if (!r.data.events.pageInfo.hasNextPage) break;
        after = r.data.events.pageInfo.endCursor;
      }
      expect(walked, order).toEqual(all.map((e: any) => e.key));
    }
    const dated = async (order: string) =>
      (
        await gql(
          `{ events(first: 100, ${filter ? `${filter}, ` : ''}orderBy: ${order}) { edges { node { key date { value } } } } }`,
        )
      ).data.events.edges
        .filter((e: any) => e.node.date.value)
        .map((e: any) => e.node.key);
    expect(await dated('DATE_DESC')).toEqual([...(await dated('DATE'))].reverse());
  });

  it('refuses a cursor whose key no event can have, as it refuses a cursor of another list', async () => {
    for (const after of [
      cursor('DATE', 'russia', 0, 'x'),
      cursor('DATE', 1.5, 0, 'x'),
      cursor('DATE', -3, 0, 'x'),
      cursor('DATE_DESC', 19000, 0, 'x'),
      cursor('DATE', 99_000_000, 0, 'x'),
    ]) {
      const order = after === cursor('DATE_DESC', 19000, 0, 'x') ? 'DATE_DESC' : 'DATE';
      const r = await gql(
        `query($after: String) { events(after: $after, orderBy: ${order}) { edges { node { key } } } }`,
        {
          after,
        },
      );
      expect(r.status).toBeLessThan(500);
      expect(r.errors?.[0]?.extensions?.code, Buffer.from(after, 'base64url').toString()).toBe('BAD_USER_INPUT');
    }
    // The undated key is a cursor (the last page of a list).
    const undated = await gql(
      `{ events(after: "${cursor('DATE', UNDATED_SORT_KEY, 0, '')}") { edges { node { key } } } }`,
    );
    expect(undated.errors).toBeUndefined();
  });

  it("gives events without a date to sort by the domain's undated key in their cursors, last in either order", async () => {
    for (const order of ['DATE', 'DATE_DESC']) {
      const r = await gql(
        `{ events(orderBy: ${order}, first: 100) { totalCount edges { cursor node { key date { precision } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      type Edge = { cursor: string; node: { date: { precision: string } } };
      const { edges, totalCount } = (r.data as { events: { totalCount: number; edges: Edge[] } }).events;
      expect(edges.length).toBe(totalCount);
      const keys = edges.map((e) => JSON.parse(Buffer.from(e.cursor, 'base64url').toString())[1]);
      const undated = keys.flatMap((k, i) => (k === UNDATED_SORT_KEY ? [i] : []));
      expect(undated.length).toBeGreaterThan(0);
      // The undated ones come last; an event with a date of its own is never one of them.
      expect(undated).toEqual(undated.map((_, j) => edges.length - undated.length + j));
      expect(undated.filter((i) => edges[i]?.node.date.precision !== 'UNKNOWN')).toEqual([]);
    }
  });

  it("reads an actor's events once and orders them by stored values, computing the cursor only for the page", async () => {
    const { result: r, sent } = await sentDuring(db, () =>
      gql('{ timeline(filter: { actor: "turkey" }, limit: 3) { dated { key } } }'),
    );
    expect(r.errors).toBeUndefined();
    const page = sent.find((q) => q.name === 'events-page');
    expect(page).toBeDefined();
    const report = await planOf(db.driver, db.connection.database, page as SentQuery, 'PROFILE');
    const all = nodes(report.plan);
    // The start expands the actors' HAS_SOURCE|HAS_TARGET relationships; nothing tests each event's again.
    const eventRoles = all.filter((n) => /^Expand/.test(n.operator) && /HAS_SOURCE\|HAS_TARGET/.test(n.details));
    expect(eventRoles).toHaveLength(1);
    const top = all.find((n) => n.operator === 'Top');
    expect(top, 'the page is a Top over the events').toBeDefined();
    // The day since 1970 of the cursor is computed above the Top: for the rows of the page only.
    const under = nodes(top as PlanNode);
    expect(under.some((n) => n.details.includes('duration.inDays'))).toBe(false);
    expect(all.some((n) => n.details.includes('duration.inDays'))).toBe(true);
  });

  it.each([
    ['oldest first', 'DATE'],
    ['newest first', 'DATE_DESC'],
  ])('reads the undated events only for a page that the dated ones do not fill (%s)', async (_name, order) => {
    const profile = async (first: number) => {
      const { result: r, sent } = await sentDuring(db, () =>
        gql(`{ events(first: ${first}, orderBy: ${order}) { edges { node { key } } } }`),
      );
      expect(r.errors).toBeUndefined();
      const page = sent.find((q) => q.name === 'events-page') as SentQuery;
      const report = await planOf(db.driver, db.connection.database, page, 'PROFILE');
      return nodes(report.plan).filter((n) => n.operator === 'NodeByLabelScan');
    };
    // A full first page: the scan for the undated events is in the plan but reads no node.
    const full = await profile(5);
    expect(full).toHaveLength(1);
    expect(full[0]?.rows).toBe(0);
    // The last page (every event in one): the undated ones are read.
    const last = await profile(100);
    expect(last[0]?.rows).toBeGreaterThan(0);
  });
});
