import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { NODE_ROW_KEYS } from '../../src/domain/records.js';
import { EXAMPLES } from '../../src/graphiql/examples.js';
import { CLAIM_DETAIL_KEYS } from '../../src/repositories/rows.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';
import { fetchRunner, PLAN_LIMITS, type PlanOperation, runPlanOperations } from '../helpers/plan-operations.js';

/** A field that is never run (@skip) but names every field that reads an optional property: the operation's queries send them all. */
const READERS = `zzReaders: node(id: "none") @skip(if: true) {
  ... on Entity { aliases nameDe description } ... on Event { labelDe } ... on Dispute { nameDe disputeDescription: description }
  ... on Claim { history assertedBy { key } about { __typename } contradicts { key } evidence { key } } ... on Evidence { gloss sentence context } ... on Document { text } }`;

/** The operation with READERS added to its root selection. */
function withReaders(query: string): string {
  const readers = (parse(`{ ${READERS} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections;
  const document = parse(query);
  return print({
    ...document,
    definitions: document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION
        ? { ...d, selectionSet: { ...d.selectionSet, selections: [...readers, ...d.selectionSet.selections] } }
        : d,
    ),
  });
}

describe('queries send the long texts and lists of a node only when the operation reads them', () => {
  const db = testDatabase(30_000);
  const { app, gql } = testApp(db, { limits: PLAN_LIMITS });
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  /** The rows Neo4j gives for the queries an operation sends. */
  async function rowsOf(query: string): Promise<Record<string, unknown>[]> {
    const sent: SentQuery[] = [];
    db.onQuery = (q) => sent.push(q);
    try {
      const r = await gql(query);
      expect(r.errors).toBeUndefined();
    } finally {
      db.onQuery = undefined;
    }
    const rows = [];
    for (const q of sent) {
      const result = await db.driver.executeQuery(q.cypher, q.params, { database: db.connection.database });
      rows.push(...result.records.map((r) => r.toObject()));
    }
    return rows;
  }
  /** Every value of the rows (lists and maps walked through) that `pick` takes, as it gives it. */
  const pickIn = <T>(rows: unknown, pick: (v: unknown) => T | undefined): T[] => {
    const found: T[] = [];
    const walk = (v: unknown): void => {
      const picked = pick(v);
      if (picked !== undefined) found.push(picked);
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(rows);
    return found;
  };
  /** A node row (a list: NODE_ROW_KEYS) of the label, as an object of its keys. */
  const rowOf = (label: keyof typeof NODE_ROW_KEYS, v: unknown) =>
    Array.isArray(v) && Array.isArray(v[1]) && v[1].includes(label)
      ? (Object.fromEntries(NODE_ROW_KEYS[label].map((k, i) => [k, v[i]])) as Record<string, any>)
      : undefined;
  const evidenceIn = (rows: unknown[]) => pickIn(rows, (v) => rowOf('Evidence', v));

  it("leaves out an evidence's sentence and gloss when only its quote is asked for", async () => {
    const claims = '{ claims(first: 10) { edges { node { statement evidence { quote } } } } }';
    const lean = evidenceIn(await rowsOf(claims));
    expect(lean.length).toBeGreaterThan(5);
    for (const e of lean) {
      expect(e.quote.length).toBeGreaterThan(0);
      expect(e.sentence).toBe('');
      expect(e.gloss).toBe('');
    }
    const full = evidenceIn(await rowsOf(claims.replace('{ quote }', '{ quote sentence gloss }')));
    expect(full.length).toBe(lean.length);
    for (const e of full) {
      expect(e.sentence).toContain(e.quote);
      expect(e.gloss.length).toBeGreaterThan(0);
    }
  });

  it("leaves out a claim's evidence, what it is about and its contradictions when the operation does not read them", async () => {
    /** The claim details (claims-of-asks) in the rows of an operation's queries. */
    const detailsIn = async (query: string) =>
      pickIn(await rowsOf(query), (v) =>
        Array.isArray(v) && v.length === CLAIM_DETAIL_KEYS.length && rowOf('Claim', v[0])
          ? (Object.fromEntries(CLAIM_DETAIL_KEYS.map((k, i) => [k, v[i]])) as Record<string, unknown>)
          : undefined,
      );
    const lean = await detailsIn('{ claims(first: 40) { edges { node { statement assertedBy { key } } } } }');
    expect(lean.length).toBe(40);
    for (const d of lean)
      expect([d.evidence, d.contradicts, d.about, d.subject, d.object]).toEqual([[], [], null, null, null]);
    const full = await detailsIn(
      '{ claims(first: 40) { edges { node { assertedBy { key } evidence { quote } about { __typename } contradicts { key } } } } }',
    );
    expect(full.length).toBe(40);
    expect(full.every((d) => (d.evidence as unknown[]).length > 0)).toBe(true);
    expect(full.every((d) => d.about !== null || (d.subject !== null && d.object !== null))).toBe(true);
    expect(full.some((d) => (d.contradicts as unknown[]).length > 0)).toBe(true);
  });

  it('answers a field that reads a left-out property with the property (context reads the article text)', async () => {
    const r = await gql<{ claims: { edges: { node: { evidence: { quote: string; context: string }[] } }[] } }>(
      '{ claims(first: 3) { edges { node { evidence { quote context(chars: 20) } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const evidence = r.data.claims.edges.flatMap((e) => e.node.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e.context).toContain(`»${e.quote}«`);
      expect(e.context.length).toBeGreaterThan(e.quote.length + 2);
    }
  });

  it('every operation answers the same as when it reads every property', async () => {
    const ops: PlanOperation[] = [
      ...(await runPlanOperations(fetchRunner(app))),
      ...EXAMPLES.map((e, i) => ({ name: `example ${i}`, query: e.query, variables: e.variables })),
    ];
    const run = fetchRunner(app);
    let compared = 0;
    for (const op of ops) {
      const lean = await run(op);
      const full = (await run({ ...op, query: withReaders(op.query) })) as Record<string, unknown>;
      delete full.zzReaders;
      expect(lean, op.name).toEqual(full);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  }, 300_000);
});
