import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/* The answers a researcher gets on the first try: one vocabulary, whole events, one shape. */
describe('one vocabulary and whole answers', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('lists each contradicting claim once', async () => {
    const r = await gql(`{ claims(first: 100) { edges { node { key contradicts { key } } } } }`);
    expect(r.errors).toBeUndefined();
    const withContradictions = r.data.claims.edges.filter((e: any) => e.node.contradicts.length > 0);
    expect(withContradictions).toHaveLength(4);
    for (const { node } of withContradictions) {
      const keys = node.contradicts.map((c: any) => c.key);
      expect(new Set(keys).size, node.key).toBe(keys.length);
    }
  });

  it('takes event types in any case, as enum literals or strings, and names the allowed ones for a typo', async () => {
    const literal = await gql('{ events(filter: { types: [demand] }) { edges { node { key type } } } }');
    expect(literal.errors).toBeUndefined();
    expect(literal.data.events.edges.map((e: any) => e.node.type)).toEqual(['DEMAND']);
    const variable = await gql('query($t: [EventType!]) { events(filter: { types: $t }) { edges { node { key } } } }', {
      t: ['Demand'],
    });
    expect(variable.errors).toBeUndefined();
    expect(variable.data.events.edges).toHaveLength(1);
    for (const typo of [
      gql('{ events(filter: { types: [demnd] }) { totalCount } }'),
      gql('query($t: [EventType!]) { events(filter: { types: $t }) { totalCount } }', { t: ['demnd'] }),
    ]) {
      const r = await typo;
      expect(r.status).toBeLessThan(500);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/PHONE_CALL, .*DEMAND/);
    }
  });

  it('gives relation roles from the vocabulary, in English and German', async () => {
    const r = await gql(`{ entity(id: "putin") { ... on Person { positions { role roleDe to { label } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.entity.positions).toEqual([{ role: 'PRESIDENT', roleDe: 'Präsident', to: { label: 'Russia' } }]);
  });

  it("counts an actor's events with those acting for it, wherever an actor is asked about", async () => {
    const demands = await gql(
      '{ events(filter: { actor: "russia", types: [DEMAND] }) { edges { node { key sources { key } } } } }',
    );
    expect(demands.errors).toBeUndefined();
    expect(demands.data.events.edges.map((e: any) => e.node.key)).toEqual(['russia-security-demands']);
    const timeline = await gql('{ timeline(filter: { actor: "turkey" }) { dated { key } } }');
    expect(timeline.data.timeline.dated.map((e: any) => e.key)).toContain('putin-erdogan-phone-call');
    const events = await gql('{ actor(id: "russia") { events { key } } }');
    expect(events.data.actor.events.map((e: any) => e.key)).toContain('russia-security-demands');
    const own = await gql('{ actor(id: "russia") { events(includeAffiliates: false) { key } } }');
    expect(own.data.actor.events.map((e: any) => e.key)).not.toContain('russia-security-demands');
  });

  it('tells the whole story of an event: its reasons, its parts and the answers with their reasons', async () => {
    const r = await gql(`{
      criticism: event(id: "putin-criticises-drone-deliveries") {
        reasons { statement assertedBy { label } evidence { quote } }
        responses { key reasons { assertedBy { label } evidence { quote } } }
      }
      call: event(id: "putin-erdogan-phone-call") { parts { key } }
      greeting: event(id: "new-year-greetings") { partOf { key } }
    }`);
    expect(r.errors).toBeUndefined();
    const { criticism, call, greeting } = r.data;
    expect(criticism.reasons[0].assertedBy.label).toBe('Vladimir Putin');
    expect(criticism.reasons[0].evidence[0].quote).toMatch(/pro-russische Rebellen/);
    const rejection = criticism.responses.find((e: any) => e.key === 'turkey-rejects-responsibility');
    expect(rejection.reasons.flatMap((c: any) => c.evidence.map((e: any) => e.quote))).toContain(
      'Die Verwendung eines türkischen Produktes sei Sache des Erwerberlandes.',
    );
    expect(call.parts.map((e: any) => e.key)).toContain('new-year-greetings');
    expect(greeting.partOf.key).toBe('putin-erdogan-phone-call');
  });

  it('gives every node and relationship a label and a type without fragments', async () => {
    const r = await gql(`{
      entity(id: "turkey") { label typeName ... on State { memberships { key label typeName from { label typeName } to { label typeName } } } }
      claim(id: "flashup-2022-01-moskau-ankara:c-turkey-member-of-nato") { label typeName about { key label typeName } }
      event(id: "turkish-drone-deliveries") { label typeName concerns { label typeName } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.entity).toMatchObject({ label: 'Turkey', typeName: 'State' });
    expect(r.data.entity.memberships[0]).toMatchObject({
      key: 'MEMBER_OF:turkey->nato',
      typeName: 'Relation',
      from: { label: 'Turkey', typeName: 'State' },
      to: { typeName: 'Alliance' },
    });
    expect(r.data.claim.about).toMatchObject({ key: 'MEMBER_OF:turkey->nato', typeName: 'Relation' });
    expect(r.data.event.concerns.every((c: any) => c.label && c.typeName)).toBe(true);
  });

  it('never puts an answer or readout before what it answers in a timeline', async () => {
    const r = await gql('{ timeline { dated { key date { value precision } respondsTo { key } } } }');
    expect(r.errors).toBeUndefined();
    const order = r.data.timeline.dated.map((e: any) => e.key);
    for (const [i, e] of r.data.timeline.dated.entries()) {
      for (const answered of e.respondsTo) {
        const j = order.indexOf(answered.key);
        if (j >= 0) expect(j, `${e.key} after ${answered.key}`).toBeLessThan(i);
      }
    }
    const readout = r.data.timeline.dated.find((e: any) => e.key === 'erdogan-office-statement');
    expect(readout.date).toEqual({ value: '2022-01-02', precision: 'DAY' });
    expect(order.indexOf('erdogan-office-statement')).toBeGreaterThan(order.indexOf('putin-erdogan-phone-call'));
  });

  it('groups search hits by the fact, each once with its best quote, whole words first', async () => {
    const r = await gql(
      '{ search(query: "Drohnen", first: 20) { score exact matches quote fact { key label typeName } } }',
    );
    expect(r.errors).toBeUndefined();
    const hits = r.data.search;
    const keys = hits.map((h: any) => h.fact.key);
    expect(new Set(keys).size).toBe(keys.length);
    const quotes = hits.map((h: any) => h.quote).filter(Boolean);
    expect(new Set(quotes).size).toBe(quotes.length);
    // The deliveries are named only by the compound "Kampfdrohnen": first of the compound matches.
    expect(keys.slice(0, 5)).toContain('turkish-drone-deliveries');
    expect(hits.find((h: any) => !h.exact)?.fact.key).toBe('turkish-drone-deliveries');
    // A party's stance shows its dispute, not a separate PARTY_TO hit.
    expect(keys.filter((k: string) => k.startsWith('PARTY_TO:'))).toEqual([]);
    const firstCompound = hits.findIndex((h: any) => !h.exact);
    expect(hits[0].exact).toBe(true);
    if (firstCompound > 0) expect(hits.slice(0, firstCompound).every((h: any) => h.exact)).toBe(true);
  });

  it('pages entities, actors and disputes by name from a stored lower-case name, migrated for nodes written without it', async () => {
    const names = await db.read<{ entities: string[]; disputes: string[]; stale: number }>(
      'names',
      `RETURN COLLECT { MATCH (n:Entity) WITH n ORDER BY toLower(n.name), n.id RETURN n.id } AS entities,
              COLLECT { MATCH (d:Dispute) WITH d ORDER BY toLower(d.name), d.id RETURN d.id } AS disputes,
              COUNT { MATCH (n) WHERE (n:Entity OR n:Dispute) AND coalesce(n.sortName, '') <> toLower(n.name) } AS stale`,
    );
    const [want] = names;
    expect(want?.stale).toBe(0);
    const pages = async (list: 'entities' | 'disputes') => {
      const keys: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const r: any = await gql(
          `query($after: String) { ${list}(first: 7, after: $after, orderBy: NAME) { edges { node { key } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(r.errors).toBeUndefined();
        keys.push(...r.data[list].edges.map((e: any) => e.node.key));
        if (!r.data[list].pageInfo.hasNextPage) break;
        after = r.data[list].pageInfo.endCursor;
      }
      return keys;
    };
    expect(await pages('entities')).toEqual(want?.entities);
    expect(await pages('disputes')).toEqual(want?.disputes);
    // Nodes written before the loader wrote sortName get it from applySchema, and are listed again.
    await db.write('forget-sort-names', 'MATCH (n) WHERE n:Entity OR n:Dispute REMOVE n.sortName');
    expect(await pages('disputes')).toEqual([]);
    await applySchema(db);
    expect(await pages('disputes')).toEqual(want?.disputes);
    expect(await pages('entities')).toEqual(want?.entities);
  });

  it('sorts every list with orderBy, and a cursor stays valid when items are added before it', async () => {
    const byDegree = await gql('{ entities(first: 3, orderBy: DEGREE) { edges { node { key } } } }');
    expect(byDegree.errors).toBeUndefined();
    expect(
      byDegree.data.entities.edges
        .map((e: any) => e.node.key)
        .slice(0, 2)
        .sort(),
    ).toEqual(['russia', 'turkey']);
    const asc = await gql('{ events(first: 100) { edges { node { key date { value } } } } }');
    const desc = await gql('{ events(first: 100, orderBy: DATE_DESC) { edges { node { key date { value } } } } }');
    const dated = (r: any) => r.data.events.edges.filter((e: any) => e.node.date.value).map((e: any) => e.node.key);
    expect(dated(desc)).toEqual([...dated(asc)].reverse());
    const claims = await gql('{ claims(first: 3) { edges { node { key evidence { start } } } } }');
    const starts = claims.data.claims.edges.map((e: any) => e.node.evidence[0].start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const page = `query($after: String) { entities(first: 5, after: $after) { edges { cursor node { key } } pageInfo { endCursor } } }`;
    const first = await gql(page);
    const all = await gql('{ entities(first: 100) { edges { node { key } } } }');
    const names = all.data.entities.edges.map((e: any) => e.node.key);
    // A new entity that sorts before the cursor does not shift the next page.
    await db.write(
      'add-entity',
      "CREATE (:Entity:Actor:State {id: 'aaa-test', name: 'AAA test', sortName: 'aaa test', nameDe: 'AAA', kind: 'STATE'})",
    );
    const second = await gql(page, { after: first.data.entities.pageInfo.endCursor });
    expect(second.data.entities.edges.map((e: any) => e.node.key)).toEqual(names.slice(5, 10));
    const firstAgain = await gql(page);
    expect(firstAgain.data.entities.edges.map((e: any) => e.node.key)).toEqual(['aaa-test', ...names.slice(0, 4)]);
    await db.write('remove-entity', "MATCH (n:Entity {id: 'aaa-test'}) DETACH DELETE n");
    const wrongOrder = await gql(
      `{ entities(first: 5, orderBy: DEGREE, after: "${first.data.entities.pageInfo.endCursor}") { totalCount } }`,
    );
    expect(wrongOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
