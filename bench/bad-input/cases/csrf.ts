import { type Case, type CategoryFile, EDITOR_SECRET, SEEDED_CLAIM } from '../case.js';

const QUERY = '{ __typename }';
const BODY = JSON.stringify({ query: QUERY });
const RETRACT = JSON.stringify({
  query: `mutation { retractClaim(id: "${SEEDED_CLAIM}", reason: "cross-site") { removedEdges } }`,
});

/** A request a cross-site page could send without a CORS preflight: refused with 403 CSRF_PREVENTED. */
const prevented = (name: string, request: Omit<Case, 'name' | 'expect'>): Case => ({
  name,
  ...request,
  expect: 'error',
  statuses: [403],
  code: 'CSRF_PREVENTED',
});

export default {
  about: 'simple requests (GET, form and text POSTs) without a CSRF header: 403; with one, or as JSON: answered',
  cases: [
    prevented('GET without a CSRF header', {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      headers: { accept: 'application/json' },
    }),
    prevented('POST text/plain', { body: BODY, headers: { 'content-type': 'text/plain', accept: 'application/json' } }),
    prevented('POST text/plain;charset=UTF-8', {
      body: BODY,
      headers: { 'content-type': 'text/plain;charset=UTF-8', accept: 'application/json' },
    }),
    prevented('POST TEXT/PLAIN (upper case)', {
      body: BODY,
      headers: { 'content-type': 'TEXT/PLAIN', accept: 'application/json' },
    }),
    prevented('POST application/x-www-form-urlencoded', {
      body: `query=${encodeURIComponent(QUERY)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    }),
    prevented('POST multipart/form-data', {
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'application/json' },
    }),
    prevented('POST without a content type', { body: BODY, headers: { accept: 'application/json' } }),
    prevented('retractClaim as a text/plain POST with the editor key', {
      body: RETRACT,
      headers: { 'content-type': 'text/plain', accept: 'application/json', authorization: `Bearer ${EDITOR_SECRET}` },
    }),
    prevented('retractClaim as a form POST with the editor key', {
      body: `query=${encodeURIComponent(JSON.parse(RETRACT).query)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Bearer ${EDITOR_SECRET}`,
      },
    }),
    ...['x-graphql-csrf', 'apollo-require-preflight', 'x-graphql-yoga-csrf'].map(
      (header): Case => ({
        name: `GET with ${header}`,
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(QUERY)}`,
        headers: { accept: 'application/json', [header]: '1' },
        expect: 'data',
      }),
    ),
    {
      name: 'JSON POST from a foreign Origin (CORS is the browser’s part)',
      query: QUERY,
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'https://evil.example' },
      expect: 'data',
    },
  ],
} satisfies CategoryFile;
