/** Finds the category files in ./cases/ and turns their cases into the requests to send. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Case, type CategoryFile, type Expect, JSON_HEADERS } from './case.js';

const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/** A case as it is sent: the HTTP request, or the raw bytes, and what it states. */
export interface Request {
  category: string;
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  raw?: Buffer;
  /** With raw: sent 300 ms after it, unless the server has answered by then (as with Expect: 100-continue). */
  rawBody?: Buffer;
  expect: Expect;
  statuses?: number[];
  code?: string;
  limit?: string;
}

export interface Category {
  name: string;
  about: string;
  requests: Request[];
}

/**
 * The order categories run in: the HTTP and parser level first, then the limits, then arguments that
 * reach the graph, then writes. It matters: the first request of a kind meets a cold server (Cypher
 * plans not yet compiled), so a heavy category that moves to the front answers slower.
 */
const ORDER = [
  'invalid-json',
  'empty-body',
  'content-type',
  'accept',
  'get',
  'csrf',
  'methods',
  'huge',
  'depth',
  'cost',
  'cost-limit',
  'aliases',
  'fragments',
  'directives',
  'variables',
  'dates',
  'ids',
  'injection',
  'search-syntax',
  'unknown',
  'introspection',
  'batch',
  'encoding',
  'auth',
  'text-hygiene',
  'http-protocol',
];

/** The category names: the files in ./cases/, in ORDER, then any others alphabetically. */
export function categoryNames(): string[] {
  const files = readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export async function loadCategory(name: string): Promise<Category> {
  const file = path.join(CASES_DIR, `${name}.ts`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: CategoryFile };
  const content = mod.default;
  if (typeof content?.about !== 'string' || !Array.isArray(content.cases)) {
    throw new Error(`${path.relative(process.cwd(), file)}: the default export must be { about, cases }`);
  }
  const names = new Set<string>();
  const requests = content.cases.map((c) => {
    if (names.has(c.name)) throw new Error(`${name}: two cases are named "${c.name}"`);
    names.add(c.name);
    return toRequest(name, c);
  });
  return { name, about: content.about, requests };
}

function toRequest(category: string, c: Case): Request {
  const where = `${category} / ${c.name}`;
  const given = (['query', 'json', 'body', 'raw'] as const).filter((k) => c[k] !== undefined);
  if (given.length > 1) throw new Error(`${where}: give one of query, json, body, raw (not ${given.join(' and ')})`);
  if ((c.code || c.limit) && c.expect !== 'error') throw new Error(`${where}: an expected code needs expect 'error'`);
  if ((c.variables !== undefined || c.operationName !== undefined) && c.query === undefined) {
    throw new Error(`${where}: variables and operationName go with a query`);
  }
  const stated = { expect: c.expect, statuses: c.statuses, code: c.code, limit: c.limit };
  if (c.raw !== undefined) {
    if (c.method || c.path || c.headers)
      throw new Error(`${where}: raw bytes carry their own method, path and headers`);
    return { category, name: c.name, raw: Buffer.isBuffer(c.raw) ? c.raw : Buffer.from(c.raw, 'latin1'), ...stated };
  }
  const body =
    c.body ??
    (c.json !== undefined ? JSON.stringify(c.json) : undefined) ??
    (c.query !== undefined
      ? JSON.stringify({ query: c.query, variables: c.variables, operationName: c.operationName })
      : undefined);
  return {
    category,
    name: c.name,
    method: c.method,
    path: c.path,
    headers: c.headers ?? JSON_HEADERS,
    body,
    ...stated,
  };
}
