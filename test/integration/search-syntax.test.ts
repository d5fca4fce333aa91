import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/** Every keyword and operator of Lucene's classic query syntax. */
const SYNTAX = ['+', '-', '&&', '||', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];
const KEYWORDS = ['AND', 'OR', 'NOT', 'TO'];

const SEARCH = `query($q: String!) { search(query: $q, first: 100) { score node {
  ... on Entity { key } ... on Event { key } ... on Dispute { key } ... on Evidence { quote } } } }`;
const keys = (hits: { node: { key?: string; quote?: string } }[]) => hits.map((h) => h.node.key ?? h.node.quote);

describe('search input is treated as words', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  const queries = [
    ...[...SYNTAX, ...KEYWORDS].flatMap((op) => [
      op,
      `${op} Drohnen`,
      `Drohnen ${op}`,
      `Drohnen ${op} Nato`,
      `Drohnen${op}Nato`,
      `${op}Drohnen`,
      `Drohnen${op}`,
      `${op}${op}`,
    ]),
    'a OR b',
    'NOT',
    'NOT NOT',
    'AND OR NOT TO',
    '[Drohnen TO Nato]',
    '{a TO b}',
    'Drohnen~2',
    'Drohnen^10',
    'title:Drohnen',
    '"Drohnen',
    '/Drohn.*/',
    'Dro?nen',
    'Dro*',
    '\\\\',
    '&&&',
    '|||',
  ];

  it.each(queries)('searches %j without an error', async (q) => {
    const r = await gql(SEARCH, { q });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(Array.isArray(r.data.search)).toBe(true);
  });

  it.each(['NOT', 'AND', 'OR', '-', '!', '+'])('finds with "%s Drohnen" what "Drohnen" finds', async (op) => {
    const plain = await gql(SEARCH, { q: 'Drohnen' });
    expect(plain.data.search.length).toBeGreaterThan(0);
    const withOp = await gql(SEARCH, { q: `${op} Drohnen` });
    expect(withOp.errors).toBeUndefined();
    expect(keys(withOp.data.search)).toEqual(expect.arrayContaining(keys(plain.data.search)));
  });

  it('does not treat a word as a field name, a wildcard or a fuzzy search', async () => {
    // "Dro*" as a wildcard would find "Drohnen"; as words it finds nothing of the kind.
    for (const q of ['Dro*', 'Dro?nen', 'Drohnn~2']) {
      const r = await gql(SEARCH, { q });
      expect(r.errors).toBeUndefined();
      expect(
        keys(r.data.search).some((k) => /drohn/i.test(String(k))),
        q,
      ).toBe(false);
    }
  });
});
