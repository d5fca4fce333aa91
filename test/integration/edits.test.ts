import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { testApp } from '../helpers/app.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const EDITOR = 'editor-secret-0123456789';
const apiKeys = [{ name: 'ed', role: 'editor' as const, sha256: sha256Hex(EDITOR) }];
const auth = { authorization: `Bearer ${EDITOR}` };
const MEMBER = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';

const CORRECT = `mutation($id: ID!, $input: CorrectClaimInput!) {
  correctClaim(id: $id, input: $input) { statement stance corrections history assertedBy { key } } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) {
  retractClaim(id: $id, reason: $reason) { removedEdges claim { retracted retractedReason retractedAt retractedBy } } }`;
const CLAIM = `query($id: ID!) { claim(id: $id) {
  statement stance corrections history retracted retractedReason retractedAt retractedBy assertedBy { key } } }`;
const INGEST = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { documentId claims keptRetractions keptCorrections droppedEdits } }`;
const article = {
  articleText: readFileSync(`${ARTICLE}/article.txt`, 'utf8'),
  annotationsYaml: readFileSync(`${ARTICLE}/annotations.yaml`, 'utf8'),
  slug: '2022-01-flashup-moskau-ankara',
};

describe('edits survive: corrections and retractions are serialised on the claim', () => {
  const db = testDatabase();
  const { gql } = testApp(db, { apiKeys });
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  beforeEach(async () => {
    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
  });
  afterAll(() => db.close());

  const claim = async (id: string) => (await gql(CLAIM, { id })).data.claim;
  const memberships = async () =>
    (await gql('{ entity(id: "turkey") { ... on State { memberships { kind } } } }')).data.entity.memberships;

  it('keeps all 10 versions when 10 corrections of one claim run at once', async () => {
    const original = (await claim(MEMBER)).statement;
    const statements = Array.from({ length: 10 }, (_, i) => `Version ${i + 1} of the membership claim.`);
    const replies = await Promise.all(
      statements.map((statement) => gql(CORRECT, { id: MEMBER, input: { statement, reason: 'concurrent' } }, auth)),
    );
    for (const r of replies) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    // Each reply saw its own version, numbered 1..10 in the order the transactions committed.
    expect(replies.map((r) => r.data.correctClaim.corrections).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    const after = await claim(MEMBER);
    expect(after.corrections).toBe(10);
    expect(after.history).toHaveLength(10);
    const earlier = after.history.map((h: string) => JSON.parse(h).statement);
    expect(earlier[0]).toBe(original);
    expect(new Set(earlier).size).toBe(10);
    // The history and the current statement hold every version exactly once.
    expect([...earlier, after.statement].sort()).toEqual([original, ...statements].sort());
  });

  it('refuses a second retraction with ALREADY_RETRACTED and keeps the first reason and time', async () => {
    const first = await gql(RETRACT, { id: MEMBER, reason: 'first reason' }, auth);
    expect(first.errors).toBeUndefined();
    const before = await claim(MEMBER);
    const second = await gql(RETRACT, { id: MEMBER, reason: 'second reason' }, auth);
    expect(second.errors?.[0]?.extensions?.code).toBe('ALREADY_RETRACTED');
    expect(await claim(MEMBER)).toEqual(before);
    expect(before).toMatchObject({ retracted: true, retractedReason: 'first reason', retractedBy: 'ed' });
  });

  it('lets exactly one of 5 simultaneous retractions through', async () => {
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => gql(RETRACT, { id: MEMBER, reason: `reason ${i}` }, auth)),
    );
    const ok = replies.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(replies.filter((r) => r.errors?.[0]?.extensions?.code === 'ALREADY_RETRACTED')).toHaveLength(4);
    expect((await claim(MEMBER)).retractedReason).toBe(ok[0]?.data.retractClaim.claim.retractedReason);
  });

  it('refuses to correct a retracted claim with CLAIM_RETRACTED and changes nothing', async () => {
    await gql(RETRACT, { id: MEMBER, reason: 'wrong' }, auth);
    const before = await claim(MEMBER);
    const r = await gql(CORRECT, { id: MEMBER, input: { statement: 'Something else.', reason: 'fix' } }, auth);
    expect(r.errors?.[0]?.extensions?.code).toBe('CLAIM_RETRACTED');
    expect(await claim(MEMBER)).toEqual(before);
  });

  it('loses no edit that runs at the same time as a re-ingest of the document', async () => {
    for (let round = 1; round <= 3; round++) {
      const [ingest, fix, retract] = await Promise.all([
        gql(INGEST, { input: article }, auth),
        gql(CORRECT, { id: MEMBER, input: { statement: `Round ${round}.`, reason: 'during ingest' } }, auth),
        gql(RETRACT, { id: 'flashup-2022-01-moskau-ankara:c-putin-president', reason: `round ${round}` }, auth),
      ]);
      expect(ingest.errors, JSON.stringify(ingest.errors)).toBeUndefined();
      expect(fix.errors, JSON.stringify(fix.errors)).toBeUndefined();
      if (round === 1) expect(retract.errors, JSON.stringify(retract.errors)).toBeUndefined();
      else expect(retract.errors?.[0]?.extensions?.code).toBe('ALREADY_RETRACTED');
      const c = await claim(MEMBER);
      expect(c).toMatchObject({ statement: `Round ${round}.`, corrections: round });
      expect(c.history).toHaveLength(round);
      expect((await claim('flashup-2022-01-moskau-ankara:c-putin-president')).retractedReason).toBe('round 1');
    }
  });

  it('serialises corrections that waited for a claim while a re-ingest replaced its node', async () => {
    // What a re-ingest does to a claim, in a transaction held open: lock it, delete it, create it anew.
    const session = db.driver.session({ database: db.connection.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(
        `MATCH (c:Claim {id: $id})-[:ASSERTED_BY]->(who)
         SET c.editLock = true REMOVE c.editLock
         WITH c, who, properties(c) AS props
         DETACH DELETE c
         WITH who, props
         CREATE (n:Claim)-[:ASSERTED_BY]->(who) SET n = props`,
        { id: MEMBER },
      );
      const replies = Promise.all(
        ['First.', 'Second.'].map((statement) =>
          gql(CORRECT, { id: MEMBER, input: { statement, reason: 'waited' } }, auth),
        ),
      );
      // Both wait for the lock held by the transaction above before it commits.
      for (let i = 0; i < 240; i++) {
        const blocked = await db.read<{ n: number }>(
          'blocked',
          "SHOW TRANSACTIONS YIELD currentQuery, status WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'editLock' RETURN count(*) AS n",
        );
        if (blocked[0]?.n === 2) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await tx.commit();
      for (const r of await replies) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    } finally {
      await session.close();
    }
    const after = await claim(MEMBER);
    expect(after.corrections).toBe(2);
    const earlier = after.history.map((h: string) => JSON.parse(h).statement);
    expect(new Set(earlier).size).toBe(2);
    expect([...earlier, after.statement].sort()).toEqual(['First.', 'Second.', 'Turkey is a member of NATO.'].sort());
  });

  it('re-ingesting the article keeps retractions and corrections of its claims, and says so', async () => {
    const corrected = 'flashup-2022-01-moskau-ankara:c-phone-call-sunday';
    expect(await memberships()).toHaveLength(1);
    expect((await gql(RETRACT, { id: MEMBER, reason: 'editorial retraction' }, auth)).errors).toBeUndefined();
    const fix = await gql(
      CORRECT,
      {
        id: corrected,
        input: { statement: 'A corrected statement.', stance: 'ATTRIBUTED', assertedBy: 'kremlin', reason: 'fix' },
      },
      auth,
    );
    expect(fix.errors, JSON.stringify(fix.errors)).toBeUndefined();
    const retractedBefore = await claim(MEMBER);
    const correctedBefore = await claim(corrected);

    const r = await gql(INGEST, { input: article }, auth);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.ingestArticle).toMatchObject({ keptRetractions: 1, keptCorrections: 1, droppedEdits: [] });
    expect(await claim(MEMBER)).toEqual(retractedBefore);
    expect(await claim(corrected)).toEqual(correctedBefore);
    expect(correctedBefore).toMatchObject({
      statement: 'A corrected statement.',
      stance: 'ATTRIBUTED',
      assertedBy: { key: 'kremlin' },
      corrections: 1,
    });
    // The MEMBER_OF edge the retraction removed stays removed.
    expect(await memberships()).toEqual([]);

    // The CLI's loader does the same (it prints the same summary).
    const summary = await ingestArticle(db, ARTICLE);
    expect(summary).toMatchObject({ keptRetractions: 1, keptCorrections: 1, droppedEdits: [] });
    expect(await claim(MEMBER)).toEqual(retractedBefore);
    expect(await memberships()).toEqual([]);
  });
});
