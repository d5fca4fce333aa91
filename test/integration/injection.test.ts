import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const HOSTILE = [
  "turkey' OR 1=1 //",
  'turkey"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n WITH 1 AS x MATCH (`',
  '} RETURN 1 UNION MATCH (n) RETURN n //',
  'MATCH (n) DETACH DELETE n',
  'CALL dbms.killQueries([]) //',
  '\u0000\u202eüñîçødé\uFEFF',
  'x'.repeat(100_000),
];

/** Every string and id argument of the API, with $v standing for the hostile value. */
const OPERATIONS = [
  'query($v: ID!) { entity(id: $v) { key } }',
  'query($v: ID!) { actor(id: $v) { key } }',
  'query($v: ID!) { event(id: $v) { key } }',
  'query($v: ID!) { dispute(id: $v) { key } }',
  'query($v: ID!) { claim(id: $v) { key } }',
  'query($v: ID!) { document(id: $v) { key } }',
  'query($v: ID!) { node(id: $v) { id } }',
  'query($v: String!) { entitiesByName(name: $v) { key } }',
  'query($v: String!) { search(query: $v) { score } }',
  'query($v: String!) { entities(filter: { nameContains: $v }) { totalCount } }',
  'query($v: ID!) { actors(filter: { party: $v }) { totalCount } }',
  'query($v: EventType!) { events(filter: { types: [$v] }) { totalCount } }',
  'query($v: ID!) { events(filter: { actor: $v }) { totalCount } }',
  'query($v: String!) { events(filter: { from: $v }) { totalCount } }',
  'query($v: String!) { events(after: $v) { totalCount } }',
  'query($v: ID!) { disputes(party: $v) { totalCount } }',
  'query($v: ID!) { claims(filter: { assertedBy: $v }) { totalCount } }',
  'query($v: ID!) { timeline(filter: { dispute: $v }) { dated { key } } }',
  'query($v: ID!) { neighborhood(id: $v) { nodes { key } } }',
  'query($v: ID!) { shortestPath(from: $v, to: "nato") { length } }',
  'query($v: ID!) { dyad(a: $v, b: "turkey") { goldsteinSum } }',
];

describe('hostile strings in every argument are data', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('answers each with data or a coded client error, and the graph is unchanged', async () => {
    const before = await graphCounts(db);
    const codes = new Map<string, number>();
    for (const op of OPERATIONS) {
      for (const v of HOSTILE) {
        const r = await gql(op, { v });
        expect(r.status, op).toBeLessThan(500);
        for (const e of r.errors ?? []) {
          const code = e.extensions?.code ?? 'none';
          expect(['BAD_USER_INPUT'], `${op} → ${e.message}`).toContain(code);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
    }
    expect(await graphCounts(db)).toEqual(before);
    console.info(
      `${OPERATIONS.length * HOSTILE.length} hostile requests; errors by code: ${JSON.stringify(Object.fromEntries(codes))}`,
    );
  });
});
