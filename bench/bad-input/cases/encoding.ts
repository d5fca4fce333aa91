import type { CategoryFile } from '../case.js';

/** UTF-8 text and raw bytes, concatenated. */
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

export default {
  about: 'invalid UTF-8, UTF-16 and latin1 bodies, NUL bytes, lone surrogates',
  cases: [
    {
      name: 'invalid UTF-8 in a string literal',
      body: bytes('{"query":"{ search(query: \\"', [0xff, 0xfe, 0xc0, 0xaf], '\\") { score } }"}'),
      expect: 'either',
    },
    {
      name: 'invalid UTF-8 in the JSON structure',
      body: bytes('{"query"', [0xff], ':"{ __typename }"}'),
      expect: 'error',
    },
    {
      name: 'overlong encoding of /',
      body: bytes('{"query":"{ entity(id: \\"', [0xc0, 0xaf], '\\") { name } }"}'),
      expect: 'either',
    },
    {
      name: 'UTF-16LE body',
      body: Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le'),
      expect: 'error',
    },
    {
      name: 'latin1 body',
      body: Buffer.from(JSON.stringify({ query: '{ search(query: "Türkei") { score } }' }), 'latin1'),
      expect: 'either',
    },
    {
      name: 'lone surrogate escape in JSON',
      body: '{"query":"{ search(query: \\"\\ud800\\") { score } }"}',
      expect: 'either',
    },
    { name: 'NUL bytes in the document', body: bytes('{"query":"{ __typename', [0x00], ' }"}'), expect: 'error' },
    { name: 'escaped NUL in the document', body: '{"query":"{ __typename \\u0000 }"}', expect: 'error' },
  ],
} satisfies CategoryFile;
