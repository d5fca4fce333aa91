import type { Case, CategoryFile } from '../case.js';

const SEARCH = 'query($q: String!) { search(query: $q, first: 20) { score } }';

/** Lucene's operators, keywords and special characters: searched as words, never as syntax. */
const INPUTS = [
  'AND',
  'OR',
  'NOT',
  'TO',
  'NOT Drohnen',
  'Drohnen AND',
  'Drohnen AND Nato',
  'Drohnen OR NOT Nato',
  'AND OR NOT TO',
  '&&',
  '||',
  'Drohnen && Nato',
  'Drohnen || Nato',
  '!Drohnen',
  '+Drohnen -Nato',
  '-',
  '(Drohnen',
  'Drohnen)',
  '((((((((((Drohnen',
  '[Drohnen TO Nato]',
  '{a TO b}',
  'Drohnen~2',
  'Drohnen^10',
  'title:Drohnen',
  '*:*',
  '"Drohnen',
  '""',
  '/Drohn.*/',
  'Dro?nen',
  'Dro*',
  '*',
  '?',
  '\\',
  '\\\\',
  '&&&',
  '|||',
  ':',
  '~',
  '^',
];

export default {
  about: 'Lucene operators and special characters in search: answered with data, never an error',
  cases: [
    ...INPUTS.map(
      (q): Case => ({ name: `search ${JSON.stringify(q)}`, query: SEARCH, variables: { q }, expect: 'data' }),
    ),
    ...['NOT Drohnen', 'Drohnen && Nato', 'AND', '[* TO *]'].map(
      (q): Case => ({
        name: `search literal ${JSON.stringify(q)}`,
        query: `{ search(query: ${JSON.stringify(q)}) { score } }`,
        expect: 'data',
      }),
    ),
  ],
} satisfies CategoryFile;
