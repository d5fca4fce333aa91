/**
 * Bad input: 300+ malformed or hostile HTTP requests, generated, sent one after another. For every
 * response: it arrives within 10 s, its status is a valid one (never 5xx), the body is a well-formed
 * GraphQL error (or data, for requests that are valid), and it holds no stack trace or internal detail.
 * Afterwards the server still answers and the graph is unchanged. Run: `npx tsx bench/bad-input.ts`.
 *
 * Limits (depth, aliases, body size, cost…) may or may not exist in the server under test: how each
 * category was answered (status and error code) is reported; only 5xx, hangs, non-JSON, stack traces,
 * unexpected internal errors, crashes and writes count as failures.
 */
import http from 'node:http';
import net from 'node:net';
import { EXAMPLES } from '../src/graphiql/examples.js';
import {
  errorSummary,
  gql,
  graphCounts,
  log,
  machine,
  printBlock,
  printTable,
  rssMb,
  runBench,
  type ServerHandle,
  sha256Hex,
  sleep,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

const TIMEOUT_MS = 10_000;
/** The statuses a GraphQL server may answer bad input with (401/403: auth and CSRF; 429: rate limits). */
const VALID_STATUSES = [200, 400, 401, 403, 405, 406, 413, 415, 429];

type Expect =
  /** A GraphQL error is expected; data without errors is reported as a failure. */
  | 'error'
  /** Valid input: data (or an error, e.g. a limit) — both fine. */
  | 'either'
  /** Answered by the HTTP layer (Node's parser, methods): any valid status, the body is not checked. */
  | 'http';

interface Case {
  category: string;
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as is over a TCP socket (malformed HTTP). */
  raw?: Buffer;
  /** With raw: sent 300 ms after it, unless the server has answered by then (as with Expect: 100-continue). */
  rawBody?: Buffer;
  expect: Expect;
  statuses?: number[];
}

interface Outcome {
  category: string;
  name: string;
  status: number | string;
  ms: number;
  codes: string[];
  kind: 'error' | 'data' | 'http' | 'empty' | 'hang' | 'reset' | 'bad-body';
  bytes: number;
  failures: string[];
  firstMessage?: string;
}

// ---------------------------------------------------------------- the cases

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const post = (category: string, name: string, payload: unknown, expect: Expect = 'error', extra = {}): Case => ({
  category,
  name,
  method: 'POST',
  path: '/graphql',
  headers: { ...JSON_HEADERS, ...extra },
  body: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
  expect,
});
const q = (category: string, name: string, query: string, variables?: unknown, expect: Expect = 'error') =>
  post(category, name, { query, variables }, expect);

const EDITOR_SECRET = 'bench-bad-input-editor-secret';

function cases(): Case[] {
  const out: Case[] = [];

  // invalid JSON bodies
  const badJson = [
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
    `{"query":"{ __typename }","variables":{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`,
    `${'['.repeat(400_000)}${']'.repeat(400_000)}`,
  ];
  badJson.forEach((b, i) => {
    out.push(post('invalid-json', `invalid json #${i + 1}: ${b.slice(0, 40)}`, b, i === 19 ? 'either' : 'error'));
  });
  out.push(post('invalid-json', 'BOM before JSON', `\uFEFF${JSON.stringify({ query: '{ __typename }' })}`, 'either'));
  out.push(post('invalid-json', 'duplicate "query" keys', '{"query":"{ nope }","query":"{ __typename }"}', 'either'));

  // empty bodies
  out.push(post('empty-body', 'empty JSON body', ''));
  out.push(post('empty-body', 'whitespace body', '   \n\t '));
  out.push(post('empty-body', '{} body', '{}'));
  out.push({ ...post('empty-body', 'no content-type, empty', ''), headers: { accept: 'application/json' } });
  out.push(post('empty-body', 'empty query string', { query: '' }));
  out.push(post('empty-body', 'query only a comment', { query: '# nothing' }));

  // wrong content types
  const body = JSON.stringify({ query: '{ __typename }' });
  for (const type of [
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
  ]) {
    out.push({ ...post('content-type', `content-type ${type}`, body, 'either'), headers: { 'content-type': type } });
  }
  out.push({
    ...post('content-type', 'application/xml with an XML body', '<query>{ __typename }</query>'),
    headers: { 'content-type': 'application/xml' },
  });
  const boundary = '----bench';
  const multipart = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="operations"',
    '',
    '{"query":"{ __typename }"}',
    `--${boundary}`,
    'Content-Disposition: form-data; name="map"',
    '',
    '{}',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  out.push({
    ...post('content-type', 'multipart/form-data (upload spec)', multipart, 'either'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-graphql-csrf': '1' },
  });
  out.push({
    ...post('content-type', 'multipart/form-data, broken', `--${boundary}\r\nbroken`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-graphql-csrf': '1' },
  });
  out.push({
    ...post('content-type', 'no content-type, JSON body', body, 'either'),
    headers: { accept: 'application/json' },
  });
  for (const accept of ['text/html', 'application/xml', 'image/png', '*/*', 'application/graphql-response+json']) {
    out.push({ ...post('accept', `accept ${accept}`, body, 'either'), headers: { ...JSON_HEADERS, accept } });
  }

  // GET with bad query strings
  const get = (name: string, qs: string, expect: Expect = 'error', headers: Record<string, string> = {}): Case => ({
    category: 'get',
    name,
    method: 'GET',
    path: `/graphql${qs}`,
    headers: { accept: 'application/json', 'x-graphql-csrf': '1', ...headers },
    expect,
  });
  out.push(get('GET no query', ''));
  out.push(get('GET ?query=', '?query='));
  out.push(get('GET valid query', `?query=${encodeURIComponent('{ __typename }')}`, 'either'));
  out.push({
    ...get('GET valid query without CSRF header', `?query=${encodeURIComponent('{ __typename }')}`, 'either'),
    headers: { accept: 'application/json' },
  });
  out.push(get('GET malformed percent-encoding', '?query=%E0%A4%A'));
  out.push(get('GET percent-encoded null byte', '?query=%00'));
  out.push(get('GET variables not JSON', `?query=${encodeURIComponent('{ __typename }')}&variables=notjson`));
  out.push(get('GET extensions not JSON', `?query=${encodeURIComponent('{ __typename }')}&extensions=%7B`));
  out.push(get('GET two query params', `?query=${encodeURIComponent('{ __typename }')}&query=x`, 'either'));
  out.push(get('GET mutation', `?query=${encodeURIComponent('mutation { __typename }')}`));
  out.push(get('GET operationName unknown', `?query=${encodeURIComponent('{ __typename }')}&operationName=Nope`));
  out.push(get('GET query[]= array syntax', '?query[]=1&query[]=2'));
  out.push(get('GET garbage query string', '?&&&==&=&%%%'));
  out.push(get('GET 8 KB query', `?query=${encodeURIComponent(`{ ${'__typename '.repeat(700)}}`)}`, 'either'));
  out.push({
    ...get('GET 100 KB URL (header limit)', `?query=${'a'.repeat(100_000)}`),
    expect: 'http',
    statuses: [...VALID_STATUSES, 414, 431],
  });
  out.push({
    ...get('GET /graphql/../../etc/passwd', ''),
    path: '/graphql/../../etc/passwd',
    expect: 'http',
    statuses: [...VALID_STATUSES, 404],
  });
  out.push({ ...get('GET unknown path', ''), path: '/nope', expect: 'http', statuses: [404] });
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND']) {
    out.push({
      category: 'methods',
      name: `${method} /graphql`,
      method,
      path: '/graphql',
      headers: JSON_HEADERS,
      body: method === 'HEAD' || method === 'OPTIONS' || method === 'TRACE' ? undefined : body,
      expect: 'http',
      statuses: [...VALID_STATUSES, 204, 404],
    });
  }

  // huge documents and bodies
  out.push(q('huge', '2 MB document of {a} repeated', '{a}'.repeat(700_000)));
  out.push(
    post('huge', '5 MB body (padding variable)', { query: '{ __typename }', variables: { pad: 'x'.repeat(5e6) } }),
  );
  out.push(q('huge', '5 MB document of comments', `# ${'x'.repeat(5e6)}\n{ __typename }`));
  out.push(
    q('huge', '900 KB whitespace around { __typename }', `${' '.repeat(900_000)}{ __typename }`, undefined, 'either'),
  );
  out.push(q('huge', '20k tokens { __typename … }', `{ ${'__typename '.repeat(20_000)}}`, undefined, 'either'));
  out.push(
    q(
      'huge',
      '900 KB string literal argument',
      `{ search(query: "${'x'.repeat(900_000)}") { score } }`,
      undefined,
      'either',
    ),
  );
  out.push(q('huge', '100 KB field name', `{ ${'a'.repeat(100_000)} }`));
  out.push(q('huge', '50k operations in one document', 'query Q { __typename } '.repeat(40_000)));

  // deep nesting
  const nest = (depth: number, open: string, leaf: string) => `${open.repeat(depth)}${leaf}${' }'.repeat(depth)}`;
  for (const d of [50, 200, 5_000]) out.push(q('depth', `unknown fields nested ${d}`, `{ ${nest(d, 'a { ', 'b')} }`));
  for (const d of [50, 200, 2_000]) {
    out.push(
      q(
        'depth',
        `inline fragments nested ${d}`,
        `{ ${nest(d, '... on Query { ', '__typename')} }`,
        undefined,
        'either',
      ),
    );
  }
  for (const d of [50, 200]) {
    out.push(
      q(
        'depth',
        `evidence/claim cycle nested ${d}`,
        `{ claims(first: 1) { edges { node { ${nest(d, 'evidence { claim { ', 'key')}${' }'.repeat(d)} } } } }`,
        undefined,
        'either',
      ),
    );
    out.push(
      q(
        'depth',
        `entity relations nested ${d}`,
        `{ entity(id: "turkey") { ${nest(d, '... on Actor { relations { from { ', '__typename')}${' }'.repeat(2 * d)} } }`,
        undefined,
        'either',
      ),
    );
  }
  out.push(
    q(
      'depth',
      'ofType chain 50 in introspection',
      `{ __schema { types { ${nest(50, 'ofType { ', 'name')} } } }`,
      undefined,
      'either',
    ),
  );
  for (const d of [3, 6]) {
    out.push(
      q(
        'depth',
        `introspection fields/type fan-out ${d}`,
        `{ __type(name: "Query") { ${nest(d, 'fields { type { ', 'name')}${' }'.repeat(d)} } }`,
        undefined,
        'either',
      ),
    );
  }
  out.push(
    q(
      'cost',
      'wide fan-out: events → sources → events → sources',
      '{ events(first: 100) { edges { node { sources { ... on Actor { events { sources { ... on Actor { events { label sources { name } } } } } } } } } } }',
      undefined,
      'either',
    ),
  );
  out.push(
    q(
      'cost',
      'neighborhood depth 3 limit 200',
      '{ neighborhood(id: "turkey", depth: 3, limit: 200) { nodes { id } edges { id } } }',
      undefined,
      'either',
    ),
  );
  out.push(
    q(
      'cost',
      'every example in one document',
      EXAMPLES.map((e) => e.query.replace(/^#.*$/gm, '')).join('\n'),
      undefined,
      'error',
    ),
  );

  // alias bombs
  const aliases = (n: number, field: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  for (const n of [1000, 100, 31, 30]) {
    out.push(
      q(
        'aliases',
        `${n} aliases of search(query:"x"){score}`,
        aliases(n, 'search(query: "x") { score }'),
        undefined,
        'either',
      ),
    );
  }
  out.push(q('aliases', '1000 aliases of __typename', aliases(1000, '__typename'), undefined, 'either'));
  out.push(
    q(
      'aliases',
      '30 aliases of neighborhood depth 3',
      aliases(30, 'neighborhood(id: "turkey", depth: 3, limit: 200) { nodes { id } }'),
      undefined,
      'either',
    ),
  );
  out.push(
    q(
      'aliases',
      '30 aliases of shortestPath maxHops 6',
      aliases(30, 'shortestPath(from: "putin", to: "libya", maxHops: 6) { length }'),
      undefined,
      'either',
    ),
  );
  out.push(
    q(
      'aliases',
      'nested aliases 30 x 30',
      `{ ${Array.from({ length: 30 }, (_, i) => `e${i}: entity(id: "turkey") ${aliases(30, 'name')}`).join(' ')} }`,
      undefined,
      'either',
    ),
  );

  // fragments
  out.push(q('fragments', 'cycle A <-> B', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  out.push(q('fragments', 'self cycle', '{ ...A } fragment A on Query { __typename ...A }'));
  out.push(
    q(
      'fragments',
      '3-cycle',
      '{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }',
    ),
  );
  out.push(q('fragments', 'undefined fragment', '{ ...Nope }'));
  out.push(q('fragments', 'unused fragment', '{ __typename } fragment A on Query { __typename }'));
  out.push(q('fragments', 'fragment on unknown type', '{ ...A } fragment A on Nope { __typename }'));
  out.push(q('fragments', 'fragment on a scalar', '{ ...A } fragment A on String { __typename }'));
  for (const levels of [16, 40]) {
    const frags = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { __typename ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : ''} }`,
    ).join('\n');
    out.push(q('fragments', `fragment bomb 2^${levels}`, `{ ...F0 }\n${frags}`, undefined, 'either'));
  }
  const wideFrags = Array.from({ length: 500 }, (_, i) => `fragment W${i} on Query { __typename }`).join('\n');
  out.push(
    q(
      'fragments',
      '500 fragments spread at once',
      `{ ${Array.from({ length: 500 }, (_, i) => `...W${i}`).join(' ')} }\n${wideFrags}`,
      undefined,
      'either',
    ),
  );

  // directives
  out.push(
    q('directives', '@include(if:true) x 500 on one field', `{ __typename ${'@include(if: true) '.repeat(500)}}`),
  );
  out.push(q('directives', '@include(if:true) x 51', `{ __typename ${'@include(if: true) '.repeat(51)}}`));
  out.push(
    q(
      'directives',
      '@skip(if:false) on 500 fields',
      `{ ${'__typename @skip(if: false) '.repeat(500)}}`,
      undefined,
      'either',
    ),
  );
  out.push(q('directives', 'unknown directive x 500', `{ __typename ${'@nope '.repeat(500)}}`));
  out.push(q('directives', '@deprecated on a query field', '{ __typename @deprecated }'));
  out.push(q('directives', '@include without if', '{ __typename @include }'));
  out.push(q('directives', '@include(if: "yes")', '{ __typename @include(if: "yes") }'));
  out.push(
    q('directives', 'directives on the operation x 200', `query Q ${'@include(if: true) '.repeat(200)}{ __typename }`),
  );

  // invalid variables
  const v = (name: string, query: string, variables: unknown, expect: Expect = 'error') => {
    out.push(q('variables', name, query, variables, expect));
  };
  const ENTITY = 'query($id: ID!) { entity(id: $id) { name } }';
  v('missing required variable', ENTITY, {});
  v('null for a required variable', ENTITY, { id: null });
  v('object for ID', ENTITY, { id: { a: 1 } });
  v('list for ID', ENTITY, { id: ['turkey'] });
  v('bool for ID', ENTITY, { id: true });
  v('number for ID (coerced)', ENTITY, { id: 123 }, 'either');
  v('undeclared variable used', '{ entity(id: $id) { name } }', { id: 'turkey' });
  v('declared, unused', 'query($x: Int) { __typename }', { x: 1 });
  v('variable of unknown type', 'query($x: Nope) { __typename }', { x: 1 });
  v('variable of output type', 'query($x: Entity) { __typename }', { x: {} });
  v('Int overflow', 'query($n: Int) { events(first: $n) { totalCount } }', { n: 2 ** 53 });
  v('float for Int', 'query($n: Int) { events(first: $n) { totalCount } }', { n: 1.5 });
  v('string for Int', 'query($n: Int) { events(first: $n) { totalCount } }', { n: '10' });
  v('negative first', '{ events(first: -1) { totalCount } }', undefined);
  v('first 1000000', '{ events(first: 1000000) { totalCount } }', undefined);
  v('last without before', '{ events(last: 5) { totalCount } }', undefined, 'either');
  v('neighborhood depth 99', '{ neighborhood(id: "turkey", depth: 99) { truncated } }', undefined);
  v('neighborhood limit 0', '{ neighborhood(id: "turkey", limit: 0) { truncated } }', undefined);
  v('shortestPath maxHops 1000', '{ shortestPath(from: "putin", to: "nato", maxHops: 1000) { length } }', undefined);
  v('timeline limit 1e6', '{ timeline(limit: 1000000) { undated { label } } }', undefined);
  v('entitiesByName first 10000', '{ entitiesByName(name: "a", first: 10000) { name } }', undefined);
  v('invalid enum value', 'query($k: [RelationKind!]) { neighborhood(id: "turkey", kinds: $k) { truncated } }', {
    k: ['NOPE'],
  });
  v('enum as string literal', '{ neighborhood(id: "turkey", kinds: "MEMBER_OF") { truncated } }', undefined);
  v('null inside non-null list', 'query($k: [RelationKind!]) { neighborhood(id: "turkey", kinds: $k) { truncated } }', {
    k: [null],
  });
  v('unknown input field', 'query($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { nope: 1 } });
  v('bad ISO date in filter', 'query($f: EventFilter) { events(filter: $f) { totalCount } }', {
    f: { from: '2022-13-45' },
  });
  v('date 100k chars', 'query($f: EventFilter) { events(filter: $f) { totalCount } }', {
    f: { from: '9'.repeat(100_000) },
  });
  v(
    'variables 10k keys',
    '{ __typename }',
    Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
    'either',
  );
  v(
    '__proto__ in variables',
    'query($f: EventFilter) { events(filter: $f) { totalCount } }',
    JSON.parse('{"f":{"__proto__":{"types":["DEMAND"]}}}'),
    'either',
  );
  v('constructor/prototype keys', 'query($f: EventFilter) { events(filter: $f) { totalCount } }', {
    f: { constructor: { prototype: { x: 1 } } },
  });

  // wrong ids
  const ids: [string, string][] = [
    ['malformed base64', '!!!not-base64!!!'],
    ['base64 padding only', '===='],
    ['base64 of "Foo:"', Buffer.from('Foo:').toString('base64')],
    ['base64 of ":turkey"', Buffer.from(':turkey').toString('base64')],
    ['base64 of "State:turkey\'"', Buffer.from("State:turkey'").toString('base64')],
    ['base64 of binary', Buffer.from([0xff, 0x00, 0xfe, 0x01]).toString('base64')],
    ['global id of another type', Buffer.from('Event:turkey').toString('base64')],
    ['100k-char id', 't'.repeat(100_000)],
    ['201-char key', 'a'.repeat(201)],
    ['empty id', ''],
    ['whitespace id', '   '],
    ['unicode id', 'türkei'],
    ['emoji id', '🇹🇷💣'],
    ['RTL override', 'turkey\u202Egnp.exe'],
    ['null bytes', 'tur\u0000key'],
    ['path traversal', '../../etc/passwd'],
    ['uppercase key', 'TURKEY'],
    ['lone surrogate', 'tur\uD800key'],
  ];
  for (const [name, id] of ids) {
    out.push(q('ids', `entity(id): ${name}`, 'query($id: ID!) { entity(id: $id) { name } }', { id }, 'either'));
    out.push(q('ids', `node(id): ${name}`, 'query($id: ID!) { node(id: $id) { id } }', { id }, 'either'));
  }
  out.push(
    q('ids', 'actor(id) given an Event global id', 'query($id: ID!) { actor(id: $id) { name } }', {
      id: Buffer.from('Event:turkey').toString('base64'),
    }),
  );
  out.push(
    q(
      'ids',
      'id as inline literal with quotes',
      `{ entity(id: ${JSON.stringify('a"b\'c`d')}) { name } }`,
      undefined,
      'either',
    ),
  );

  // Cypher injection in every string argument
  const payloads: [string, string][] = [
    ['single quote', "turkey' OR 1=1 //"],
    ['double quote', 'turkey" OR 1=1 //'],
    ['backtick', 'turkey` MATCH (n) DETACH DELETE n //'],
    ['close brace', "x'}) MATCH (n) DETACH DELETE n //"],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
    ['comment + newline', 'x // \nMATCH (n) DETACH DELETE n'],
    ['parameter syntax', '$id} RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //'],
    ['CALL procedure', "'}) CALL dbms.killTransactions(['x']) //"],
    ['lucene syntax', '*:* OR name:*~ AND key:[* TO *] \\'],
    ['regex', '(?i).*|.*'],
    ['unicode + controls', 'Erdoğan 💣 \u202E\u0000\u0007\uFFFF'],
    ['100k chars', `x'${'"`}'.repeat(25_000)}`],
  ];
  const args: [string, string, string][] = [
    ['entity(id)', 'ID!', 'entity(id: $s) { name }'],
    ['actor(id)', 'ID!', 'actor(id: $s) { name }'],
    ['claim(id)', 'ID!', 'claim(id: $s) { key }'],
    ['dispute(id)', 'ID!', 'dispute(id: $s) { name }'],
    ['document(id)', 'ID!', 'document(id: $s) { title }'],
    ['event(id)', 'ID!', 'event(id: $s) { label }'],
    ['node(id)', 'ID!', 'node(id: $s) { id }'],
    ['entitiesByName(name)', 'String!', 'entitiesByName(name: $s) { name }'],
    ['search(query)', 'String!', 'search(query: $s) { score }'],
    ['shortestPath(from)', 'ID!', 'shortestPath(from: $s, to: "nato") { length }'],
    ['shortestPath(to)', 'ID!', 'shortestPath(from: "putin", to: $s) { length }'],
    ['dyad(a)', 'ID!', 'dyad(a: $s, b: "turkey") { goldsteinSum }'],
    ['dyad(b)', 'ID!', 'dyad(a: "russia", b: $s) { goldsteinSum }'],
    ['neighborhood(id)', 'ID!', 'neighborhood(id: $s) { truncated }'],
    ['disputes(party)', 'ID', 'disputes(party: $s) { totalCount }'],
    ['entities(filter.nameContains)', 'String', 'entities(filter: { nameContains: $s }) { totalCount }'],
    ['entities(filter.party)', 'ID', 'entities(filter: { party: $s }) { totalCount }'],
    ['actors(filter.nameContains)', 'String', 'actors(filter: { nameContains: $s }) { totalCount }'],
    ['claims(filter.assertedBy)', 'ID', 'claims(filter: { assertedBy: $s }) { totalCount }'],
    ['claims(filter.document)', 'ID', 'claims(filter: { document: $s }) { totalCount }'],
    ['events(filter.actor)', 'ID', 'events(filter: { actor: $s }) { totalCount }'],
    ['events(filter.dispute)', 'ID', 'events(filter: { dispute: $s }) { totalCount }'],
    ['events(filter.from)', 'String', 'events(filter: { from: $s }) { totalCount }'],
    ['events(filter.types)', 'String!', 'events(filter: { types: [$s] }) { totalCount }'],
    ['events(after)', 'String', 'events(first: 2, after: $s) { totalCount }'],
    ['timeline(filter.to)', 'String', 'timeline(filter: { to: $s }) { undated { label } }'],
  ];
  for (const [arg, type, field] of args) {
    for (const [pname, payload] of payloads) {
      out.push(q('injection', `${arg} ← ${pname}`, `query($s: ${type}) { ${field} }`, { s: payload }, 'either'));
    }
  }
  // and a few as inline literals (the document itself carries the payload)
  for (const [pname, payload] of payloads.slice(0, 6)) {
    out.push(
      q(
        'injection',
        `search literal ← ${pname}`,
        `{ search(query: ${JSON.stringify(payload)}) { score } }`,
        undefined,
        'either',
      ),
    );
  }

  // unknown fields, operations, names
  out.push(q('unknown', 'unknown root field', '{ nope }'));
  out.push(q('unknown', 'unknown nested field', '{ entity(id: "turkey") { nope } }'));
  out.push(q('unknown', 'near-miss field (suggestions?)', '{ entitie { name } }'));
  out.push(q('unknown', 'unknown argument', '{ entity(id: "turkey", nope: 1) { name } }'));
  out.push(q('unknown', 'missing selection set', '{ entity(id: "turkey") }'));
  out.push(q('unknown', 'selection on a scalar', '{ __typename { a } }'));
  out.push(q('unknown', 'subscription', 'subscription { __typename }'));
  out.push(q('unknown', 'mutation on an unknown field', 'mutation { nope }'));
  out.push(
    post('unknown', 'two operations, no operationName', { query: 'query A { __typename } query B { __typename }' }),
  );
  out.push(post('unknown', 'unknown operationName', { query: 'query A { __typename }', operationName: 'B' }));
  out.push(q('unknown', 'syntax error', '{ entity(id: "turkey" { name } }'));
  out.push(q('unknown', 'unterminated string', '{ search(query: "x) { score } }'));
  out.push(q('unknown', 'only punctuation', '{{{{}}}}'));
  out.push(q('unknown', 'schema definition as a query', 'type Query { x: Int }'));

  // introspection abuse
  const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name description fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } defaultValue } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } inputFields { name type { kind name ofType { kind name } } } interfaces { name } enumValues(includeDeprecated: true) { name } possibleTypes { name } } directives { name locations args { name } } } }`;
  out.push(q('introspection', 'full introspection', INTROSPECTION, undefined, 'either'));
  out.push(
    q(
      'introspection',
      '30 aliases of __schema types fields',
      aliases(30, '__schema { types { name fields { name args { name } } } }'),
      undefined,
      'either',
    ),
  );
  out.push(q('introspection', '__type of an unknown type', '{ __type(name: "Nope") { name } }', undefined, 'either'));
  out.push(
    q(
      'introspection',
      '__type name 100k chars',
      `{ __type(name: "${'N'.repeat(100_000)}") { name } }`,
      undefined,
      'either',
    ),
  );
  out.push(q('introspection', '__typename x 3000', `{ ${'__typename '.repeat(3_000)}}`, undefined, 'either'));

  // batches
  out.push(
    post(
      'batch',
      'array of 100 operations',
      Array.from({ length: 100 }, () => ({ query: '{ __typename }' })),
    ),
  );
  out.push(post('batch', 'array of 2 operations', [{ query: '{ __typename }' }, { query: '{ __typename }' }]));
  out.push(post('batch', 'empty array', []));
  out.push(
    post(
      'batch',
      'array of 100 alias bombs',
      Array.from({ length: 100 }, () => ({ query: aliases(30, 'search(query: "x") { score }') })),
    ),
  );

  // non-UTF-8 and odd encodings
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  out.push(
    post(
      'encoding',
      'invalid UTF-8 in a string literal',
      bytes('{"query":"{ search(query: \\"', [0xff, 0xfe, 0xc0, 0xaf], '\\") { score } }"}'),
      'either',
    ),
  );
  out.push(post('encoding', 'invalid UTF-8 in the JSON structure', bytes('{"query"', [0xff], ':"{ __typename }"}')));
  out.push(
    post(
      'encoding',
      'overlong encoding of /',
      bytes('{"query":"{ entity(id: \\"', [0xc0, 0xaf], '\\") { name } }"}'),
      'either',
    ),
  );
  out.push(post('encoding', 'UTF-16LE body', Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le')));
  out.push(
    post(
      'encoding',
      'latin1 body',
      Buffer.from(JSON.stringify({ query: '{ search(query: "Türkei") { score } }' }), 'latin1'),
      'either',
    ),
  );
  out.push(
    post(
      'encoding',
      'lone surrogate escape in JSON',
      '{"query":"{ search(query: \\"\\ud800\\") { score } }"}',
      'either',
    ),
  );
  out.push(post('encoding', 'NUL bytes in the document', bytes('{"query":"{ __typename', [0x00], ' }"}')));
  out.push(post('encoding', 'escaped NUL in the document', '{"query":"{ __typename \\u0000 }"}'));

  // credentials and mutations (no write may happen)
  const INGEST =
    'mutation($t: String!, $y: String!) { ingestArticle(input: { articleText: $t, annotationsYaml: $y }) { documentId } }';
  const ingestVars = { t: 'Ein Text.', y: 'document: { id: x }' };
  out.push(q('auth', 'ingestArticle without credentials', INGEST, ingestVars));
  out.push(
    post('auth', 'ingestArticle with a wrong bearer', { query: INGEST, variables: ingestVars }, 'error', {
      authorization: 'Bearer wrong',
    }),
  );
  out.push(
    post('auth', 'ingestArticle with Basic auth', { query: INGEST, variables: ingestVars }, 'error', {
      authorization: 'Basic YTpi',
    }),
  );
  out.push(
    post('auth', 'ingestArticle with an empty bearer', { query: INGEST, variables: ingestVars }, 'error', {
      authorization: 'Bearer ',
    }),
  );
  out.push(
    post('auth', 'ingestArticle with a 6 KB bearer', { query: INGEST, variables: ingestVars }, 'error', {
      authorization: `Bearer ${'k'.repeat(6_000)}`,
    }),
  );
  out.push(
    post('auth', 'ingestArticle with the hash as the bearer', { query: INGEST, variables: ingestVars }, 'error', {
      authorization: `Bearer ${sha256Hex(EDITOR_SECRET)}`,
    }),
  );
  out.push(
    post(
      'auth',
      'ingestArticle, valid key, invalid YAML',
      { query: INGEST, variables: { t: 'Text.', y: ': : : [' } },
      'error',
      { authorization: `Bearer ${EDITOR_SECRET}` },
    ),
  );
  out.push(
    post(
      'auth',
      'ingestArticle, valid key, YAML bomb',
      { query: INGEST, variables: { t: 'Text.', y: yamlBomb() } },
      'error',
      { authorization: `Bearer ${EDITOR_SECRET}` },
    ),
  );
  out.push(
    post(
      'auth',
      'ingestArticle, valid key, 10 MB text',
      { query: INGEST, variables: { t: 'x'.repeat(10e6), y: 'a: 1' } },
      'error',
      { authorization: `Bearer ${EDITOR_SECRET}` },
    ),
  );
  out.push(
    q(
      'auth',
      'retractClaim without credentials',
      'mutation { retractClaim(id: "x", reason: "MATCH (n) DETACH DELETE n") { removedEdges } }',
    ),
  );
  out.push(
    q(
      'auth',
      'correctClaim without credentials',
      'mutation { correctClaim(id: "x", input: { reason: "r", statement: "s" }) { key } }',
    ),
  );

  // malformed HTTP (Node's own parser answers)
  const raw = (name: string, text: string | Buffer): Case => ({
    category: 'http-protocol',
    name,
    raw: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'),
    expect: 'http',
    statuses: [400, 413, 414, 431, 505, 501],
  });
  out.push(raw('garbage request line', 'GARBAGE\r\n\r\n'));
  out.push(raw('header too large (64 KB)', `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`));
  out.push(raw('invalid header name', 'POST /graphql HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'));
  out.push(
    raw(
      'broken chunked encoding',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n',
    ),
  );
  out.push(
    raw(
      'content-length and chunked',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ),
  );
  out.push(raw('negative content-length', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'));
  out.push(raw('HTTP/9.9', 'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n'));
  return out;
}

function yamlBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = 'bcdefghi';
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? 'a' : (names[i - 1] as string);
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- sending and checking

interface RawResponse {
  status: number | 'hang' | 'reset';
  body: Buffer;
  ms: number;
  error?: string;
}

function sendHttp(port: number, c: Case): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<RawResponse, 'ms'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, ms: performance.now() - started });
    };
    const headers: Record<string, string | number> = { ...c.headers };
    if (c.body !== undefined) headers['content-length'] = Buffer.byteLength(c.body);
    const req = http.request(
      { host: '127.0.0.1', port, method: c.method ?? 'POST', path: c.path ?? '/graphql', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (d: Buffer) => {
          size += d.length;
          if (size <= 50e6) chunks.push(d);
        });
        res.on('end', () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (e) => finish({ status: 'reset', body: Buffer.concat(chunks), error: e.message }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 'hang', body: Buffer.alloc(0) });
    }, TIMEOUT_MS);
    req.on('error', (e) => {
      // The server may answer (413) and close while the body is still being sent: wait for the answer.
      setTimeout(() => finish({ status: 'reset', body: Buffer.alloc(0), error: e.message }), 200);
    });
    if (c.body !== undefined) req.end(c.body);
    else req.end();
  });
}

/** The head and body bytes of an HTTP/1.1 request (Connection: close). */
function rawRequest(c: Case): { raw: Buffer; rawBody: Buffer } {
  const body = Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body ?? '', 'utf8');
  const head = [
    `${c.method ?? 'POST'} ${c.path ?? '/graphql'} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...Object.entries(c.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return { raw: Buffer.from(head, 'latin1'), rawBody: body };
}

/**
 * Sends bytes over a socket and reads the answer while still writing, so an early answer (413 on the
 * declared length, before the body is read) is seen even when the server then closes the connection.
 */
function sendRaw(port: number, c: Case): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (status?: RawResponse['status'], error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const body = Buffer.concat(chunks);
      const text = body.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const split = text.indexOf('\r\n\r\n');
      const payload = split >= 0 ? body.subarray(Buffer.byteLength(text.slice(0, split + 4), 'latin1')) : body;
      const chunked = /\r\ntransfer-encoding: chunked/i.test(text.slice(0, split));
      resolve({
        status: m ? Number(m[1]) : (status ?? (chunks.length ? 0 : 'reset')),
        body: chunked ? dechunk(payload) : payload,
        ms: performance.now() - started,
        error,
      });
    };
    const timer = setTimeout(() => finish('hang'), TIMEOUT_MS);
    socket.on('connect', () => {
      socket.write(c.raw as Buffer);
      if (c.rawBody) {
        const body = c.rawBody;
        setTimeout(() => {
          if (!done) socket.write(body);
        }, 300);
      }
    });
    socket.on('data', (d) => {
      chunks.push(d);
      // One complete response is enough (the server may keep the connection open).
      if (responseComplete(Buffer.concat(chunks).toString('latin1'))) finish();
    });
    socket.on('end', () => finish());
    socket.on('error', (e) => finish(undefined, e.message));
  });
}

