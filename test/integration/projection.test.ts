import { type GraphQLField, getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { ENTITY_TYPE_NAMES } from '../../src/domain/entities.js';
import { NODE_ROW_KEYS } from '../../src/domain/records.js';
import { schema } from '../../src/graphql/index.js';
import { CLAIM_DETAIL_KEYS } from '../../src/repositories/rows.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';
import { everyOperation, fetchRunner, PLAN_LIMITS } from '../helpers/plan-operations.js';

/**
 * What to select of a field that takes no required argument: itself when it is a leaf, the keys of
 * the elements of the graph it gives, the leaves of another object (a date, a CAMEO code, a source).
 */
function leafSelection(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  // Elements of the graph (a list may be filtered or sorted by a property): their keys.
  if ((isObjectType(type) || isInterfaceType(type)) && type.getFields().key) return `${field.name} { key }`;
  if (!isObjectType(type)) return null;
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
  return leaves.length === 0 ? null : `${field.name} { ${leaves.map((f) => f.name).join(' ')} }`;
}

describe('queries send the long texts and lists of a node only when the operation reads them', () => {
  const db = testDatabase(30_000);
  const { app, gql } = testApp(db, { limits: PLAN_LIMITS });
  const run = fetchRunner(app);
  // Every property in every query, whatever the fields of graphql/projection.ts say.
  const runFull = fetchRunner(testApp(db, { limits: PLAN_LIMITS, projection: false }).app);
  // The rows of the preload path: a compiled list (graphql/compile.ts) sends only the selected fields.
  const preloading = testApp(db, { limits: PLAN_LIMITS, compile: false });
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  /** The rows Neo4j gives for the queries an operation sends. */
  async function rowsOf(query: string): Promise<Record<string, unknown>[]> {
    const sent: SentQuery[] = [];
    db.onQuery = (q) => sent.push(q);
    try {
      const r = await preloading.gql(query);
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

  it("leaves out what only a field reads (an event's type, CAMEO code and date, a claim's stance, an evidence's offsets) when the operation does not read it", async () => {
    const nested = (event: string, claim: string, evidence: string) =>
      `{ disputes(first: 10) { edges { node { name events { label ${event} claims { statement ${claim} evidence { quote ${evidence} } } } } } } }`;
    const rows = await rowsOf(nested('', '', ''));
    const events = pickIn(rows, (v) => rowOf('Event', v));
    const claims = pickIn(rows, (v) => rowOf('Claim', v));
    const evidence = evidenceIn(rows);
    expect(events.length).toBeGreaterThan(5);
    expect(claims.length).toBeGreaterThan(5);
    expect(evidence.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(e.label.length).toBeGreaterThan(0);
      // A required property left out comes as false, an optional one as null.
      expect([e.type, e.cameo, e.quadClass, e.dateValue, e.datePrecision, e.dateText]).toEqual([
        false,
        false,
        false,
        null,
        false,
        null,
      ]);
    }
    for (const c of claims) {
      expect(c.statement.length).toBeGreaterThan(0);
      expect([c.localId, c.documentId, c.stance, c.aboutKind, c.aboutId, c.relationType]).toEqual([
        ...Array(5).fill(false),
        null,
      ]);
    }
    for (const e of evidence) {
      expect(e.quote.length).toBeGreaterThan(0);
      expect([e.documentId, e.claimId, e.start, e.end, e.sentenceIndex]).toEqual(Array(5).fill(false));
    }
    const full = await rowsOf(
      nested('type cameo { code } date { value }', 'stance document { key }', 'start end sentenceIndex claim { key }'),
    );
    for (const e of pickIn(full, (v) => rowOf('Event', v))) {
      expect(e.type).toMatch(/^[A-Z_]+$/);
      expect(e.cameo).toMatch(/^\d+$/);
      expect(e.datePrecision).toMatch(/^[A-Z]+$/);
    }
    for (const c of pickIn(full, (v) => rowOf('Claim', v))) {
      expect(c.stance).toMatch(/^[A-Z_]+$/);
      expect(c.documentId.length).toBeGreaterThan(0);
    }
    for (const e of evidenceIn(full)) {
      expect(e.end - e.start).toBe(e.quote.length);
      expect(e.claimId.length).toBeGreaterThan(0);
    }
  });

  it("leaves out an event's Goldstein value, status and date wording unless a field reads them (a dyad's sums are Neo4j's)", async () => {
    const timeline = (fields: string) => `{ timeline(filter: { actor: "turkey" }) { dated { key ${fields} } } }`;
    const lean = pickIn(await rowsOf(timeline('label date { value }')), (v) => rowOf('Event', v));
    expect(lean.length).toBeGreaterThan(5);
    for (const e of lean) expect([e.goldstein, e.status, e.dateText]).toEqual([false, false, null]);
    const worded = pickIn(await rowsOf(timeline('date { value text }')), (v) => rowOf('Event', v));
    expect(worded.filter((e) => typeof e.dateText === 'string').length).toBeGreaterThan(0);
    for (const fields of ['goldstein status', 'cooperation']) {
      const full = pickIn(await rowsOf(timeline(fields)), (v) => rowOf('Event', v));
      expect(full.length).toBe(lean.length);
      for (const e of full) expect(typeof e.goldstein, fields).toBe('number');
    }
    // A dyad counts and sums in Neo4j: its events' rows leave both out, its answers stay the same.
    const dyad = `{ dyad(a: "russia", b: "turkey") { eventCount goldsteinSum cooperationSum conflictSum countedStatuses
      events { direction cooperation event { key } } } }`;
    const dyadRows = pickIn(await rowsOf(dyad.replace('direction cooperation', 'direction')), (v) => rowOf('Event', v));
    expect(dyadRows.length).toBeGreaterThan(0);
    for (const e of dyadRows) expect([e.goldstein, e.status]).toEqual([false, false]);
    const [leanAnswer, fullAnswer] = await Promise.all([
      run({ name: 'dyad', query: dyad }),
      runFull({ name: 'dyad', query: dyad }),
    ]);
    expect(leanAnswer).toEqual(fullAnswer);
    expect(JSON.stringify(leanAnswer)).toContain('COOPERATION');
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

  it('every field of every node type answers the same as when the operation reads every property', async () => {
    // A few nodes of each label: of each kind of entity, each event type and date precision, each
    // claim stance and aspect (a left-out value reads as the first word of its vocabulary).
    const rows = await db.read<{ label: string; ids: string[] }>(
      'test-projection-ids',
      `MATCH (n:Entity) WITH n.kind AS k, collect(n.id)[..2] AS ids RETURN 'Entity' AS label, ids
       UNION ALL MATCH (n:Event) WITH n.type AS t, n.datePrecision AS p, collect(n.id)[..1] AS ids RETURN 'Event' AS label, ids
       UNION ALL MATCH (n:Claim) WITH n.stance AS s, n.aspect AS a, collect(n.id)[..2] AS ids RETURN 'Claim' AS label, ids
       UNION ALL MATCH (n) WHERE n:Dispute OR n:Document
       WITH labels(n)[0] AS label, collect(n.id)[..3] AS ids RETURN label, ids`,
    );
    const idsOf = (label: string) => rows.filter((r) => r.label === label).flatMap((r) => r.ids);
    const at = (root: string, label: string, selection: string) =>
      idsOf(label).map((id, i) => `${root}${i}: ${root}(id: ${JSON.stringify(id)}) { ${selection} }`);
    /** Where a row of each type comes from: a look-up (nodes-by-ids) and a list's preload. */
    const paths = (typeName: string, s: string): string[] => {
      if (typeName === 'Event') return [...at('event', 'Event', s), ...at('dispute', 'Dispute', `events { ${s} }`)];
      if (typeName === 'Claim') return [...at('claim', 'Claim', s), ...at('event', 'Event', `claims { ${s} }`)];
      if (typeName === 'Evidence') return at('claim', 'Claim', `evidence { ${s} }`);
      if (typeName === 'Dispute') return at('dispute', 'Dispute', s);
      if (typeName === 'Document') return at('document', 'Document', s);
      return at('entity', 'Entity', `... on ${typeName} { ${s} }`);
    };
    let compared = 0;
    for (const typeName of ['Event', 'Dispute', 'Claim', 'Evidence', 'Document', ...ENTITY_TYPE_NAMES]) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      for (const field of Object.values(type.getFields())) {
        const selection = leafSelection(field);
        if (selection === null) continue;
        const query = `{ ${paths(typeName, selection).join(' ')} }`;
        const op = { name: `${typeName}.${field.name}`, query };
        expect(await run(op), op.name).toEqual(await runFull(op));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  }, 300_000);

  it('every operation answers the same as when it reads every property', async () => {
    const ops = await everyOperation(run);
    let compared = 0;
    for (const op of ops) {
      expect(await run(op), op.name).toEqual(await runFull(op));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  }, 300_000);
});
