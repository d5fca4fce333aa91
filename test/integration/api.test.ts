import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { EDGE_TYPE_WORDS } from '../../src/domain/edges.js';
import { EXAMPLES } from '../../src/graphiql/examples.js';
import { createRepositories } from '../../src/repositories/index.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const text = readFileSync(`${ARTICLE}/article.txt`, 'utf8');

describe('GraphQL API on the real Neo4j with the article loaded', () => {
  const db = testDatabase();
  const { app, gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  /** Every quote returned must stand at its offsets in the article. */
  const expectVerbatim = (evidence: { quote: string; start: number; end: number }[]) => {
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
  };

  it('Turkey is a member of NATO, says the narrator, with verbatim evidence', async () => {
    const r = await gql(`{
      entity(id: "turkey") { name ... on State { memberships {
        kind to { ... on Alliance { key name } }
        claims { statement stance assertedBy { key } evidence { quote start end sentence document { title } } }
      } } }
    }`);
    expect(r.errors).toBeUndefined();
    const [m] = r.data.entity.memberships;
    expect(m.to).toEqual({ key: 'nato', name: 'NATO' });
    expect(m.claims[0]).toMatchObject({ stance: 'REPORTED', assertedBy: { key: 'flashup' } });
    const quotes = m.claims.flatMap((c: any) => c.evidence);
    expectVerbatim(quotes);
    expect(quotes.map((q: any) => q.quote)).toContain('der auch die Türkei angehört');
    expect(quotes[0].document.title).toBe(
      'Moskau und Ankara wollen Verhältnis nach Spannungen wegen Ukraine verbessern',
    );
  });

  it('Turkey bought the S-400 from Russia, and that angered its NATO partners', async () => {
    const r = await gql(`{
      buy: event(id: "turkey-buys-s400") { type status cameo { code } goldstein sources { key } targets { key }
        responses { key type cameo { code } goldstein sources { key } evidence { quote start end } } evidence { quote start end } }
    }`);
    expect(r.errors).toBeUndefined();
    const buy = r.data.buy;
    expect(buy).toMatchObject({ type: 'PURCHASE', status: 'OCCURRED', cameo: { code: '062' }, goldstein: 7.4 });
    expect(buy.sources.map((s: any) => s.key)).toEqual(['turkey']);
    expect(buy.targets.map((s: any) => s.key)).toEqual(['russia']);
    expectVerbatim(buy.evidence);
    expect(buy.evidence.map((e: any) => e.quote).join(' ')).toMatch(/Raketenabwehrsystem S-400 kaufte/);
    const anger = buy.responses.find((e: any) => e.key === 'nato-partners-angered');
    expect(anger).toMatchObject({ cameo: { code: '110' }, goldstein: -2, sources: [{ key: 'nato-partners' }] });
    expectVerbatim(anger.evidence);
    expect(anger.evidence.map((e: any) => e.quote).join(' ')).toMatch(/Verärgerung/);
  });

  it("lists Russia's demands and who rejected them", async () => {
    const r = await gql(`{
      events(filter: { types: ["DEMAND"] }) { totalCount edges { node {
        key cameo { code } sources { key } targets { key } evidence { quote start end }
        responses { key type sources { key } evidence { quote start end } }
      } } }
    }`);
    expect(r.errors).toBeUndefined();
    const demand = r.data.events.edges.map((e: any) => e.node).find((n: any) => n.key === 'russia-security-demands');
    expect(demand.cameo.code).toBe('1042');
    expect(demand.targets.map((t: any) => t.key).sort()).toEqual(['nato', 'usa']);
    expectVerbatim(demand.evidence);
    expect(demand.evidence.map((e: any) => e.quote).join(' ')).toMatch(/Osterweiterung/);
    const rejection = demand.responses.find((e: any) => e.type === 'REJECTION');
    expect(rejection.sources.map((s: any) => s.key).sort()).toEqual(['us-allies', 'usa']);
    expect(rejection.evidence.map((e: any) => e.quote)).toContain(
      'Die USA und ihre Verbündeten wiesen diese Forderungen zurück.',
    );
    expectVerbatim(rejection.evidence);
    expect(demand.responses.map((e: any) => e.key)).toContain('cavusoglu-accuses-moscow');
  });

  it('Syria and Libya are areas of opposing interests of Russia and Turkey', async () => {
    const r = await gql(`{
      dyad(a: "russia", b: "turkey") { disputes { dispute { key } a { from { ... on Entity { key } } } b { from { ... on Entity { key } } evidence { quote start end } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const disputes = r.data.dyad.disputes;
    const keys = disputes.map((d: any) => d.dispute.key);
    expect(keys).toEqual(expect.arrayContaining(['syria-conflict', 'libya-conflict']));
    const syria = disputes.find((d: any) => d.dispute.key === 'syria-conflict');
    expectVerbatim(syria.b[0].evidence);
    expect(syria.b[0].evidence.map((e: any) => e.quote).join(' ')).toMatch(
      /Syrien und Libyen gegenläufige oder konkurrierende Interessen/,
    );
  });

  it('finds the shortest path from Putin to NATO, each edge with its evidence', async () => {
    const r = await gql(`{
      shortestPath(from: "putin", to: "nato") { length nodes { key type } edges { kind sourceKey targetKey claims { assertedBy { key } } evidence { quote start end } } }
    }`);
    expect(r.errors).toBeUndefined();
    const p = r.data.shortestPath;
    expect(p.length).toBe(3);
    expect(p.nodes[0].key).toBe('putin');
    expect(p.nodes.at(-1).key).toBe('nato');
    expect(p.edges).toHaveLength(3);
    for (const e of p.edges) {
      expect(e.claims.length).toBeGreaterThan(0);
      expectVerbatim(e.evidence);
    }
    // Consecutive edges share their nodes.
    p.edges.forEach((e: any, i: number) => {
      expect([e.sourceKey, e.targetKey].sort()).toEqual([p.nodes[i].key, p.nodes[i + 1].key].sort());
    });
  });

  it.each([
    ['erdogan', 'erdogan'],
    ['ERDOĞAN', 'erdogan'],
    ['Cavusoglu', 'cavusoglu'],
    ['çavuşoğlu', 'cavusoglu'],
    ['Kreml', 'kremlin'],
    ['Moskau', 'russian-government'],
    ['transatlantisches Verteidigungsbündnis', 'nato'],
    ['Kiew', 'ukrainian-government'],
  ])('looks up "%s" by name, ignoring case and diacritics → %s', async (name, key) => {
    const r = await gql('query($n: String!) { entitiesByName(name: $n) { key } }', { n: name });
    expect(r.errors).toBeUndefined();
    expect(r.data.entitiesByName[0].key).toBe(key);
  });

  it('searches "Drohnen" and finds the drone deliveries', async () => {
    const r = await gql(`{ search(query: "Drohnen", first: 20) { score quote node { __typename
      ... on Entity { key } ... on Event { key } ... on Evidence { claim { about { ... on Event { key } } } } } } }`);
    expect(r.errors).toBeUndefined();
    const hits = r.data.search;
    expect(hits.some((h: any) => h.node.key === 'combat-drones')).toBe(true);
    const quotes = hits.filter((h: any) => h.quote).map((h: any) => h.quote);
    expect(quotes.some((q: string) => q.includes('Lieferungen von Kampfdrohnen'))).toBe(true);
    const events = hits.map((h: any) => h.node.key ?? h.node.claim?.about?.key);
    expect(events).toContain('turkish-drone-deliveries');
  });

  it('treats search text as words: Lucene syntax and hostile strings are data', async () => {
    for (const q of ['"', 'a:b', '*', 'NATO AND (', "'; MATCH (n) DETACH DELETE n //", '`}{)]', '\\']) {
      const r = await gql('query($q: String!) { search(query: $q) { score } }', { q });
      expect(r.errors, q).toBeUndefined();
    }
    const [row] = await db.read<{ n: number }>('count', 'MATCH (n:Entity) RETURN count(n) AS n');
    expect(row?.n).toBeGreaterThan(20);
  });

  it('gives a timeline in date order, honest about precision and with undated events apart', async () => {
    const r = await gql(
      '{ timeline { dated { key date { value precision text earliest latest } } undated { key date { precision } } } }',
    );
    expect(r.errors).toBeUndefined();
    const { dated, undated } = r.data.timeline;
    const firsts = dated.map((e: any) => e.date.earliest);
    expect(firsts).toEqual([...firsts].sort());
    const criticism = dated.find((e: any) => e.key === 'putin-criticises-drone-deliveries');
    expect(criticism.date).toEqual({
      value: '2021-12',
      precision: 'MONTH',
      text: 'vor einem Monat',
      earliest: '2021-12-01',
      latest: '2021-12-31',
    });
    const call = dated.find((e: any) => e.key === 'putin-erdogan-phone-call');
    expect(call.date).toMatchObject({ value: '2022-01-02', precision: 'DAY', text: 'am Sonntag' });
    expect(undated.length).toBeGreaterThan(0);
    for (const e of undated) expect(e.date.precision).toBe('UNKNOWN');
  });

  it("gives an actor's timeline with or without those who act for it", async () => {
    const r = await gql(`{
      own: timeline(filter: { actor: "russia", includeAffiliates: false }) { dated { key } undated { key } }
      all: timeline(filter: { actor: "russia" }) { dated { key } undated { key } }
    }`);
    expect(r.errors).toBeUndefined();
    const keys = (t: { dated: { key: string }[]; undated: { key: string }[] }) =>
      [...t.dated, ...t.undated].map((e) => e.key);
    const own = keys(r.data.own);
    const all = keys(r.data.all);
    expect(own).toContain('russian-troop-buildup');
    expect(own).not.toContain('putin-erdogan-phone-call');
    expect(all).toEqual(
      expect.arrayContaining([...own, 'putin-erdogan-phone-call', 'putin-criticises-drone-deliveries']),
    );
  });

  it('sends a dyad in rows of at most `dyadChunk` items of each list, which put together are the whole dyad', async () => {
    const sent: SentQuery[] = [];
    db.onQuery = (q) => {
      if (q.name === 'dyad') sent.push(q);
    };
    try {
      const all =
        '{ dyad(a: "russia", b: "turkey") { events { direction } relations { kind } disputes { dispute { key } } } }';
      expect((await gql(all)).errors).toBeUndefined();
    } finally {
      db.onQuery = undefined;
    }
    const [query] = sent;
    if (!query) throw new Error('no dyad query sent');
    const run = async (chunk: number) =>
      (await db.driver.executeQuery(query.cypher, { ...query.params, dyadChunk: neo4j.int(chunk) })).records
        .map((r) => r.toObject())
        .sort((a, b) => Number(a.part) - Number(b.part));
    const wholeRows = await run(1000);
    expect(wholeRows.length).toBe(1);
    const [whole] = wholeRows;
    const parts = await run(2);
    expect(whole?.events.length).toBeGreaterThan(4);
    expect(parts.length).toBe(
      Math.ceil(Math.max(whole?.events.length, whole?.relations.length, whole?.disputes.length) / 2),
    );
    for (const p of parts)
      for (const list of ['events', 'relations', 'disputes']) expect(p[list].length).toBeLessThanOrEqual(2);
    for (const list of ['events', 'relations', 'disputes', 'sideA', 'sideB']) {
      expect(parts.flatMap((p) => p[list])).toEqual(whole?.[list]);
    }
  });

  it('computes only the lists of a dyad that its selection reads, each as the whole dyad gives it', async () => {
    const whole = await gql(`{ dyad(a: "russia", b: "turkey") { sideA { key } sideB { key } goldsteinSum
      events { direction event { key } } relations { kind } disputes { dispute { key } } } }`);
    expect(whole.errors).toBeUndefined();
    expect(whole.data.dyad.relations.length).toBeGreaterThan(0);
    expect(whole.data.dyad.disputes.length).toBeGreaterThan(0);
    const cases = [
      { select: 'sideA { key } sideB { key }', parts: { events: false, relations: false, disputes: false } },
      { select: 'events { direction event { key } }', parts: { events: true, relations: false, disputes: false } },
      { select: 'goldsteinSum', parts: { events: true, relations: false, disputes: false } },
      { select: 'relations { kind }', parts: { events: false, relations: true, disputes: false } },
      {
        select: '... on Dyad { disputes { dispute { key } } }',
        parts: { events: false, relations: false, disputes: true },
      },
      {
        select: 'relations { kind } disputes @include(if: false) { dispute { key } }',
        parts: { events: false, relations: true, disputes: false },
      },
    ];
    for (const c of cases) {
      const sent: SentQuery[] = [];
      db.onQuery = (q) => {
        if (q.name === 'dyad') sent.push(q);
      };
      try {
        const r = await gql(`{ dyad(a: "russia", b: "turkey") { ${c.select} } }`);
        expect(r.errors, c.select).toBeUndefined();
        for (const [field, value] of Object.entries(r.data.dyad))
          expect(value, c.select).toEqual(whole.data.dyad[field]);
      } finally {
        db.onQuery = undefined;
      }
      expect(
        sent.map((q) => q.params.parts),
        c.select,
      ).toEqual([c.parts]);
    }
  });

  it('gives the Russia–Turkey dyad split into cooperation and conflict with the Goldstein sum', async () => {
    const r = await gql(`{ dyad(a: "russia", b: "turkey") {
      a { key } b { key } goldsteinSum cooperationSum conflictSum
      cooperation { event { key goldstein } } conflict { event { key goldstein } }
      events { direction event { key goldstein status } } relations { kind }
    } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data.dyad;
    expect(d.a.key).toBe('russia');
    const keys = d.events.map((e: any) => e.event.key);
    expect(keys).toEqual(
      expect.arrayContaining(['putin-erdogan-phone-call', 'putin-criticises-drone-deliveries', 'turkey-buys-s400']),
    );
    expect(d.cooperation.every((e: any) => e.event.goldstein > 0)).toBe(true);
    expect(d.conflict.every((e: any) => e.event.goldstein < 0)).toBe(true);
    const realized = d.events.filter((e: any) => ['OCCURRED', 'ONGOING'].includes(e.event.status));
    const sum = realized.reduce((s: number, e: any) => s + e.event.goldstein, 0);
    expect(d.goldsteinSum).toBeCloseTo(sum, 5);
    expect(d.cooperationSum + d.conflictSum).toBeCloseTo(d.goldsteinSum, 5);
    expect(d.events.find((e: any) => e.event.key === 'putin-erdogan-phone-call').direction).toBe('MUTUAL');
    expect(d.events.find((e: any) => e.event.key === 'putin-criticises-drone-deliveries').direction).toBe('A_TO_B');
    expect(d.relations.map((x: any) => x.kind)).toContain('PARTNER_OF');
  });

  it('returns a neighbourhood as { nodes, edges } whose edges join returned nodes', async () => {
    const r = await gql(`{ neighborhood(id: "turkey", depth: 2, kinds: [MEMBER_OF, PARTY_TO], limit: 30) {
      truncated nodes { id key type } edges { id kind source target sourceKey targetKey } } }`);
    expect(r.errors).toBeUndefined();
    const g = r.data.neighborhood;
    const ids = new Set(g.nodes.map((n: any) => n.id));
    expect(g.nodes[0].key).toBe('turkey');
    expect(g.nodes.map((n: any) => n.key)).toEqual(expect.arrayContaining(['nato', 'russia', 's400-purchase-nato']));
    for (const e of g.edges) {
      expect(['MEMBER_OF', 'PARTY_TO']).toContain(e.kind);
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    }
    const limited = await gql('{ neighborhood(id: "turkey", depth: 3, limit: 3) { truncated nodes { key } } }');
    expect(limited.data.neighborhood.nodes).toHaveLength(4);
    expect(limited.data.neighborhood.truncated).toBe(true);
  });

  it('finds the same edges among a neighbourhood from expanded nodes and from looked-up pairs of hubs', async () => {
    const traversal = createRepositories(db, {}).traversal;
    const edgesWith = async (denseDegree: number) => {
      const g = await traversal.neighborhood('russia', 2, [...EDGE_TYPE_WORDS], 50, denseDegree);
      return (g?.edges ?? []).map((e) => `${e.from}-${e.type}->${e.to}`).sort();
    };
    const g = await traversal.neighborhood('russia', 2, [...EDGE_TYPE_WORDS], 50);
    const at = (key: string) => g?.nodes.findIndex((n) => n.id === key) ?? -1;
    const places = (g?.edges ?? []).map((e) => [at(e.from), at(e.to)]);
    // edges in the order of their ends among the nodes, whichever way they were found
    expect(places).toEqual([...places].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0)));
    const allExpanded = await edgesWith(1_000_000);
    expect(allExpanded.length).toBeGreaterThan(50);
    // every node a hub: every pair looked up; Russia and Turkey hubs: both ways meet
    expect(await edgesWith(0)).toEqual(allExpanded);
    expect(await edgesWith(15)).toEqual(allExpanded);
    const api = await gql('{ neighborhood(id: "russia", depth: 2, limit: 50) { edges { kind sourceKey targetKey } } }');
    expect(api.data.neighborhood.edges.map((e: any) => `${e.sourceKey}-${e.kind}->${e.targetKey}`).sort()).toEqual(
      allExpanded,
    );
  });

  it('ranks a neighbourhood nearest first, ties by key, whether the direct neighbours fill it or not', async () => {
    const traversal = createRepositories(db, {}).traversal;
    const types = EDGE_TYPE_WORDS.join('|');
    // Every node within the depth, nearest first: the whole ranking, to compare the view with.
    const ranked = async (depth: number) =>
      (
        await db.read<{ id: string }>(
          'test-ranking',
          `MATCH (s:Entity {id: 'russia'})
           MATCH p = ANY SHORTEST (s)-[:${types}]-{1,${depth}}(m) WHERE m <> s
           RETURN m.id AS id ORDER BY length(p), m.id`,
        )
      ).map((r) => r.id);
    let ringFilled = 0;
    for (const depth of [1, 2, 3]) {
      const all = await ranked(depth);
      for (const limit of [3, 10, 25, 50, 200]) {
        const g = await traversal.neighborhood('russia', depth, [...EDGE_TYPE_WORDS], limit);
        expect(
          g?.nodes.map((n) => n.id),
          `depth ${depth} limit ${limit}`,
        ).toEqual(['russia', ...all.slice(0, limit)]);
        expect(g?.truncated).toBe(all.length > limit);
        if (depth > 1 && (await ranked(1)).length > limit) ringFilled++;
      }
    }
    expect(ringFilled).toBeGreaterThan(0); // the direct neighbours alone filled some views
  });

  it('fetches any object again by its global id', async () => {
    const r = await gql('{ entity(id: "nato") { id } event(id: "turkey-buys-s400") { id } }');
    const again = await gql(
      'query($a: ID!, $b: ID!) { a: node(id: $a) { id ... on Alliance { key } } b: node(id: $b) { ... on Event { key } } }',
      {
        a: r.data.entity.id,
        b: r.data.event.id,
      },
    );
    expect(again.data).toEqual({ a: { id: r.data.entity.id, key: 'nato' }, b: { key: 'turkey-buys-s400' } });
  });

  it('pages with cursors and counts without loading every node', async () => {
    const first = await gql(
      '{ events(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } }',
    );
    const total = first.data.events.totalCount;
    expect(total).toBe(21);
    const second = await gql(
      'query($after: String) { events(first: 5, after: $after) { pageInfo { hasPreviousPage } edges { node { key } } } }',
      {
        after: first.data.events.pageInfo.endCursor,
      },
    );
    expect(second.data.events.pageInfo.hasPreviousPage).toBe(true);
    const a = first.data.events.edges.map((e: any) => e.node.key);
    const b = second.data.events.edges.map((e: any) => e.node.key);
    expect(a.filter((k: string) => b.includes(k))).toEqual([]);
    const filtered = await gql('{ actors(filter: { kinds: [STATE] }) { totalCount edges { node { key } } } }');
    expect(filtered.data.actors.totalCount).toBe(6);
    const parties = await gql('{ actors(filter: { party: "s400-purchase-nato" }) { edges { node { key } } } }');
    expect(parties.data.actors.edges.map((e: any) => e.node.key)).toEqual(expect.arrayContaining(['turkey', 'russia']));
    const dated = await gql(
      '{ events(filter: { from: "2022-01-02", to: "2022-01-02" }) { edges { node { date { value } } } } }',
    );
    for (const e of dated.data.events.edges ?? []) expect(e.node.date.value).toBe('2022-01-02');
  });

  it('takes a key typed with capitals', async () => {
    const r = await gql('{ entity(id: "Turkey") { key } shortestPath(from: "Putin", to: "NATO") { length } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ entity: { key: 'turkey' }, shortestPath: { length: 3 } });
  });

  it('answers an unknown id with null', async () => {
    const r = await gql(
      '{ entity(id: "atlantis") { key } event(id: "nothing-happened") { key } dispute(id: "no-dispute") { key } shortestPath(from: "putin", to: "atlantis") { length } neighborhood(id: "atlantis") { nodes { key } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ entity: null, event: null, dispute: null, shortestPath: null, neighborhood: null });
  });

  it.each([
    ['depth 10', '{ neighborhood(id: "turkey", depth: 10) { nodes { key } } }', 'BAD_USER_INPUT'],
    ['first 10000', '{ events(first: 10000) { edges { node { key } } } }', 'BAD_USER_INPUT'],
    ['a malformed global id', '{ node(id: "%%%not-base64%%%") { id } }', 'BAD_USER_INPUT'],
    ['a malformed entity id', '{ entity(id: "Robert\'); DROP") { key } }', 'BAD_USER_INPUT'],
    ['a global id of the wrong type', '{ dispute(id: "U3RhdGU6dHVya2V5") { key } }', 'BAD_USER_INPUT'],
    ['maxHops 7', '{ shortestPath(from: "putin", to: "nato", maxHops: 7) { length } }', 'BAD_USER_INPUT'],
    [
      'an unknown relationship kind',
      '{ neighborhood(id: "turkey", kinds: [FRIEND_OF]) { nodes { key } } }',
      'BAD_USER_INPUT',
    ],
    ['a bad date', '{ events(filter: { from: "yesterday" }) { totalCount } }', 'BAD_USER_INPUT'],
    ['a foreign cursor', '{ events(after: "bm9wZQ==") { totalCount } }', 'BAD_USER_INPUT'],
  ])('rejects %s with a coded GraphQL error, not a 500', async (_name, query, code) => {
    const r = await gql(query);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(r.errors)).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an object for an ID', 'query($id: ID!) { entity(id: $id) { key } }', { id: { a: 1 } }],
    ['a list for an ID', 'query($id: ID!) { entity(id: $id) { key } }', { id: ['turkey'] }],
    ['a fraction for an Int', 'query($n: Int) { events(first: $n) { totalCount } }', { n: 1.5 }],
    ['2^53 for an Int', 'query($n: Int) { events(first: $n) { totalCount } }', { n: 2 ** 53 }],
    [
      'an unknown enum value',
      'query($k: [RelationKind!]) { neighborhood(id: "turkey", kinds: $k) { truncated } }',
      { k: ['NOPE'] },
    ],
    [
      'an unknown input field',
      'query($f: EventFilter) { events(filter: $f) { totalCount } }',
      { f: { __proto__x: 1 } },
    ],
  ])('answers variables of the wrong type (%s) with BAD_USER_INPUT', async (_name, query, variables) => {
    const r = await gql(query, variables);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers a GET with malformed variables with a client error', async () => {
    const res = await app.fetch('http://localhost/graphql?query=%7B__typename%7D&variables=notjson', {
      headers: { 'x-graphql-csrf': '1', accept: 'application/json' },
    });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('bounds Neo4j round trips by the depth of the selection, not by the number of results', async () => {
    const nested = (first: number) => `{
      actors(first: ${first}) { totalCount edges { node {
        key
        mentions { text }
        relations { kind to { ... on Entity { key } } claims { stance assertedBy { key } evidence { quote } } }
        ... on Actor { events(asSource: true, asTarget: true) { key claims { statement } } }
      } } }
    }`;
    await gql('{ actors(first: 1) { totalCount } }'); // the cost model's first measurement is not the operation's
    const small = await gql(nested(3));
    const large = await gql(nested(25));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.actors.edges.length).toBe(22);
    console.info(
      `round trips: ${small.queries} for 3 actors, ${large.queries} for ${large.data.actors.edges.length} actors`,
    );
    expect(large.queries).toBe(small.queries);
    // page, count; mentions, edges, events (with affiliates); claims of relations, claims of events
    expect(large.queries).toBeLessThanOrEqual(7);
  });

  it('reads the edges the items of a page ask for in one direction in the page query (sources and targets together)', async () => {
    await gql('{ actors(first: 1) { totalCount } }'); // the cost model's first measurement is not the operation's
    const both = await gql(`{ events(first: 20) { edges { node { key
      sources { key } targets { key } } } } }`);
    const sourcesOnly = await gql('{ events(first: 20) { edges { node { key sources { key } } } } }');
    expect(both.errors).toBeUndefined();
    // the page loads both edge fields of its events in its own query (graphql/preload.ts)
    expect(both.queries).toBe(1);
    expect(sourcesOnly.queries).toBe(1);
    const nodes = both.data.events.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.some((n: { targets: unknown[] }) => n.targets.length > 0)).toBe(true);
    // each field keeps its own edges
    expect(nodes.map((n: { sources: unknown }) => n.sources)).toEqual(
      sourcesOnly.data.events.edges.map((e: { node: { sources: unknown } }) => e.node.sources),
    );
    const turkeyTargets = nodes.flatMap((n: { targets: { key: string }[] }) => n.targets.map((t) => t.key));
    expect(new Set(turkeyTargets).size).toBeGreaterThan(1);
  });

  it('looks up an entity and the relationships its selection follows in one query', async () => {
    const inline = `{ entity(id: "turkey") { name ... on State { memberships { to { ... on Entity { key } } } } } }`;
    const spread = `query { entity(id: "turkey") { name ...M } } fragment M on State { memberships { to { ... on Entity { key } } } }`;
    await gql(inline); // the cost model measures the fan-out of MEMBER_OF on first use
    for (const query of [inline, spread]) {
      db.peakInFlight = 0;
      const r = await gql(query);
      expect(r.errors).toBeUndefined();
      expect(r.data.entity.memberships.map((m: any) => m.to.key)).toContain('nato');
      // the node and its MEMBER_OF edges in one query (graphql/preload.ts)
      expect(r.queries).toBe(1);
    }
    const missing = await gql('{ entity(id: "atlantis") { name ... on State { memberships { kind } } } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data.entity).toBeNull();
  });

  it('runs every GraphiQL example without errors', async () => {
    const counts: string[] = [];
    for (const example of EXAMPLES) {
      const r = await gql(example.query, example.variables);
      expect(r.errors, example.name).toBeUndefined();
      expect(JSON.stringify(r.data).length, example.name).toBeGreaterThan(200);
      counts.push(`${example.name}: ${r.queries}`);
    }
    console.info(`Neo4j queries per example: ${counts.join(', ')}`);
  });

  it('answers every example query of the README without errors', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    // A block may hold several anonymous operations, each starting with "{" at the line start.
    const operations = blocks
      .flatMap((b) => b.split(/\n(?=\{)/).map((op) => op.trim()))
      .filter((op) => op.includes('{'));
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const op of operations) {
      const r = await gql(op.replace(/^#.*$/gm, ''));
      expect(r.errors, op).toBeUndefined();
    }
  });

  it('serves GraphiQL from npm, without a CDN, with the examples as tabs', async () => {
    const res = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
    for (const e of EXAMPLES) expect(html).toContain(e.name);
  });
});
