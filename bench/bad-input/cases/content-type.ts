import type { CategoryFile } from '../case.js';

const BODY = JSON.stringify({ query: '{ __typename }' });
const TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'text/xml',
  'application/x-www-form-urlencoded',
  'image/png',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/graphql',
  'application/graphql+json',
  'application/json, text/plain',
];
const BOUNDARY = '----bench';
const MULTIPART = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="operations"',
  '',
  '{"query":"{ __typename }"}',
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="map"',
  '',
  '{}',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');
const MULTIPART_HEADERS = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'x-graphql-csrf': '1' };

export default {
  about: 'a JSON request under other content types, XML, multipart',
  cases: [
    ...TYPES.map((type) => ({
      name: `content-type ${type}`,
      body: BODY,
      headers: { 'content-type': type },
      expect: 'either' as const,
    })),
    {
      name: 'application/xml with an XML body',
      body: '<query>{ __typename }</query>',
      headers: { 'content-type': 'application/xml' },
      expect: 'error',
    },
    { name: 'multipart/form-data (upload spec)', body: MULTIPART, headers: MULTIPART_HEADERS, expect: 'either' },
    {
      name: 'multipart/form-data, broken',
      body: `--${BOUNDARY}\r\nbroken`,
      headers: MULTIPART_HEADERS,
      expect: 'error',
    },
    { name: 'no content-type, JSON body', body: BODY, headers: { accept: 'application/json' }, expect: 'either' },
  ],
} satisfies CategoryFile;
