import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'editor-secret-0123456789';
const READER = 'reader-secret-0123456789';
const apiKeys = [
  { name: 'ed', role: 'editor' as const, sha256: sha256Hex(EDITOR) },
  { name: 'rd', role: 'reader' as const, sha256: sha256Hex(READER) },
];
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId claims evidence document { title } } }`;
const second = {
  articleText: readFileSync(`${SECOND}/article.txt`, 'utf8'),
  annotationsYaml: readFileSync(`${SECOND}/annotations.yaml`, 'utf8'),
};

describe('writes: authenticated, validated, one transaction each', () => {
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

  it.each([
    ['no credential', {}, 'UNAUTHENTICATED'],
    ['a wrong credential', bearer('not-a-key'), 'UNAUTHENTICATED'],
    ['a malformed header', { authorization: 'Basic abc' }, 'UNAUTHENTICATED'],
    ['a reader trying to write', bearer(READER), 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_name, headers, code) => {
    const before = await graphCounts(db);
    const r = await gql(INGEST, { input: second }, headers);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    const retract = await gql(
      'mutation { retractClaim(id: "flashup-2022-01-moskau-ankara:c-turkey-member-of-nato", reason: "x") { removedEdges } }',
      {},
      headers,
    );
    expect(retract.errors?.[0]?.extensions?.code).toBe(code);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('lets an editor ingest an article, and reads stay public', async () => {
    const r = await gql(INGEST, { input: second }, bearer(EDITOR));
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.ingestArticle).toMatchObject({ documentId: 'test-second-article', claims: 4, evidence: 4 });
    expect(r.data.ingestArticle.document.title).toBe('Erdogan bekräftigt Nato-Mitgliedschaft der Türkei');
    const read = await gql('{ documents { totalCount } }');
    expect(read.data.documents.totalCount).toBe(2);
  });

  it('rejects invalid annotations with every problem and writes nothing', async () => {
    const before = await graphCounts(db);
    const bad = {
      ...second,
      annotationsYaml: second.annotationsYaml
        .replace('dass die Türkei fest in der Nato verankert bleibe', 'dass die Türkei in der Nato bleibe')
        .replace('sources: [erdogan]', 'sources: [nobody]'),
    };
    const r = await gql(INGEST, { input: bad }, bearer(EDITOR));
    expect(r.errors?.[0]?.extensions?.code).toBe('ANNOTATION_INVALID');
    const problems =
      (r.errors?.[0]?.extensions as { problems?: { message: string; line: number }[] } | undefined)?.problems ?? [];
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/quote not found/),
        expect.stringMatching(/unknown entity "nobody"/),
      ]),
    );
    expect(problems.every((p) => p.line > 0)).toBe(true);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('retracts a claim: it stays for the record, and the relationship it alone supported goes', async () => {
    const id = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';
    const r = await gql(
      `mutation { retractClaim(id: "${id}", reason: "test retraction") { removedEdges claim { retracted retractedReason } } }`,
      {},
      bearer(EDITOR),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.retractClaim).toEqual({
      removedEdges: 1,
      claim: { retracted: true, retractedReason: 'test retraction' },
    });
    const after = await gql(
      `{ entity(id: "turkey") { ... on State { memberships { kind } } } claim(id: "${id}") { retracted evidence { quote } } }`,
    );
    expect(after.data.entity.memberships).toEqual([]);
    expect(after.data.claim.evidence.length).toBeGreaterThan(0);
    const unknown = await gql(
      'mutation { retractClaim(id: "no-such-claim", reason: "x") { removedEdges } }',
      {},
      bearer(EDITOR),
    );
    expect(unknown.data.retractClaim).toBeNull();
  });

  it('corrects a claim and keeps what it said before', async () => {
    const id = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';
    const r = await gql(
      `mutation { correctClaim(id: "${id}", input: { statement: "Turkey has been a NATO member since 1952.", stance: ATTRIBUTED, assertedBy: "erdogan", reason: "more precise" }) {
        statement stance corrections history assertedBy { key } } }`,
      {},
      bearer(EDITOR),
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.correctClaim;
    expect(c).toMatchObject({
      statement: 'Turkey has been a NATO member since 1952.',
      stance: 'ATTRIBUTED',
      corrections: 1,
      assertedBy: { key: 'erdogan' },
    });
    expect(JSON.parse(c.history[0])).toMatchObject({
      statement: 'Turkey is a member of NATO.',
      stance: 'REPORTED',
      assertedBy: 'flashup',
      reason: 'more precise',
      by: 'ed',
    });
    const bad = await gql(
      `mutation { correctClaim(id: "${id}", input: { assertedBy: "atlantis", reason: "x" }) { statement } }`,
      {},
      bearer(EDITOR),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
