import { type Case, type CategoryFile, VALID_STATUSES } from '../case.js';

const HEADERS = { accept: 'application/json', 'x-graphql-csrf': '1' };
const TYPENAME = encodeURIComponent('{ __typename }');
const get = (name: string, qs: string, expect: Case['expect'] = 'error'): Case => ({
  name,
  method: 'GET',
  path: `/graphql${qs}`,
  headers: HEADERS,
  expect,
});

export default {
  about: 'GET with bad query strings, paths and URLs',
  cases: [
    get('GET no query', ''),
    get('GET ?query=', '?query='),
    get('GET valid query', `?query=${TYPENAME}`, 'either'),
    {
      ...get('GET valid query without CSRF header', `?query=${TYPENAME}`, 'either'),
      headers: { accept: 'application/json' },
    },
    get('GET malformed percent-encoding', '?query=%E0%A4%A'),
    get('GET percent-encoded null byte', '?query=%00'),
    get('GET variables not JSON', `?query=${TYPENAME}&variables=notjson`),
    get('GET extensions not JSON', `?query=${TYPENAME}&extensions=%7B`),
    get('GET two query params', `?query=${TYPENAME}&query=x`, 'either'),
    get('GET mutation', `?query=${encodeURIComponent('mutation { __typename }')}`),
    get('GET operationName unknown', `?query=${TYPENAME}&operationName=Nope`),
    get('GET query[]= array syntax', '?query[]=1&query[]=2'),
    get('GET garbage query string', '?&&&==&=&%%%'),
    get('GET 8 KB query', `?query=${encodeURIComponent(`{ ${'__typename '.repeat(700)}}`)}`, 'either'),
    {
      ...get('GET 100 KB URL (header limit)', `?query=${'a'.repeat(100_000)}`),
      expect: 'http',
      statuses: [...VALID_STATUSES, 414, 431],
    },
    {
      ...get('GET /graphql/../../etc/passwd', ''),
      path: '/graphql/../../etc/passwd',
      expect: 'http',
      statuses: [...VALID_STATUSES, 404],
    },
    { ...get('GET unknown path', ''), path: '/nope', expect: 'http', statuses: [404] },
  ],
} satisfies CategoryFile;
