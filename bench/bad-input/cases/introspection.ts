import { aliases, type CategoryFile } from '../case.js';

const FULL = `{ __schema { queryType { name } mutationType { name } types { kind name description fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } defaultValue } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } inputFields { name type { kind name ofType { kind name } } } interfaces { name } enumValues(includeDeprecated: true) { name } possibleTypes { name } } directives { name locations args { name } } } }`;

export default {
  about: 'full introspection, introspection multiplied by aliases, huge __type names',
  cases: [
    { name: 'full introspection', query: FULL, expect: 'either' },
    {
      name: '30 aliases of __schema types fields',
      query: aliases(30, '__schema { types { name fields { name args { name } } } }'),
      expect: 'either',
    },
    { name: '__type of an unknown type', query: '{ __type(name: "Nope") { name } }', expect: 'either' },
    {
      name: '__type name 100k chars',
      query: `{ __type(name: "${'N'.repeat(100_000)}") { name } }`,
      expect: 'either',
    },
    { name: '__typename x 3000', query: `{ ${'__typename '.repeat(3_000)}}`, expect: 'either' },
  ],
} satisfies CategoryFile;
