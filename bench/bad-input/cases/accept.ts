import { type CategoryFile, JSON_HEADERS } from '../case.js';

const ACCEPTS = ['text/html', 'application/xml', 'image/png', '*/*', 'application/graphql-response+json'];

export default {
  about: 'Accept headers the server may not produce',
  cases: ACCEPTS.map((accept) => ({
    name: `accept ${accept}`,
    query: '{ __typename }',
    headers: { ...JSON_HEADERS, accept },
    expect: 'either' as const,
  })),
} satisfies CategoryFile;
