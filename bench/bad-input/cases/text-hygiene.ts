import { type Case, type CategoryFile, EDITOR_HEADERS, FIXTURE_ARTICLE, replaced, SEEDED_CLAIM } from '../case.js';

/** [what it is, a text]: control and bidi characters (refused in stored text), and invisible-only text. */
const VALUES: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['bell', 'line\u0007bell'],
  ['escape sequence', 'esc\u001B[31m'],
  ['DEL', 'del\u007F'],
  ['C1 control', 'c1\u0085x'],
  ['bidi override', 'evil\u202Etxt.exe'],
  ['bidi embedding', '\u202Aa'],
  ['bidi isolate', '\u2066x\u2069'],
  ['only zero-width space', '\u200B\u200B'],
  ['only joiners and BOM', ' \u200C\u200D\u2060\uFEFF '],
];

const RETRACT = 'mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { removedEdges } }';
const CORRECT = `mutation($id: ID!, $statement: String, $reason: String!) {
  correctClaim(id: $id, input: { statement: $statement, reason: $reason }) { statement } }`;
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';

const { articleText: ARTICLE, annotationsYaml: ANNOTATIONS } = FIXTURE_ARTICLE;
const withName = (name: string) => replaced(ANNOTATIONS, 'name: "Test desk"', `name: "${name}"`);

const ingest = (name: string, articleText: string, annotationsYaml: string): Case => ({
  name: `ingestArticle (editor key): ${name}`,
  query: INGEST,
  variables: { input: { articleText, annotationsYaml } },
  headers: EDITOR_HEADERS,
  expect: 'error',
  code: 'ANNOTATION_INVALID',
});

export default {
  about: 'control, bidi and invisible-only text in mutation inputs: UNAUTHENTICATED without a key, refused with one',
  cases: [
    ...VALUES.flatMap(([what, value]): Case[] => [
      {
        name: `retractClaim reason with ${what}, no key`,
        query: RETRACT,
        variables: { id: SEEDED_CLAIM, reason: value },
        expect: 'error',
        code: 'UNAUTHENTICATED',
      },
      {
        name: `retractClaim reason with ${what} (editor key)`,
        query: RETRACT,
        variables: { id: SEEDED_CLAIM, reason: value },
        headers: EDITOR_HEADERS,
        expect: 'error',
        code: 'BAD_USER_INPUT',
      },
      {
        name: `correctClaim statement with ${what} (editor key)`,
        query: CORRECT,
        variables: { id: SEEDED_CLAIM, statement: value, reason: 'a reason' },
        headers: EDITOR_HEADERS,
        expect: 'error',
        code: 'BAD_USER_INPUT',
      },
      {
        name: `correctClaim reason with ${what} (editor key)`,
        query: CORRECT,
        variables: { id: SEEDED_CLAIM, statement: 'Turkey is in NATO.', reason: value },
        headers: EDITOR_HEADERS,
        expect: 'error',
        code: 'BAD_USER_INPUT',
      },
    ]),
    ingest('a NUL byte in the article text', `${ARTICLE}\u0000`, ANNOTATIONS),
    ingest('a bidi override before the article text', `\u202E${ARTICLE}`, ANNOTATIONS),
    ingest('a NUL byte in an entity name', ARTICLE, withName('Test\\0desk')),
    ingest('a bidi override in an entity name', ARTICLE, withName('Test\u202Edesk')),
    ingest('a bidi isolate in an entity name', ARTICLE, withName('Test\u2066desk')),
  ],
} satisfies CategoryFile;
