import { type CategoryFile, JSON_HEADERS, VALID_STATUSES } from '../case.js';

const BODY = JSON.stringify({ query: '{ __typename }' });
const WITHOUT_BODY = ['HEAD', 'OPTIONS', 'TRACE'];

export default {
  about: 'other HTTP methods on /graphql',
  cases: ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'].map((method) => ({
    name: `${method} /graphql`,
    method,
    headers: JSON_HEADERS,
    body: WITHOUT_BODY.includes(method) ? undefined : BODY,
    expect: 'http' as const,
    statuses: [...VALID_STATUSES, 204, 404],
  })),
} satisfies CategoryFile;
