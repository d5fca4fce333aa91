import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { EDGE_TYPE_WORDS } from '../../src/domain/edges.js';
import { EXAMPLES } from '../../src/graphiql/examples.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/** The request of the attack: aliases of Russia's relations, each hop back to the hubs, nested `depth` deep. */
function relationsBomb(depth: number, aliases: number): string {
  let inner = 'kind';
  for (let i = 0; i < depth; i++) inner = `kind to { ... on Actor { relations { ${inner} } } }`;
  const one = (i: number) => `a${i}: entity(id: "russia") { ... on Actor { relations { ${inner} } } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => one(i)).join(' ')} }`;
}

interface CostExtension {
  estimated: number;
  max: number;
  items: number;
  bytes: number;
}

describe('the cost of an operation bounds the work it can do', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('refuses the 951-character request that exhausted the heap, before it sends a query to Neo4j', async () => {
    await gql('{ entity(id: "russia") { ... on Actor { relations { kind } } } }'); // the sizes are measured
    const bomb = relationsBomb(4, 4);
    expect(bomb.length).toBeLessThan(1_000);
    const r = await gql(bomb);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
    expect(r.data ?? null).toBeNull();
    expect(r.queries).toBe(0);
  });

  it('estimates lists from the largest the data holds, never below what the answer has', async () => {
    for (const depth of [0, 1, 2]) {
      const r = await gql<{ a0: unknown }>(relationsBomb(depth, 1));
      expect(r.errors).toBeUndefined();
      const cost = (r as unknown as { extensions: { cost: CostExtension } }).extensions?.cost;
      expect(cost).toBeDefined();
      // The answer's list items are fields too: the estimate bounds them.
      expect(cost.estimated).toBeGreaterThanOrEqual(cost.items);
    }
    // Russia has 26 relationships: one level of them is estimated at 26 items, not 5.
    const one = await gql(relationsBomb(0, 1));
    const cost = (one as unknown as { extensions: { cost: CostExtension } }).extensions.cost;
    expect(cost.items).toBe(26);
    expect(cost.estimated).toBe(1 + 1 + 26);
  });

  it("bounds a dyad's lists by its own two sides, not by the largest degree anywhere", async () => {
    const dyad = (a: string, b: string) =>
      `{ dyad(a: "${a}", b: "${b}") { sideA { key } sideB { key } events { event { key } } conflict { event { key } }
         relations { kind } disputes { dispute { key } a { kind } b { kind } } } }`;
    const costOf = (r: { extensions?: unknown }) => (r.extensions as { cost: CostExtension }).cost;
    const hubs = await gql(dyad('russia', 'turkey'));
    const small = await gql(dyad('usa', 'libya'));
    expect(hubs.errors).toBeUndefined();
    expect(small.errors).toBeUndefined();
    // Still a bound of the answer, with one query to measure the sides before it runs.
    expect(costOf(hubs).estimated).toBeGreaterThanOrEqual(costOf(hubs).items);
    expect(costOf(small).estimated).toBeGreaterThanOrEqual(costOf(small).items);
    // The largest degree anywhere is Russia's or Turkey's: a dyad of two small actors costs less.
    expect(costOf(small).estimated).toBeLessThan(costOf(hubs).estimated / 2);
    // A sides-only dyad is bounded by the sides' sizes, whatever the data holds elsewhere.
    const sidesOnly = await gql(
      '{ dyad(a: "libya", b: "usa", includeAffiliates: false) { sideA { key } sideB { key } } }',
    );
    expect(costOf(sidesOnly).estimated).toBe(1 + (1 + 1) + (1 + 1));
    // The sides are measured once per measurement of the fan-out (after every write, at most a minute apart).
    const again = await gql(dyad('russia', 'turkey'));
    expect(again.queries).toBe(hubs.queries - 1);
    expect(costOf(again).estimated).toBe(costOf(hubs).estimated);
    // An id that is no actor costs nothing to link, and a bad id is still a clear error, not a crash.
    const unknown = await gql(dyad('russia', 'atlantis'));
    expect(unknown.data).toEqual({ dyad: null });
    const bad = await gql(dyad('russia', '???'));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts what links two hubs before refusing their dyad for the bound from their degrees', async () => {
    const query =
      '{ dyad(a: "russia", b: "turkey") { events { direction event { key goldstein } } relations { kind } } }';
    const bySides = await gql(query);
    expect(bySides.errors).toBeUndefined();
    const sidesCost = (bySides.extensions as { cost: CostExtension }).cost;
    // A limit just under the bound from the sides: the dyad is counted (one more query), then runs.
    const strict = testApp(db, { limits: { ...DEFAULT_LIMITS, maxCost: sidesCost.estimated - 1 } });
    const counted = await strict.gql(query);
    expect(counted.errors).toBeUndefined();
    expect(counted.data).toEqual(bySides.data);
    const cost = (counted.extensions as { cost: CostExtension }).cost;
    expect(cost.estimated).toBeLessThan(sidesCost.estimated);
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.items);
    // What is really over the limit is still refused, before the dyad runs.
    const tiny = testApp(db, { limits: { ...DEFAULT_LIMITS, maxCost: cost.items - 1 } });
    const sent: string[] = [];
    db.onQuery = (q) => sent.push(q.name);
    const refused = await tiny.gql(query).finally(() => {
      db.onQuery = undefined;
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
    expect(sent).toContain('dyad-size');
    expect(sent).not.toContain('dyad'); // counted, never run

    // More dyads over the limit than are counted: refused by the bound from their sides, none counted.
    const many = `{ ${['russia', 'usa', 'nato', 'ukraine']
      .map((b, i) => `d${i}: dyad(a: "turkey", b: "${b}") { events { direction event { key goldstein } } }`)
      .join(' ')} }`;
    sent.length = 0;
    db.onQuery = (q) => sent.push(q.name);
    const refusedMany = await strict.gql(many).finally(() => {
      db.onQuery = undefined;
    });
    expect(refusedMany.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
    expect(sent).not.toContain('dyad-size');
    expect(sent).not.toContain('dyad');
  });

  it("bounds a view's edges by its pairs of nodes: a hub's neighbourhood is not its out-degree times its nodes", async () => {
    const [pair] = await db.read<{ n: number }>(
      'test-edges-per-pair',
      `MATCH (a)-[r:${EDGE_TYPE_WORDS.join('|')}]->(b)
       WITH CASE WHEN elementId(a) < elementId(b) THEN [a, b] ELSE [b, a] END AS pair, count(r) AS n
       RETURN max(n) AS n`,
    );
    const [out] = await db.read<{ n: number }>(
      'test-out-degree',
      `MATCH (n) WHERE n:Entity OR n:Event OR n:Dispute RETURN max(COUNT { (n)-[:${EDGE_TYPE_WORDS.join('|')}]->() }) AS n`,
    );
    const r = await gql('{ neighborhood(id: "russia", depth: 2, limit: 3) { edges { kind } } }');
    expect(r.errors).toBeUndefined();
    const cost = (r.extensions as { cost: CostExtension }).cost;
    // 4 nodes (Russia and 3): 6 pairs, each with at most the most edges one pair has.
    expect(cost.estimated).toBe(1 + 1 + 6 * (pair?.n ?? 0));
    expect(cost.estimated).toBeLessThan(1 + 1 + 4 * (out?.n ?? 0));
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.items);
  });

  it('estimates a document again for other variables or another operation of it (estimates are kept per document)', async () => {
    const document = `query Few($n: Int) { events(first: $n) { edges { node { key sources { key } } } } }
      query All { events(first: 100) { edges { node { key } } } }`;
    const estimated = async (operationName: string, variables: Record<string, unknown> = {}) => {
      const r = await gql(document, variables, {}, operationName);
      expect(r.errors).toBeUndefined();
      return (r as unknown as { extensions: { cost: CostExtension } }).extensions.cost.estimated;
    };
    const five = await estimated('Few', { n: 5 });
    const fifty = await estimated('Few', { n: 50 });
    expect(fifty).toBeGreaterThan(five);
    expect(await estimated('Few', { n: 5 })).toBe(five);
    expect(await estimated('All')).not.toBe(five);
    expect(await estimated('Few', { n: 50 })).toBe(fifty);
  });

  it('measures the sizes again after a write, so the estimate follows the data', async () => {
    const editor = 'editor-secret-cost-test';
    const app = testApp(db, { apiKeys: [{ name: 'ed', role: 'editor', sha256: sha256Hex(editor) }] });
    // The second article names entities more often than the first: the most mentions of one grows.
    const query = '{ entity(id: "turkey") { mentions { text } } }';
    const estimated = async () =>
      ((await app.gql(query)) as unknown as { extensions: { cost: CostExtension } }).extensions.cost.estimated;
    const before = await estimated();
    const dir = 'test/fixtures/articles/test-second-article';
    const r = await app.gql(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }',
      {
        input: {
          articleText: readFileSync(`${dir}/article.txt`, 'utf8'),
          annotationsYaml: readFileSync(`${dir}/annotations.yaml`, 'utf8'),
        },
      },
      { authorization: `Bearer ${editor}` },
    );
    expect(r.errors).toBeUndefined();
    expect(await estimated()).toBeGreaterThan(before);
    await resetToArticle(db);
  });

  it('stops an operation whose answer outgrows the item ceiling, with a coded error and no partial answer', async () => {
    const small = testApp(db, { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000, maxResultItems: 500 } });
    const r = await small.gql(relationsBomb(2, 1));
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'items' });
    expect(r.data ?? null).toBeNull();
    // The server goes on answering.
    expect((await small.gql('{ entity(id: "turkey") { key } }')).data).toEqual({ entity: { key: 'turkey' } });
  });

  it('stops an operation whose answer outgrows the size ceiling (large texts count by their length)', async () => {
    const small = testApp(db, { limits: { ...DEFAULT_LIMITS, maxResultBytes: 5_000 } });
    const r = await small.gql('{ documents { edges { node { text sentences { text } } } } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'bytes' });
    expect(r.data ?? null).toBeNull();
  });

  it('stops the whole operation at its deadline, cancelling its Neo4j queries', async () => {
    const hurried = testApp(db, {
      limits: {
        ...DEFAULT_LIMITS,
        maxCost: 100_000_000,
        maxResultItems: 100_000_000,
        maxResultBytes: 1_000_000_000,
        operationTimeoutMs: 150,
      },
    });
    await hurried.gql('{ entity(id: "russia") { ... on Actor { relations { kind } } } }'); // sizes measured
    const r = await hurried.gql(relationsBomb(4, 4));
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', limit: 'deadline' });
    expect(r.data ?? null).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = await db.read<{ q: string }>(
      'transactions',
      "SHOW TRANSACTIONS YIELD currentQuery AS q, metaData WHERE metaData.app = 'geo-kg' AND metaData.query <> 'transactions' RETURN q",
    );
    expect(open).toEqual([]);
  });
});