function responseComplete(text: string): boolean {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) return false;
  const head = text.slice(0, split);
  const length = /\r\ncontent-length: (\d+)/i.exec(head);
  if (length) return text.length - split - 4 >= Number(length[1]);
  if (/\r\ntransfer-encoding: chunked/i.test(head)) return text.endsWith('0\r\n\r\n');
  return false;
}

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < 100_000 && at < b.length; i++) {
    const eol = b.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(b.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(b.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const STACK_MARKERS = ['\n    at ', '\\n    at ', '.ts:', 'node_modules/', 'Neo4jError', 'Neo.ClientError'];

function check(c: Case, r: RawResponse): Outcome {
  const failures: string[] = [];
  const text = r.body.toString('utf8');
  const o: Outcome = {
    category: c.category,
    name: c.name,
    status: r.status,
    ms: Math.round(r.ms),
    codes: [],
    kind: 'http',
    bytes: r.body.length,
    failures,
  };
  if (r.status === 'hang') {
    o.kind = 'hang';
    failures.push(`no answer within ${TIMEOUT_MS / 1000}s`);
    return o;
  }
  if (r.status === 'reset') {
    o.kind = 'reset';
    failures.push(`connection reset without a response (${r.error ?? ''})`);
    return o;
  }
  if (r.ms > TIMEOUT_MS) failures.push(`answered after ${Math.round(r.ms)} ms`);
  const allowed = c.statuses ?? VALID_STATUSES;
  if (r.status >= 500) failures.push(`HTTP ${r.status}`);
  else if (!allowed.includes(r.status)) failures.push(`unexpected HTTP ${r.status}`);
  const marker = STACK_MARKERS.find((m) => text.includes(m));
  if (marker) failures.push(`body leaks internals (${JSON.stringify(marker)})`);
  if (c.expect === 'http' && !text.trim().startsWith('{')) return o;
  // 405/406/415 refuse the request at the HTTP level (a method, an Accept the server cannot produce, a
  // media type it does not read): an empty body is allowed there by GraphQL over HTTP; reported as "empty".
  if (text.length === 0 && typeof r.status === 'number' && [405, 406, 415].includes(r.status)) {
    o.kind = 'empty';
    return o;
  }

  let json: { data?: unknown; errors?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    o.kind = 'bad-body';
    failures.push(`body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
    return o;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    o.kind = 'bad-body';
    failures.push('body is not a JSON object');
    return o;
  }
  if (json.errors !== undefined) {
    o.kind = 'error';
    const errors = json.errors;
    if (!Array.isArray(errors) || errors.length === 0) failures.push('"errors" is not a non-empty array');
    else {
      for (const e of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
        if (typeof e?.message !== 'string' || !e.message) failures.push('an error without a message');
        const code = typeof e?.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE';
        if (!o.codes.includes(code)) o.codes.push(code);
      }
      o.firstMessage = String((errors[0] as { message?: unknown })?.message ?? '').slice(0, 160);
      if (o.codes.includes('INTERNAL_SERVER_ERROR')) failures.push('INTERNAL_SERVER_ERROR (an unexpected exception)');
      if (/did you mean/i.test(text)) o.codes.push('(suggests field names)');
    }
  } else if (json.data !== undefined && json.data !== null) {
    o.kind = 'data';
    if (c.expect === 'error') failures.push('answered with data, an error was expected');
  } else {
    o.kind = 'bad-body';
    failures.push('neither "errors" nor "data"');
  }
  return o;
}

// ---------------------------------------------------------------- client aborts

/** Sends heavy requests and drops them mid-flight; the server must shrug it off. */
async function clientAborts(port: number, n: number): Promise<void> {
  const heavy = JSON.stringify({ query: EXAMPLES[1]?.query ?? '{ __typename }' });
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { ...JSON_HEADERS, 'content-length': Buffer.byteLength(heavy) },
        agent: false,
      });
      req.on('error', () => {});
      req.end(heavy);
      setTimeout(
        () => {
          req.destroy();
          resolve();
        },
        5 + (i % 10) * 3,
      );
    });
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<boolean> {
  const all = cases();
  log(`bad-input: ${all.length} requests in ${new Set(all.map((c) => c.category)).size} categories`);
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port}`);
  const env = { API_KEYS: `bench-editor:editor:${sha256Hex(EDITOR_SECRET)}` };
  let server: ServerHandle = await startServer(neo4j, env);
  await waitUntilSeeded(server);
  log(`server up on ${server.url} (pid ${server.pid})`);
  const countsBefore = await graphCounts(server.url);
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore ?? 0;
  const restarts: string[] = [];
  const crashes: string[] = [];
  const outcomes: Outcome[] = [];

  for (const [i, c] of all.entries()) {
    const r = c.raw
      ? await sendRaw(server.port, c)
      : c.body !== undefined && Buffer.byteLength(c.body) > 1e6
        ? await sendRaw(server.port, { ...c, ...rawRequest(c) })
        : await sendHttp(server.port, c);
    const o = check(c, r);
    outcomes.push(o);
    rssPeak = Math.max(rssPeak, rssMb(server.pid) ?? 0);
    if (o.failures.length > 0) log(`FAIL ${c.category} / ${c.name}: ${o.status} ${o.failures.join('; ')}`);
    if ((i + 1) % 50 === 0) log(`${i + 1}/${all.length} sent`);
    // A hang or a crash: is the server still there? If not, note it and start a fresh one.
    const exited = server.exitCode() !== undefined;
    if (o.kind === 'hang' || o.kind === 'reset' || exited) {
      const alive = exited
        ? undefined
        : await gql(server.url, '{ __typename }', undefined, { timeoutMs: 5_000 }).catch(() => undefined);
      if (alive?.status !== 200) {
        const why = exited ? `exited with code ${server.exitCode()}` : 'stopped answering';
        (exited ? crashes : restarts).push(`${c.category} / ${c.name}: server ${why}`);
        o.failures.push(`server ${why} after this request`);
        log(`server ${why} after "${c.name}"; starting a new one`);
        await server.stop();
        server = await startServer(neo4j, env);
        await waitUntilSeeded(server);
      }
    }
  }
  // Client aborts: 40 heavy requests dropped after 5–32 ms.
  const errorsBeforeAborts = server.errorLines().length;
  await clientAborts(server.port, 40);
  await sleep(2_000);
  const abortErrorLines = server.errorLines().length - errorsBeforeAborts;

  const alive = await gql(server.url, '{ __typename }', undefined, { timeoutMs: 10_000 }).catch((e) => ({
    status: 0,
    text: String(e),
  }));
  const stillAnswers = alive.status === 200 && alive.text.includes('"__typename":"Query"');
  const countsAfter = await graphCounts(server.url);
  const rssAfter = rssMb(server.pid);
  const graphUnchanged = JSON.stringify(countsBefore) === JSON.stringify(countsAfter);

  // Table per category.
  const categories = [...new Set(outcomes.map((o) => o.category))];
  const rows = categories.map((cat) => {
    const os = outcomes.filter((o) => o.category === cat);
    const statuses = tally(os.map((o) => String(o.status)));
    const codes = tally(os.flatMap((o) => (o.kind === 'data' ? ['data'] : o.codes.length ? o.codes : [o.kind])));
    return [
      cat,
      os.length,
      statuses,
      codes,
      Math.max(...os.map((o) => o.ms)),
      os.filter((o) => o.failures.length).length,
    ];
  });
  console.log('');
  printTable(['category', 'count', 'statuses', 'answers (error codes / data)', 'max ms', 'failures'], rows);
  const failed = outcomes.filter((o) => o.failures.length > 0);
  if (failed.length) {
    console.log('\nfailures:');
    for (const o of failed) console.log(`  ${o.category} / ${o.name}: ${o.status} — ${o.failures.join('; ')}`);
  }
  const dataForHostile = outcomes.filter(
    (o) => o.kind === 'data' && ['huge', 'depth', 'aliases', 'fragments', 'cost', 'introspection'].includes(o.category),
  );
  if (dataForHostile.length) {
    console.log('\nanswered with data (valid but large/expensive requests, reported, not failures):');
    for (const o of dataForHostile)
      console.log(`  ${o.category} / ${o.name}: ${o.status}, ${o.bytes} bytes, ${o.ms} ms`);
  }
  const serverErrors = errorSummary(server, 40);
  for (const e of serverErrors) console.log(`  server error log x${e.count}: ${e.msg}`);

  const ok = failed.length === 0 && stillAnswers && graphUnchanged && crashes.length === 0 && restarts.length === 0;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const summary = {
    benchmark: 'bad-input',
    machine: machine(),
    requests: outcomes.length,
    failures: failed.length,
    categories: Object.fromEntries(
      rows.map((r) => [r[0], { count: r[1], statuses: r[2], answers: r[3], maxMs: r[4], failures: r[5] }]),
    ),
    failed: failed.map((o) => ({ category: o.category, name: o.name, status: o.status, failures: o.failures })),
    slowest: slowest.map((o) => ({ name: `${o.category} / ${o.name}`, ms: o.ms, status: o.status })),
    serverStillAnswers: stillAnswers,
    graph: { unchanged: graphUnchanged, before: countsBefore, after: countsAfter },
    serverRssMb: { before: rssBefore, peak: rssPeak, after: rssAfter },
    serverRestartsNeeded: restarts,
    serverCrashes: crashes,
    clientAborts: { requests: 40, serverErrorLogLines: abortErrorLines },
    serverErrors,
    outcomes,
    passed: ok,
  };
  const file = writeResults('bad-input', summary);
  printBlock(`bad-input: ${outcomes.length} malformed or hostile requests`, [
    ['requests', outcomes.length],
    ['failures', failed.length],
    ['statuses seen', tally(outcomes.map((o) => String(o.status)))],
    ['answers', tally(outcomes.map((o) => o.kind))],
    [
      'slowest',
      slowest
        .slice(0, 3)
        .map((o) => `${o.name} ${o.ms} ms`)
        .join('; '),
    ],
    ['server restarts needed', restarts.length],
    ['server crashes', crashes.length],
    ['still answers { __typename }', stillAnswers ? 'yes' : 'NO'],
    ['graph unchanged', graphUnchanged ? `yes (${Object.keys(countsBefore).length} counts equal)` : 'NO'],
    ['server RSS MiB before/peak/after', `${rssBefore ?? '?'} / ${rssPeak || '?'} / ${rssAfter ?? '?'}`],
    ['server error log lines', `${server.errorLines().length} (of them after 40 client aborts: ${abortErrorLines})`],
    ['result', ok ? 'PASS' : 'FAIL'],
    ['written to', file],
  ]);
  return ok;
}

function tally(values: string[]): string {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');
}

runBench('bad-input', 20 * 60_000, main);
