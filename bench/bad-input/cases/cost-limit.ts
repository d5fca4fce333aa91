import { relationsBomb } from '../../ops.js';
import type { Case, CategoryFile } from '../case.js';

/** Over MAX_COST (50 000): refused before it runs, with LIMIT_EXCEEDED and limit "cost". */
const refused = (name: string, query: string, variables?: unknown): Case => ({
  name,
  query,
  variables,
  expect: 'error',
  code: 'LIMIT_EXCEEDED',
  limit: 'cost',
});

/** Russia's relations 4 deep, one fragment per level (the estimate must follow fragments). */
const THROUGH_FRAGMENTS = `{ a0: entity(id: "russia") { ...L0 } }
fragment L0 on Actor { relations { kind to { ...L1 } } }
fragment L1 on Actor { relations { kind to { ...L2 } } }
fragment L2 on Actor { relations { kind to { ...L3 } } }
fragment L3 on Actor { relations { kind to { ...L4 } } }
fragment L4 on Actor { relations { kind } }`;
const CHAIN = 'relations { claims { evidence { document { claims { evidence { quote } } } } } }';

export default {
  about: 'queries whose estimated cost is over the limit (MAX_COST 50 000), and the heaviest one under it',
  cases: [
    refused('the 951-character request: 4 aliases of relations 4 deep (53 228 560)', relationsBomb(4, 4)),
    refused('one alias of relations 4 deep', relationsBomb(4, 1)),
    refused('one alias of relations 3 deep', relationsBomb(3, 1)),
    refused('relations 2 deep in 5 aliases', relationsBomb(2, 5)),
    refused('relations 4 deep through named fragments', THROUGH_FRAGMENTS),
    refused(
      '100 actors × relations × claims × evidence × document × claims × evidence',
      `{ actors(first: 100) { edges { node { ${CHAIN} } } } }`,
    ),
    refused(
      'the same, page size from a variable',
      `query($n: Int) { actors(first: $n) { edges { node { ${CHAIN} } } } }`,
      { n: 100 },
    ),
    {
      ...refused('the 951-character request by GET', ''),
      query: undefined,
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(relationsBomb(4, 4))}`,
      headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
    },
    { name: 'relations 2 deep in 2 aliases (under the limit)', query: relationsBomb(2, 2), expect: 'data' },
  ],
} satisfies CategoryFile;