describe('realistic queries pass with room', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  const REALISTIC: [string, string][] = [
    ...EXAMPLES.map((e): [string, string] => [e.name, e.query]),
    [
      "Turkey's timeline with affiliates and each event's evidence",
      `{ actor(id: "turkey") { label events { key label date { value precision } claims { statement evidence { quote } } } } }`,
    ],
    [
      'Events page with sources, targets and evidence',
      `{ events(first: 20) { totalCount edges { node { key label type sources { label } targets { label } evidence { quote } } } } }`,
    ],
    [
      'An event with its whole story',
      `{ event(id: "putin-erdogan-phone-call") { label claims { statement stance assertedBy { label } evidence { quote } }
        reasons { statement evidence { quote } } parts { label } responses { label reasons { statement } } } }`,
    ],
    [
      "Neighbourhood depth 2 with every edge's claims and evidence",
      `{ neighborhood(id: "turkey", depth: 2) { nodes { key label typeName } edges { kind sourceKey targetKey claims { stance assertedBy { label } } evidence { quote } } } }`,
    ],
  ];

  it.each(REALISTIC)('%s costs at most half of MAX_COST', async (_name, query) => {
    const r = await gql(query, EXAMPLES.find((e) => e.query === query)?.variables);
    expect(r.errors).toBeUndefined();
    const cost = r.extensions?.cost?.estimated ?? 0;
    console.info(`cost ${cost}: ${_name}`);
    expect(cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  });
});
