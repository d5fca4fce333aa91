import type { Case, CategoryFile } from '../case.js';

/** `open` `depth` times, then `leaf`, then the closing braces. */
const nest = (depth: number, open: string, leaf: string) => `${open.repeat(depth)}${leaf}${' }'.repeat(depth)}`;

export default {
  about: 'nesting from 3 to 5 000 levels: unknown fields, fragments, cycles of the schema, introspection',
  cases: [
    ...[50, 200, 5_000].map(
      (d): Case => ({ name: `unknown fields nested ${d}`, query: `{ ${nest(d, 'a { ', 'b')} }`, expect: 'error' }),
    ),
    ...[50, 200, 2_000].map(
      (d): Case => ({
        name: `inline fragments nested ${d}`,
        query: `{ ${nest(d, '... on Query { ', '__typename')} }`,
        expect: 'either',
      }),
    ),
    ...[50, 200].flatMap((d): Case[] => [
      {
        name: `evidence/claim cycle nested ${d}`,
        query: `{ claims(first: 1) { edges { node { ${nest(d, 'evidence { claim { ', 'key')}${' }'.repeat(d)} } } } }`,
        expect: 'either',
      },
      {
        name: `entity relations nested ${d}`,
        query: `{ entity(id: "turkey") { ${nest(d, '... on Actor { relations { from { ', '__typename')}${' }'.repeat(2 * d)} } }`,
        expect: 'either',
      },
    ]),
    {
      name: 'ofType chain 50 in introspection',
      query: `{ __schema { types { ${nest(50, 'ofType { ', 'name')} } } }`,
      expect: 'either',
    },
    ...[3, 6].map(
      (d): Case => ({
        name: `introspection fields/type fan-out ${d}`,
        query: `{ __type(name: "Query") { ${nest(d, 'fields { type { ', 'name')}${' }'.repeat(d)} } }`,
        expect: 'either',
      }),
    ),
  ],
} satisfies CategoryFile;
