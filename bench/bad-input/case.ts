import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib.js';

/**
 * What a bad-input case is. The cases are data, one file per category in ./cases/ (the file name is
 * the category); bench/bad-input.ts sends them and checks the answers (./check.ts).
 */

/**
 * What must come back. `error`: a GraphQL error (data without errors fails). `data`: data without
 * errors. `either`: valid input, data or an error (a limit, say) are both fine. `http`: answered by
 * the HTTP layer (Node's parser, methods): a valid status; the body is checked only when it is JSON.
 */
export type Expect = 'error' | 'data' | 'either' | 'http';

export interface Case {
  name: string;
  expect: Expect;

  // The request: a GraphQL operation, a JSON value, bytes, or raw HTTP. POST /graphql unless given.
  /** Sent as the JSON body `{ query, variables, operationName }`. */
  query?: string;
  variables?: unknown;
  operationName?: unknown;
  /** This value as the JSON body (batches, odd payloads). */
  json?: unknown;
  /** Exactly these bytes as the body (a string goes as UTF-8). */
  body?: string | Buffer;
  /** Sent as is over a TCP socket, instead of an HTTP request (malformed HTTP; a string goes as latin1). */
  raw?: string | Buffer;
  method?: string;
  /** Path and query string; /graphql when not given. */
  path?: string;
  /** All the headers sent (content-length is added); JSON_HEADERS when not given. */
  headers?: Record<string, string>;

  // What the case states beyond `expect`.
  /** The statuses allowed (instead of VALID_STATUSES). */
  statuses?: number[];
  /** Every error must carry this `extensions.code`. */
  code?: string;
  /** ... and this `extensions.limit`. */
  limit?: string;
}

/** What a category file exports by default. */
export interface CategoryFile {
  /** One line: what the category sends. */
  about: string;
  cases: Case[];
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** The statuses a GraphQL server may answer bad input with (401/403: auth and CSRF; 429: rate limits). */
export const VALID_STATUSES = [200, 400, 401, 403, 405, 406, 413, 415, 429];

/** The editor key the runner starts the server with (API_KEYS holds its hash). */
export const EDITOR_SECRET = 'bench-bad-input-editor-secret';
export const EDITOR_HEADERS = { ...JSON_HEADERS, authorization: `Bearer ${EDITOR_SECRET}` };

/** A claim of the seeded article (data/articles/2022-01-flashup-moskau-ankara). */
export const SEEDED_CLAIM = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';

/** `{ a0: field a1: field … }` */
export const aliases = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** A valid article that is not in the seeded graph (test/fixtures/articles/test-second-article). */
const FIXTURE = path.join(ROOT, 'test/fixtures/articles/test-second-article');
export const FIXTURE_ARTICLE = {
  articleText: readFileSync(path.join(FIXTURE, 'article.txt'), 'utf8'),
  annotationsYaml: readFileSync(path.join(FIXTURE, 'annotations.yaml'), 'utf8'),
};

/** `text` with its first `from` replaced by `to`; throws when `from` is not in it. */
export function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} is not in the text`);
  return text.replace(from, () => to);
}
