import { aliases, type Case, type CategoryFile } from '../case.js';

export default {
  about: 'alias bombs: up to 1 000 aliases of search, traversals, nested entities (the limit is 30)',
  cases: [
    ...[1000, 100, 31, 30].map(
      (n): Case => ({
        name: `${n} aliases of search(query:"x"){score}`,
        query: aliases(n, 'search(query: "x") { score }'),
        expect: 'either',
      }),
    ),
    { name: '1000 aliases of __typename', query: aliases(1000, '__typename'), expect: 'either' },
    {
      name: '30 aliases of neighborhood depth 3',
      query: aliases(30, 'neighborhood(id: "turkey", depth: 3, limit: 200) { nodes { id } }'),
      expect: 'either',
    },
    {
      name: '30 aliases of shortestPath maxHops 6',
      query: aliases(30, 'shortestPath(from: "putin", to: "libya", maxHops: 6) { length }'),
      expect: 'either',
    },
    {
      name: 'nested aliases 30 x 30',
      query: `{ ${Array.from({ length: 30 }, (_, i) => `e${i}: entity(id: "turkey") ${aliases(30, 'name')}`).join(' ')} }`,
      expect: 'either',
    },
  ],
} satisfies CategoryFile;
