import type { CategoryFile } from '../case.js';

export default {
  about: 'unknown fields, arguments and operations; syntax errors',
  cases: [
    { name: 'unknown root field', query: '{ nope }', expect: 'error' },
    { name: 'unknown nested field', query: '{ entity(id: "turkey") { nope } }', expect: 'error' },
    { name: 'near-miss field (suggestions?)', query: '{ entitie { name } }', expect: 'error' },
    { name: 'unknown argument', query: '{ entity(id: "turkey", nope: 1) { name } }', expect: 'error' },
    { name: 'missing selection set', query: '{ entity(id: "turkey") }', expect: 'error' },
    { name: 'selection on a scalar', query: '{ __typename { a } }', expect: 'error' },
    { name: 'subscription', query: 'subscription { __typename }', expect: 'error' },
    { name: 'mutation on an unknown field', query: 'mutation { nope }', expect: 'error' },
    {
      name: 'two operations, no operationName',
      query: 'query A { __typename } query B { __typename }',
      expect: 'error',
    },
    { name: 'unknown operationName', query: 'query A { __typename }', operationName: 'B', expect: 'error' },
    { name: 'syntax error', query: '{ entity(id: "turkey" { name } }', expect: 'error' },
    { name: 'unterminated string', query: '{ search(query: "x) { score } }', expect: 'error' },
    { name: 'only punctuation', query: '{{{{}}}}', expect: 'error' },
    { name: 'schema definition as a query', query: 'type Query { x: Int }', expect: 'error' },
  ],
} satisfies CategoryFile;
