import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { int } from '../../src/db/driver.js';
import { EDGE_TYPE_WORDS } from '../../src/domain/edges.js';
import { createRepositories } from '../../src/repositories/index.js';
import { relationshipPattern } from '../../src/repositories/patterns.js';
import { preloadSteps } from '../../src/repositories/preload.js';
import { fullProjection } from '../../src/repositories/projection.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/**
 * A list or a look-up loads what the fields of its items follow in its own query
 * (graphql/preload.ts, repositories/preload.ts). The answers must be those the same selection gives
 * under `node(id:)`, which loads level by level.
 */
describe('lists and look-ups load the next levels of their selection in their own query', () => {
  const db = testDatabase();
  // The preload path: a list whose selection compiles (graphql/compile.ts, test/integration/compiled.test.ts)
  // does not preload.
  const { gql } = testApp(db, { compile: false });
  beforeAll(async () => {
    await resetToArticle(db);
    await gql('{ actors(first: 1) { totalCount } }'); // the cost model's first measurement is not the operation's
  });
  afterAll(() => db.close());

  type Item = { id: string; key: string } & Record<string, unknown>;

  const cases: {
    name: string;
    list: string;
    lookup: string;
    type: string;
    selection: string;
    /** Queries of the look-up (a claim's contradictions are nodes loaded after it). */
    lookUpQueries?: (item: Item) => number;
  }[] = [
    {
      name: 'events with their actors, what they concern and their claims',
      list: 'events',
      lookup: 'event',
      type: 'Event',
      selection: `label sources { key name } targets { key } concerns { ... on Entity { key } ... on Event { key } ... on Dispute { key } }
        claims { statement assertedBy { key } evidence { quote start end } } disputes { key }`,
    },
    {
      name: 'disputes → events → claims → quotes (three levels), parties with the claims behind them',
      list: 'disputes',
      lookup: 'dispute',
      type: 'Dispute',
      selection: `name events { key label claims { statement evidence { quote } } }
        parties { kind stance from { ... on Entity { key } } claims { statement assertedBy { key } } evidence { quote } }
        claims { statement }`,
    },
    {
      name: 'claims with who asserts them, their quotes and contradictions',
      list: 'claims',
      lookup: 'claim',
      type: 'Claim',
      selection: 'statement stance assertedBy { key name } evidence { quote start end } contradicts { key }',
      lookUpQueries: (item) => ((item.contradicts as unknown[]).length > 0 ? 2 : 1),
    },
    {
      name: 'actors with their relationships (fragments on their types), the claims behind those, and claims',
      list: 'actors',
      lookup: 'actor',
      type: 'Entity',
      selection: `name ... on State { memberships { to { ... on Entity { key } } claims { statement evidence { quote } } } }
        ...P claims { statement } ... on Actor { assertedClaims { statement evidence { quote } } disputes { stance } }`,
    },
  ];
  const P = ' fragment P on Person { positions { to { ... on Entity { key } } evidence { quote } } }';

  it.each(cases)(
    '$name: one query, the answers of node(id:)',
    async ({ list, lookup, type, selection, lookUpQueries }) => {
      const fragment = selection.includes('...P') ? P : '';
      const query = `{ ${list}(first: 40) { edges { node { id key ${selection} } } } }${fragment}`;
      await gql(query); // the cost model measures the fan-out of an edge type on its first use
      const page = await gql(query);
      expect(page.errors).toBeUndefined();
      expect(page.queries).toBe(1);
      const items: Item[] = page.data[list].edges.map((e: { node: Item }) => e.node);
      expect(items.length).toBeGreaterThan(5);
      let nested = 0;
      for (const item of items) {
        const reference = await gql(
          `query ($id: ID!) { node(id: $id) { ... on ${type} { id key ${selection} } } }${fragment}`,
          {
            id: item.id,
          },
        );
        expect(reference.errors).toBeUndefined();
        expect(item).toEqual(reference.data.node);
        const one = await gql(`query ($id: ID!) { ${lookup}(id: $id) { id key ${selection} } }${fragment}`, {
          id: item.key,
        });
        expect(one.errors).toBeUndefined();
        expect(one.queries).toBe(lookUpQueries?.(item) ?? 1);
        expect(one.data[lookup]).toEqual(reference.data.node);
        nested += Object.values(item).filter((v) => Array.isArray(v) && v.length > 0).length;
      }
      expect(nested).toBeGreaterThan(items.length / 2);
    },
  );

  it("preloads below a claims load only on the claims it loads, not on a claim's evidence, asserter or subject", async () => {
    const steps: unknown[][] = [];
    db.onQuery = (q) => {
      if (q.params.preload) steps.push(q.params.preload as unknown[]);
    };
    try {
      const r = await gql(`{ claims(first: 5) { edges { node { about { ... on Event { sources { key } } }
        assertedBy { ... on State { memberships { kind } } } contradicts { evidence { quote } } } } } }`);
      expect(r.errors).toBeUndefined();
      // only the claims' own details: the rest loads level by level from the true ids
      expect(steps).toEqual([[{ types: null, label: null, by: 'ids' }]]);
    } finally {
      db.onQuery = undefined;
    }
  });

  it('a shortest path loads the claims behind its edges in its own query', async () => {
    const sel = 'claims { statement assertedBy { key } evidence { quote } } evidence { quote start }';
    const query = `{ shortestPath(from: "putin", to: "nato", maxHops: 4) { edges { kind sourceKey targetKey ${sel} } } }`;
    await gql(query);
    const r = await gql(query);
    expect(r.errors).toBeUndefined();
    expect(r.queries).toBe(1);
    let compared = 0;
    for (const e of r.data.shortestPath.edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      const ref = await gql(
        `query ($id: ID!, $kind: RelationKind!) { entity(id: $id) { relations(kinds: [$kind], direction: OUT) {
          to { ... on Entity { key } ... on Event { key } ... on Dispute { key } } ${sel} } } }`,
        { id: e.sourceKey, kind: e.kind },
      );
      const relation = ref.data.entity?.relations.find((x: { to: { key: string } }) => x.to.key === e.targetKey);
      if (!relation) continue;
      expect({ claims: e.claims, evidence: e.evidence }).toEqual({
        claims: relation.claims,
        evidence: relation.evidence,
      });
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("puts together the rows a hub's edges and the claims about it come in, in order", async () => {
    const small = { params: { edgeChunk: int(2), claimChunk: int(2) } };
    const whole = createRepositories(db, {}).graph;
    const parts = createRepositories(db, small).graph;
    for (const id of ['russia', 'turkey']) {
      const edges = await whole.edges(id, EDGE_TYPE_WORDS, 'BOTH');
      const claims = await whole.claimsAbout(id);
      expect(edges.length).toBeGreaterThan(20);
      expect(claims.length).toBeGreaterThan(10);
      expect(await parts.edges(id, EDGE_TYPE_WORDS, 'BOTH')).toEqual(edges);
      expect(await parts.claimsAbout(id)).toEqual(claims);
      // The same through a look-up's preload, whose answers the loaders then give without a query.
      const preloaded = createRepositories(db, small).graph;
      const steps = preloadSteps([
        { load: { kind: 'edges', types: EDGE_TYPE_WORDS, direction: 'BOTH' }, label: null, children: [] },
        { load: { kind: 'claims', by: 'about' }, label: 'Claim', children: [] },
      ]);
      expect((await preloaded.lookUp(id, steps))?.id).toBe(id);
      const before = db.queriesSent;
      expect(await preloaded.edges(id, EDGE_TYPE_WORDS, 'BOTH')).toEqual(edges);
      expect(await preloaded.claimsAbout(id)).toEqual(claims);
      expect(db.queriesSent).toBe(before);
    }
    // The rows are parts indeed: Russia's edges in rows of at most two.
    const rows = (
      await db.driver.executeQuery(
        cypher('queries/edges-of-nodes').replaceAll('__PATTERN__', relationshipPattern(EDGE_TYPE_WORDS, 'BOTH')),
        { ids: ['russia'], edgeChunk: int(2), projection: fullProjection() },
      )
    ).records.map((r) => r.get('edges') as unknown[]);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.length <= 2)).toBe(true);
  });

  it('documents load their claims in the page query', async () => {
    const selection = 'title claims { statement assertedBy { key } evidence { quote } }';
    const query = `{ documents(first: 5) { edges { node { id key ${selection} } } } }`;
    await gql(query);
    const page = await gql(query);
    expect(page.errors).toBeUndefined();
    expect(page.queries).toBe(1);
    for (const { node } of page.data.documents.edges) {
      expect(node.claims.length).toBeGreaterThan(10);
      const reference = await gql(`query ($id: ID!) { node(id: $id) { ... on Document { id key ${selection} } } }`, {
        id: node.id,
      });
      expect(node).toEqual(reference.data.node);
    }
  });

  it('counts a list beside its page when totalCount is asked for (one round trip, not two)', async () => {
    for (const query of [
      '{ claims(first: 10) { totalCount edges { node { key evidence { quote } } } } }',
      '{ events(first: 5, filter: { types: [PHONE_CALL, STATEMENT] }) { edges { node { key } } totalCount } }',
    ]) {
      await gql(query);
      db.peakInFlight = 0;
      const r = await gql(query);
      expect(r.errors).toBeUndefined();
      expect(r.queries).toBe(2);
      expect(db.peakInFlight).toBe(2);
    }
    const total = await gql('{ claims(first: 1) { totalCount } }');
    const all = await gql('{ claims(first: 100) { edges { node { key } } pageInfo { hasNextPage } } }');
    expect(all.data.claims.pageInfo.hasNextPage).toBe(false);
    expect(total.data.claims.totalCount).toBe(all.data.claims.edges.length);
  });

  it('keeps the order, cursors and pages of the list', async () => {
    for (const [list, sel] of [
      ['events', 'sources { key } claims { statement }'],
      ['disputes', 'events { key claims { statement } }'],
      ['claims', 'evidence { quote }'],
    ] as const) {
      const page = (after: string | null, nested: boolean) =>
        gql(
          `query ($after: String) { ${list}(first: 7, after: $after) { edges { cursor node { key ${nested ? sel : ''} } }
            pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
      let after: string | null = null;
      for (let i = 0; i < 3; i++) {
        const plain = await page(after, false);
        const loaded = await page(after, true);
        expect(loaded.errors).toBeUndefined();
        const strip = (r: { data: Record<string, any> }) =>
          r.data[list].edges.map((e: { cursor: string; node: { key: string } }) => [e.cursor, e.node.key]);
        expect(strip(loaded)).toEqual(strip(plain));
        expect(loaded.data[list].pageInfo).toEqual(plain.data[list].pageInfo);
        after = plain.data[list].pageInfo.endCursor;
        if (!plain.data[list].pageInfo.hasNextPage) break;
      }
    }
  });

  it('follows aliases, named fragments and @skip, and loads deeper levels as before', async () => {
    const selection = `...E a: sources { key memberships: __typename } b: targets @skip(if: $skip) { key }`;
    const fragment = 'fragment E on Event { label claims { key evidence { quote } } }';
    for (const skip of [false, true]) {
      const r = await gql(
        `query ($skip: Boolean!) { events(first: 30) { edges { node { key ${selection} } } } } ${fragment}`,
        { skip },
      );
      expect(r.errors).toBeUndefined();
      expect(r.queries).toBe(1);
      for (const { node } of r.data.events.edges) {
        const one = await gql(`query ($id: ID!, $skip: Boolean!) { event(id: $id) { key ${selection} } } ${fragment}`, {
          id: node.key,
          skip,
        });
        expect(node).toEqual(one.data.event);
        expect('b' in node).toBe(!skip);
      }
    }
    // Four levels: the first three come with the page, the fourth (the memberships of the actors of the
    // events the disputes' events answer) after it, as without a preload.
    const deepSelection = `events { key respondsTo { key sources { key ... on State { memberships { kind } } } } }`;
    const deep = await gql(`{ disputes(first: 10) { edges { node { key ${deepSelection} } } } }`);
    expect(deep.errors).toBeUndefined();
    expect(deep.queries).toBe(2);
    let memberships = 0;
    for (const { node } of deep.data.disputes.edges) {
      const one = await gql(`query ($id: ID!) { dispute(id: $id) { key ${deepSelection} } }`, { id: node.key });
      expect(node).toEqual(one.data.dispute);
      memberships += JSON.stringify(node).split('"kind"').length - 1;
    }
    expect(memberships).toBeGreaterThan(0);
  });
});
