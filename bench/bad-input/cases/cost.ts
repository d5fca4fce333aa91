import { EXAMPLES } from '../../../src/graphiql/examples.js';
import type { CategoryFile } from '../case.js';

export default {
  about: 'expensive but valid fan-outs, and every GraphiQL example in one document',
  cases: [
    {
      name: 'wide fan-out: events → sources → events → sources',
      query:
        '{ events(first: 100) { edges { node { sources { ... on Actor { events { sources { ... on Actor { events { label sources { name } } } } } } } } } } }',
      expect: 'either',
    },
    {
      name: 'neighborhood depth 3 limit 200',
      query: '{ neighborhood(id: "turkey", depth: 3, limit: 200) { nodes { id } edges { id } } }',
      expect: 'either',
    },
    {
      name: 'every example in one document',
      query: EXAMPLES.map((e) => e.query.replace(/^#.*$/gm, '')).join('\n'),
      expect: 'error',
    },
  ],
} satisfies CategoryFile;
