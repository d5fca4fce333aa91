import type { CategoryFile } from '../case.js';

const BODIES = [
  '{',
  '{"query":',
  '[',
  'null',
  '123',
  '"{ __typename }"',
  'true',
  '{"query": 123}',
  '{"query": null}',
  '{"query": {}}',
  '{"query": ["{ __typename }"]}',
  '{"query":"{ __typename }","variables":"not json"}',
  '{"query":"{ __typename }","variables":[1,2]}',
  '{"query":"{ __typename }","operationName":123}',
  '{"query":"{ __typename }","extensions":"x"}',
  '{"query":"{ __typename }"} trailing garbage',
  "{'query':'{ __typename }'}",
  '{"query":"{ __typename }",}',
  '{"query":"{ __typename }"\u0000}',
];

/** 200 000 levels of arrays, inside the variables (valid JSON) and as the whole body. */
const DEEP_VARIABLES = `{"query":"{ __typename }","variables":{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
const DEEP_BODY = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;

export default {
  about: 'bodies that are not JSON, or JSON that is not a GraphQL request',
  cases: [
    ...BODIES.map((body, i) => ({
      name: `invalid json #${i + 1}: ${body.slice(0, 40)}`,
      body,
      expect: 'error' as const,
    })),
    { name: `invalid json #20: ${DEEP_VARIABLES.slice(0, 40)}`, body: DEEP_VARIABLES, expect: 'either' },
    { name: `invalid json #21: ${DEEP_BODY.slice(0, 40)}`, body: DEEP_BODY, expect: 'error' },
    { name: 'BOM before JSON', body: `\uFEFF${JSON.stringify({ query: '{ __typename }' })}`, expect: 'either' },
    { name: 'duplicate "query" keys', body: '{"query":"{ nope }","query":"{ __typename }"}', expect: 'either' },
  ],
} satisfies CategoryFile;
