import {
  type GraphQLCompositeType,
  type GraphQLField,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { CompileSpec } from '../../src/graphql/compiled.js';
import { schema } from '../../src/graphql/index.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, sentDuring, testDatabase } from '../helpers/db.js';
import { everyOperation, fetchRunner, PLAN_LIMITS } from '../helpers/plan-operations.js';

const RELATIONS = new Set(['related', 'claims', 'evidence', 'asserter', 'relations']);
const specOf = (f: GraphQLField<unknown, unknown>) => f.extensions?.compile as CompileSpec | undefined;
const isRelation = (f: GraphQLField<unknown, unknown>) => RELATIONS.has(specOf(f)?.kind ?? '');
const fieldsOf = (type: GraphQLCompositeType) =>
  isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];

/**
 * Every field of a type a compiled map can answer, each under its own alias: leaves as they are,
 * relationship fields with their elements' key, label and type name (and claims also by aspect).
 */
function compilableSelection(type: GraphQLCompositeType): string {
  const parts = ['__typename'];
  for (const f of fieldsOf(type)) {
    const exposed = typeof f.extensions?.pothosExposedField === 'string' && f.args.length === 0;
    if (!specOf(f) && !exposed) continue;
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(f.type))) parts.push(`${f.name}`);
    else parts.push(`${f.name} { __typename key label typeName }`);
    if (f.args.some((a) => a.name === 'aspect')) parts.push(`${f.name}Reasons: ${f.name}(aspect: REASON) { key }`);
    if (f.args.some((a) => a.name === 'direction'))
      parts.push(`${f.name}Out: ${f.name}(direction: OUT, kinds: [MEMBER_OF, PARTY_TO, HAS_SOURCE]) { key }`);
  }
  return parts.join(' ');
}

