import { aliases, type CategoryFile } from '../case.js';

export default {
  about: 'JSON arrays of operations (batching is off)',
  cases: [
    {
      name: 'array of 100 operations',
      json: Array.from({ length: 100 }, () => ({ query: '{ __typename }' })),
      expect: 'error',
    },
    {
      name: 'array of 2 operations',
      json: [{ query: '{ __typename }' }, { query: '{ __typename }' }],
      expect: 'error',
    },
    { name: 'empty array', json: [], expect: 'error' },
    {
      name: 'array of 100 alias bombs',
      json: Array.from({ length: 100 }, () => ({ query: aliases(30, 'search(query: "x") { score }') })),
      expect: 'error',
    },
  ],
} satisfies CategoryFile;
