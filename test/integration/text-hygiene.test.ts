import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'editor-secret-0123456789';
const auth = { authorization: `Bearer ${EDITOR}` };
const MEMBER = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';
const RETRACT = 'mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { removedEdges } }';
const CORRECT = `mutation($id: ID!, $statement: String, $reason: String!) {
  correctClaim(id: $id, input: { statement: $statement, reason: $reason }) { statement } }`;
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';

const INVISIBLE = [
  '\u200B',
  '\u200B\u200B\u200B',
  ' \u200C\u200D\u2060\uFEFF ',
  '\u00AD\u180E\u3164',
  '\u2800\u115F',
  '\u202E\u200B',
];
const CONTROL = ['a\u0000b', 'line\u0007bell', 'esc\u001B[31m', 'del\u007F', 'c1\u0085x'];
const BIDI = ['\u202Aa', '\u202Bb', '\u202Cc', 'evil\u202Etxt.exe', '\u2066x\u2069', '\u2067x', '\u2068x'];

describe('text and date hygiene', () => {
  const db = testDatabase();
  const { gql } = testApp(db, { apiKeys: [{ name: 'ed', role: 'editor', sha256: sha256Hex(EDITOR) }] });
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it.each([
    ...INVISIBLE.map((s) => ['invisible only', s] as const),
    ...CONTROL.map((s) => ['a control character', s] as const),
    ...BIDI.map((s) => ['a bidi override or isolate', s] as const),
  ])('refuses a reason or statement with %s (%j), and writes nothing', async (_kind, value) => {
    const before = await graphCounts(db);
    const retract = await gql(RETRACT, { id: MEMBER, reason: value }, auth);
    expect(retract.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byReason = await gql(CORRECT, { id: MEMBER, statement: 'Turkey is in NATO.', reason: value }, auth);
    expect(byReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byStatement = await gql(CORRECT, { id: MEMBER, statement: value, reason: 'a reason' }, auth);
    expect(byStatement.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const claim = await gql(`{ claim(id: "${MEMBER}") { retracted corrections } }`);
    expect(claim.data.claim).toEqual({ retracted: false, corrections: 0 });
    expect(await graphCounts(db)).toEqual(before);
  });

  it('accepts ordinary text with diacritics, quotes, tabs and new lines', async () => {
    const r = await gql(
      CORRECT,
      { id: MEMBER, statement: 'Die Türkei ist „Nato“-Mitglied – seit 1952.', reason: 'a\treason\nwith lines' },
      auth,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.correctClaim.statement).toBe('Die Türkei ist „Nato“-Mitglied – seit 1952.');
  });

  it.each([
    ['a NUL byte', '\u0000'],
    ['a bidi override', '\u202E'],
    ['a bidi isolate', '\u2066'],
  ])('refuses annotations with %s in a value as ANNOTATION_INVALID, naming the place', async (_kind, char) => {
    const before = await graphCounts(db);
    const yaml = readFileSync(`${SECOND}/annotations.yaml`, 'utf8').replace(
      'name: "Test desk"',
      `name: "Test${char === '\u0000' ? '\\0' : char}desk"`,
    );
    const r = await gql(
      INGEST,
      { input: { articleText: readFileSync(`${SECOND}/article.txt`, 'utf8'), annotationsYaml: yaml } },
      auth,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('ANNOTATION_INVALID');
    const problems = (r.errors?.[0]?.extensions as { problems?: { path: string; message: string; line: number }[] })
      ?.problems;
    expect(problems?.[0]).toMatchObject({ path: 'entities[0].name', line: expect.any(Number) });
    expect(await graphCounts(db)).toEqual(before);
  });

  it('refuses an article text with a NUL byte or a bidi override', async () => {
    const text = readFileSync(`${SECOND}/article.txt`, 'utf8');
    const yaml = readFileSync(`${SECOND}/annotations.yaml`, 'utf8');
    for (const bad of [`${text}\u0000`, `\u202E${text}`]) {
      const r = await gql(INGEST, { input: { articleText: bad, annotationsYaml: yaml } }, auth);
      expect(r.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|ANNOTATION_INVALID)$/);
    }
  });

  it.each([
    ['from', '2022-02-30'],
    ['to', '2021-02-29'],
    ['from', '2022-04-31'],
    ['to', '2022-00'],
    ['from', '2022-01-00'],
  ])('refuses the impossible date %s: %s with BAD_USER_INPUT', async (field, value) => {
    for (const q of [
      `query($d: String) { events(filter: { ${field}: $d }) { totalCount } }`,
      `query($d: String) { timeline(filter: { ${field}: $d }) { dated { key } } }`,
    ]) {
      const r = await gql(q, { d: value });
      expect(r.errors?.[0]?.extensions?.code, q).toBe('BAD_USER_INPUT');
    }
  });

  it('accepts a leap day', async () => {
    const r = await gql('{ events(filter: { from: "2020-02-29", to: "2024-02-29" }) { totalCount } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.events.totalCount).toBeGreaterThan(0);
  });
});