describe('lists answer their items’ relationship fields from one compiled map projection', () => {
  const db = testDatabase(30_000);
  const on = testApp(db, { limits: PLAN_LIMITS });
  const off = testApp(db, { limits: PLAN_LIMITS, compile: false });
  const run = fetchRunner(on.app);
  const runOff = fetchRunner(off.app);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  /** The names of the queries an operation sends (besides the measuring of list sizes for the cost estimate). */
  async function queriesOf(query: string, variables?: Record<string, unknown>): Promise<string[]> {
    const names: string[] = [];
    db.onQuery = (q) => {
      if (q.name !== 'degree-maxima') names.push(q.name);
    };
    try {
      const r = await on.gql(query, variables);
      expect(r.errors, query).toBeUndefined();
    } finally {
      db.onQuery = undefined;
    }
    return names;
  }

  const LISTS = { disputes: 'Dispute', events: 'Event', claims: 'Claim', actors: 'Actor', entities: 'Entity' };
  /** The page query each list sends (both entity lists read the actors' query). */
  const PAGE_QUERY: Record<string, string> = { entities: 'actors' };

  it('answers every compilable field below every list the same as field by field, in one query', async () => {
    let compared = 0;
    for (const [list, typeName] of Object.entries(LISTS)) {
      const itemType = schema.getType(typeName) as GraphQLCompositeType;
      for (const relation of fieldsOf(itemType).filter(isRelation)) {
        const child = getNamedType(relation.type) as GraphQLCompositeType;
        // Two levels below the item: the child's relationship fields with all they can select.
        const deeper = fieldsOf(child)
          .filter(isRelation)
          .map(
            (f) => `deep_${f.name}: ${f.name} { ${compilableSelection(getNamedType(f.type) as GraphQLCompositeType)} }`,
          );
        const query = `{ ${list}(first: 40) { edges { cursor node { key label
          ${relation.name} { ${compilableSelection(child)} ${deeper.join(' ')} } } } } }`;
        const names = await queriesOf(query);
        expect(names, `${list}.${relation.name}`).toEqual([`${PAGE_QUERY[list] ?? list}-page+compiled`]);
        const op = { name: `${list}.${relation.name}`, query };
        expect(await run(op), op.name).toEqual(await runOff(op));
        compared++;
      }
    }
    // Dispute: events, claims, parties; Event: sources, targets, locations, respondsTo, responses, parts,
    // partOf, disputes, claims, reasons; Claim: assertedBy, evidence; Entity: claims, relations; Actor:
    // claims, relations, assertedClaims, disputes.
    expect(compared).toBeGreaterThanOrEqual(21);
  }, 300_000);

  it('sends exactly the selected fields of the nodes below the items (by response key, with the type name)', async () => {
    const sent: { cypher: string; params: Record<string, unknown> }[] = [];
    db.onQuery = (q) => sent.push(q);
    try {
      const r = await on.gql(
        '{ disputes(first: 10) { edges { node { key events { label c: claims { statement evidence { quote } } } } } } }',
      );
      expect(r.errors).toBeUndefined();
    } finally {
      db.onQuery = undefined;
    }
    const page = sent.find((q) => q.cypher.includes('AS compiled'));
    if (!page) throw new Error('no compiled query');
    const rows = (await db.driver.executeQuery(page.cypher, page.params, { database: db.connection.database })).records;
    const keysOf = (label: string) =>
      rows.flatMap((row) => {
        const found: string[][] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            const o = v as Record<string, unknown>;
            if (o['@type'] === label) found.push(Object.keys(o).sort());
            Object.values(o).forEach(walk);
          }
        };
        walk(row.get('compiled'));
        return found;
      });
    const events = keysOf('Event');
    expect(events.length).toBeGreaterThan(5);
    for (const k of events) expect(k).toEqual(['@type', 'c', 'label']);
    const claims = keysOf('Claim');
    expect(claims.length).toBeGreaterThan(5);
    for (const k of claims) expect(k).toEqual(['@type', 'evidence', 'statement']);
    for (const k of keysOf('Evidence')) expect(k).toEqual(['@type', 'quote']);
  });

  it('computes no selection for the row a page reads only to know that another page follows', async () => {
    for (const [list, first, below] of [
      ['events', 3, 'claims { key }'],
      ['disputes', 2, 'events { key }'],
      ['claims', 5, 'evidence { quote }'],
    ] as const) {
      const query = `{ ${list}(first: ${first}) { pageInfo { hasNextPage } edges { node { key ${below} } } } }`;
      const { result: r, sent } = await sentDuring(db, () => on.gql(query));
      expect(r.errors).toBeUndefined();
      expect(r.data[list].pageInfo.hasNextPage, list).toBe(true);
      expect(r.data[list].edges.length, list).toBe(first);
      const page = sent.find((q) => q.cypher.includes('AS compiled'));
      if (!page) throw new Error(`no compiled query for ${list}`);
      const rows = (await db.driver.executeQuery(page.cypher, page.params, { database: db.connection.database }))
        .records;
      // first + 1 rows; the last one (hasNextPage) without its compiled map.
      expect(rows.map((row) => row.get('compiled') !== null)).toEqual([...Array(first).fill(true), false]);
      // Field by field, the same answer.
      expect(r.data).toEqual((await off.gql(query)).data);
    }
  });

  it('compiles aliases, fragments on the type or its interfaces, @skip/@include and arguments from variables', async () => {
    const query = `query Q($reason: ClaimAspect, $no: Boolean!) { events(first: 30) { edges { node { key
      first: sources { ...Named } second: sources { key }
      claims(aspect: $reason) { ... on GraphElement { key } ... on Claim { stance evidence { quote @include(if: $no) start @skip(if: $no) } } }
      hidden: targets @skip(if: true) { key }
      partOf { key } } } } }
      fragment Named on Entity { key name kind ... on GraphElement { typeName } }`;
    for (const variables of [
      { reason: 'REASON', no: true },
      { reason: null, no: false },
    ]) {
      expect(await queriesOf(query, variables)).toEqual(['events-page+compiled']);
      const op = { name: 'fragments', query, variables };
      const data = await run(op);
      expect(data).toEqual(await runOff(op));
      expect(data.events.edges.some((e: { node: { first: unknown[] } }) => e.node.first.length > 0)).toBe(true);
      expect(data.events.edges.every((e: { node: object }) => !('hidden' in e.node))).toBe(true);
    }
  });

  it('keeps what it compiled with the document: the same field merged two ways, and variables again and anew, answer as field by field', async () => {
    // memberships of F stands alone under b, merged with another memberships under a: two selections.
    const query = `query Q($aspect: ClaimAspect, $with: Boolean!) {
      a: entity(id: "turkey") { ...F ... on State { memberships { key claims @include(if: $with) { key } } } }
      b: entity(id: "turkey") { ...F }
      events(first: 5) { edges { node { key claims(aspect: $aspect) { key stance } } } } }
      fragment F on State { memberships { to { ... on Entity { key } } } }`;
    for (const variables of [
      { aspect: 'FACT', with: true },
      { aspect: 'REASON', with: false },
      { aspect: 'FACT', with: true },
      { aspect: null, with: true },
      { aspect: 'REASON', with: false },
    ]) {
      const op = { name: 'kept', query, variables };
      const data = await run(op);
      expect(data, JSON.stringify(variables)).toEqual(await runOff(op));
      expect('claims' in data.a.memberships[0]).toBe(variables.with);
      expect(data.b.memberships.length).toBeGreaterThan(0);
      expect(data.b.memberships[0]).not.toHaveProperty('claims');
    }
  });

  it('compiles look-ups, fragments that narrow an interface (each entity type its own fields) and relations with their ends', async () => {
    const relation =
      'key id kind stance label typeName from { key typeName } to { ... on Entity { key name } ... on Dispute { key } } claims { statement assertedBy { name } evidence { quote } } evidence { start end }';
    const cases: [string, string][] = [
      [`{ entity(id: "turkey") { name ... on State { memberships { ${relation} } } } }`, 'nodes-by-ids+compiled'],
      [
        `{ actor(id: "russia") { key relations { key to { key label } } out: relations(direction: OUT, kinds: [MEMBER_OF, PARTY_TO]) { ${relation} } disputes { key } ... on State { partners { key } } ... on Person { positions { key } } } }`,
        'nodes-by-ids+compiled',
      ],
      [
        `{ events(first: 30) { edges { node { key sources { key ... on State { memberships { ${relation} } } ... on Person { positions { key to { key } } } } } } } }`,
        'events-page+compiled',
      ],
      [
        `{ disputes(first: 10) { edges { node { key parties { ${relation} } concerns { key label typeName } } } } }`,
        'disputes-page+compiled',
      ],
    ];
    const ids = await on.gql(
      '{ events(first: 1) { edges { node { key } } } disputes(first: 1) { edges { node { key } } } claims(first: 1) { edges { node { key } } } }',
    );
    const [event, dispute, claim] = [ids.data.events, ids.data.disputes, ids.data.claims].map(
      (l) => l.edges[0].node.key,
    );
    cases.push(
      [
        `{ event(id: "${event}") { key sources { key } claims { statement } partOf { key } } }`,
        'nodes-by-ids+compiled',
      ],
      [`{ dispute(id: "${dispute}") { key events { key label } parties { key } } }`, 'nodes-by-ids+compiled'],
      [`{ claim(id: "${claim}") { key assertedBy { key } evidence { quote } } }`, 'nodes-by-ids+compiled'],
    );
    for (const [query, name] of cases) {
      expect(await queriesOf(query), query).toEqual([name]);
      const op = { name: query, query };
      const data = await run(op);
      expect(data, query).toEqual(await runOff(op));
      expect(JSON.stringify(data).length, query).toBeGreaterThan(80);
    }
  });

  it("compiles the claims and evidence of a shortest path's edges into the path's query", async () => {
    for (const query of [
      '{ shortestPath(from: "putin", to: "nato") { length nodes { key } edges { key: id kind sourceKey targetKey claims { statement stance assertedBy { key name } evidence { quote start } } evidence { quote gloss } } } }',
      '{ shortestPath(from: "erdogan", to: "russia", kinds: [HOLDS_POSITION, MEMBER_OF, PARTNER_OF, PARTY_TO]) { edges { kind e: evidence { quote } } } }',
    ]) {
      expect(await queriesOf(query), query).toEqual(['shortest-path+compiled']);
      const op = { name: query, query };
      const data = await run(op);
      expect(data, query).toEqual(await runOff(op));
      expect(data.shortestPath.edges.length, query).toBeGreaterThan(0);
    }
    // A field of the edges without a compiled form (a claim's document): the path preloads as before.
    const mixed = '{ shortestPath(from: "putin", to: "nato") { edges { claims { document { key } } } } }';
    expect(await queriesOf(mixed)).not.toContain('shortest-path+compiled');
  });

  it('sends argument values and defaults as the parameter $compiled, never in the text', async () => {
    const sent: { name: string; cypher: string; params: Record<string, unknown> }[] = [];
    db.onQuery = (q) => sent.push(q);
    try {
      const r = await on.gql(
        'query ($a: ClaimAspect) { events(first: 20) { edges { node { claims(aspect: $a) { aspect } } } } }',
        { a: 'REASON' },
      );
      expect(r.errors).toBeUndefined();
    } finally {
      db.onQuery = undefined;
    }
    const page = sent.find((q) => q.name === 'events-page+compiled');
    if (!page) throw new Error('no compiled query');
    expect(page.cypher).not.toMatch(/REASON|FACT/);
    expect(Object.values(page.params.compiled as Record<string, unknown>)).toEqual(
      expect.arrayContaining(['REASON', 'FACT']),
    );
  });

  it('answers a selection it cannot compile field by field, with the same answer (a fragment on one entity type, a field without a compiled form)', async () => {
    for (const query of [
      '{ events(first: 20) { edges { node { key claims { key document { key } } } } } }',
      '{ disputes(first: 10) { edges { node { key parties { key role } events { key } } } } }',
      '{ claims(first: 10) { edges { node { key evidence { context } } } } }',
    ]) {
      const names = await queriesOf(query);
      expect(
        names.some((n) => n.includes('+compiled')),
        query,
      ).toBe(false);
      const op = { name: query, query };
      expect(await run(op)).toEqual(await runOff(op));
    }
  });

  it('every operation and GraphiQL example answers the same as field by field', async () => {
    const ops = await everyOperation(run);
    for (const op of ops) expect(await run(op), op.name).toEqual(await runOff(op));
    expect(ops.length).toBeGreaterThan(20);
  }, 300_000);

  it('counts what compiled maps answer against the result ceilings: an answer past the item ceiling is stopped', async () => {
    const query =
      '{ disputes(first: 100) { edges { node { events { key claims { statement evidence { quote } } } } } } }';
    const full = await on.gql(query);
    expect(full.errors).toBeUndefined();
    const items = full.extensions?.cost?.items ?? 0;
    expect(items).toBeGreaterThan(50);
    const small = testApp(db, { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000, maxResultItems: items - 1 } });
    const r = await small.gql(query);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'items' });
    expect(r.data ?? null).toBeNull();
  });
});
