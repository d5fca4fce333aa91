import type { CategoryFile } from '../case.js';

const ENTITY = 'query($id: ID!) { entity(id: $id) { name } }';
const FIRST = 'query($n: Int) { events(first: $n) { totalCount } }';
const KINDS = 'query($k: [RelationKind!]) { neighborhood(id: "turkey", kinds: $k) { truncated } }';
const FILTER = 'query($f: EventFilter) { events(filter: $f) { totalCount } }';

export default {
  about: 'variables of the wrong type, missing, undeclared, out of range; arguments out of range',
  cases: [
    { name: 'missing required variable', query: ENTITY, variables: {}, expect: 'error' },
    { name: 'null for a required variable', query: ENTITY, variables: { id: null }, expect: 'error' },
    { name: 'object for ID', query: ENTITY, variables: { id: { a: 1 } }, expect: 'error' },
    { name: 'list for ID', query: ENTITY, variables: { id: ['turkey'] }, expect: 'error' },
    { name: 'bool for ID', query: ENTITY, variables: { id: true }, expect: 'error' },
    { name: 'number for ID (coerced)', query: ENTITY, variables: { id: 123 }, expect: 'either' },
    {
      name: 'undeclared variable used',
      query: '{ entity(id: $id) { name } }',
      variables: { id: 'turkey' },
      expect: 'error',
    },
    { name: 'declared, unused', query: 'query($x: Int) { __typename }', variables: { x: 1 }, expect: 'error' },
    { name: 'variable of unknown type', query: 'query($x: Nope) { __typename }', variables: { x: 1 }, expect: 'error' },
    {
      name: 'variable of output type',
      query: 'query($x: Entity) { __typename }',
      variables: { x: {} },
      expect: 'error',
    },
    { name: 'Int overflow', query: FIRST, variables: { n: 2 ** 53 }, expect: 'error' },
    { name: 'float for Int', query: FIRST, variables: { n: 1.5 }, expect: 'error' },
    { name: 'string for Int', query: FIRST, variables: { n: '10' }, expect: 'error' },
    { name: 'negative first', query: '{ events(first: -1) { totalCount } }', expect: 'error' },
    { name: 'first 1000000', query: '{ events(first: 1000000) { totalCount } }', expect: 'error' },
    { name: 'last without before', query: '{ events(last: 5) { totalCount } }', expect: 'either' },
    {
      name: 'neighborhood depth 99',
      query: '{ neighborhood(id: "turkey", depth: 99) { truncated } }',
      expect: 'error',
    },
    { name: 'neighborhood limit 0', query: '{ neighborhood(id: "turkey", limit: 0) { truncated } }', expect: 'error' },
    {
      name: 'shortestPath maxHops 1000',
      query: '{ shortestPath(from: "putin", to: "nato", maxHops: 1000) { length } }',
      expect: 'error',
    },
    { name: 'timeline limit 1e6', query: '{ timeline(limit: 1000000) { undated { label } } }', expect: 'error' },
    {
      name: 'entitiesByName first 10000',
      query: '{ entitiesByName(name: "a", first: 10000) { name } }',
      expect: 'error',
    },
    { name: 'invalid enum value', query: KINDS, variables: { k: ['NOPE'] }, expect: 'error' },
    {
      name: 'enum as string literal',
      query: '{ neighborhood(id: "turkey", kinds: "MEMBER_OF") { truncated } }',
      expect: 'error',
    },
    { name: 'null inside non-null list', query: KINDS, variables: { k: [null] }, expect: 'error' },
    { name: 'unknown input field', query: FILTER, variables: { f: { nope: 1 } }, expect: 'error' },
    { name: 'bad ISO date in filter', query: FILTER, variables: { f: { from: '2022-13-45' } }, expect: 'error' },
    { name: 'date 100k chars', query: FILTER, variables: { f: { from: '9'.repeat(100_000) } }, expect: 'error' },
    {
      name: 'variables 10k keys',
      query: '{ __typename }',
      variables: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
      expect: 'either',
    },
    {
      name: '__proto__ in variables',
      query: FILTER,
      variables: JSON.parse('{"f":{"__proto__":{"types":["DEMAND"]}}}'),
      expect: 'either',
    },
    {
      name: 'constructor/prototype keys',
      query: FILTER,
      variables: { f: { constructor: { prototype: { x: 1 } } } },
      expect: 'error',
    },
  ],
} satisfies CategoryFile;
