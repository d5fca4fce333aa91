import type { CategoryFile } from '../case.js';

export default {
  about: 'documents and bodies of 100 KB to 5 MB (the body limit is 1 MiB)',
  cases: [
    { name: '2 MB document of {a} repeated', query: '{a}'.repeat(700_000), expect: 'error' },
    {
      name: '5 MB body (padding variable)',
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(5e6) },
      expect: 'error',
    },
    { name: '5 MB document of comments', query: `# ${'x'.repeat(5e6)}\n{ __typename }`, expect: 'error' },
    {
      name: '900 KB whitespace around { __typename }',
      query: `${' '.repeat(900_000)}{ __typename }`,
      expect: 'either',
    },
    { name: '20k tokens { __typename … }', query: `{ ${'__typename '.repeat(20_000)}}`, expect: 'either' },
    {
      name: '900 KB string literal argument',
      query: `{ search(query: "${'x'.repeat(900_000)}") { score } }`,
      expect: 'either',
    },
    { name: '100 KB field name', query: `{ ${'a'.repeat(100_000)} }`, expect: 'error' },
    { name: '50k operations in one document', query: 'query Q { __typename } '.repeat(40_000), expect: 'error' },
  ],
} satisfies CategoryFile;
