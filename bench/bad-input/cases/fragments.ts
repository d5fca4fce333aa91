import type { Case, CategoryFile } from '../case.js';

/** F0 spreads F1 twice, F1 spreads F2 twice …: 2^levels spreads once expanded. */
const bomb = (levels: number) =>
  Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { __typename ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : ''} }`,
  ).join('\n');
const WIDE = Array.from({ length: 500 }, (_, i) => `fragment W${i} on Query { __typename }`).join('\n');

export default {
  about: 'fragment cycles, undefined and unused fragments, fragment bombs',
  cases: [
    {
      name: 'cycle A <-> B',
      query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      expect: 'error',
    },
    { name: 'self cycle', query: '{ ...A } fragment A on Query { __typename ...A }', expect: 'error' },
    {
      name: '3-cycle',
      query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }',
      expect: 'error',
    },
    { name: 'undefined fragment', query: '{ ...Nope }', expect: 'error' },
    { name: 'unused fragment', query: '{ __typename } fragment A on Query { __typename }', expect: 'error' },
    { name: 'fragment on unknown type', query: '{ ...A } fragment A on Nope { __typename }', expect: 'error' },
    { name: 'fragment on a scalar', query: '{ ...A } fragment A on String { __typename }', expect: 'error' },
    ...[16, 40].map(
      (levels): Case => ({ name: `fragment bomb 2^${levels}`, query: `{ ...F0 }\n${bomb(levels)}`, expect: 'either' }),
    ),
    {
      name: '500 fragments spread at once',
      query: `{ ${Array.from({ length: 500 }, (_, i) => `...W${i}`).join(' ')} }\n${WIDE}`,
      expect: 'either',
    },
  ],
} satisfies CategoryFile;
