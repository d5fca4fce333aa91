import type { Case, CategoryFile } from '../case.js';

const raw = (name: string, text: string): Case => ({
  name,
  raw: text,
  expect: 'http',
  statuses: [400, 413, 414, 431, 505, 501],
});

export default {
  about: "malformed HTTP, answered by Node's own parser",
  cases: [
    raw('garbage request line', 'GARBAGE\r\n\r\n'),
    raw('header too large (64 KB)', `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`),
    raw('invalid header name', 'POST /graphql HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'),
    raw(
      'broken chunked encoding',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n',
    ),
    raw(
      'content-length and chunked',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ),
    raw('negative content-length', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'),
    raw('HTTP/9.9', 'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n'),
  ],
} satisfies CategoryFile;
