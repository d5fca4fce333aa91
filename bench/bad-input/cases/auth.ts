import { sha256Hex } from '../../../src/auth.js';
import { type Case, type CategoryFile, EDITOR_HEADERS, EDITOR_SECRET, JSON_HEADERS } from '../case.js';

const INGEST =
  'mutation($t: String!, $y: String!) { ingestArticle(input: { articleText: $t, annotationsYaml: $y }) { documentId } }';
const VARIABLES = { t: 'Ein Text.', y: 'document: { id: x }' };
const withAuthorization = (name: string, authorization: string): Case => ({
  name,
  query: INGEST,
  variables: VARIABLES,
  headers: { ...JSON_HEADERS, authorization },
  expect: 'error',
});

/** Nine levels of aliases, nine references each: 9^9 strings once expanded. */
function yamlBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = 'bcdefghi';
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? 'a' : (names[i - 1] as string);
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

export default {
  about: 'mutations without or with wrong credentials; with the editor key, invalid or hostile input',
  cases: [
    { name: 'ingestArticle without credentials', query: INGEST, variables: VARIABLES, expect: 'error' },
    withAuthorization('ingestArticle with a wrong bearer', 'Bearer wrong'),
    withAuthorization('ingestArticle with Basic auth', 'Basic YTpi'),
    withAuthorization('ingestArticle with an empty bearer', 'Bearer '),
    withAuthorization('ingestArticle with a 6 KB bearer', `Bearer ${'k'.repeat(6_000)}`),
    withAuthorization('ingestArticle with the hash as the bearer', `Bearer ${sha256Hex(EDITOR_SECRET)}`),
    {
      name: 'ingestArticle, valid key, invalid YAML',
      query: INGEST,
      variables: { t: 'Text.', y: ': : : [' },
      headers: EDITOR_HEADERS,
      expect: 'error',
    },
    {
      name: 'ingestArticle, valid key, YAML bomb',
      query: INGEST,
      variables: { t: 'Text.', y: yamlBomb() },
      headers: EDITOR_HEADERS,
      expect: 'error',
    },
    {
      name: 'ingestArticle, valid key, 10 MB text',
      query: INGEST,
      variables: { t: 'x'.repeat(10e6), y: 'a: 1' },
      headers: EDITOR_HEADERS,
      expect: 'error',
    },
    {
      name: 'retractClaim without credentials',
      query: 'mutation { retractClaim(id: "x", reason: "MATCH (n) DETACH DELETE n") { removedEdges } }',
      expect: 'error',
    },
    {
      name: 'correctClaim without credentials',
      query: 'mutation { correctClaim(id: "x", input: { reason: "r", statement: "s" }) { key } }',
      expect: 'error',
    },
  ],
} satisfies CategoryFile;
