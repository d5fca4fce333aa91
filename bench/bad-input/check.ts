/**
 * The checks of every answer: within 10 s, a valid status (never 5xx), no stack trace or internal
 * detail, a well-formed GraphQL-over-HTTP body (errors with messages, or data); then what the case
 * states: data, or errors with its code and limit.
 */
import { VALID_STATUSES } from './case.js';
import type { Request } from './load.js';
import { type RawResponse, TIMEOUT_MS } from './send.js';

export interface Outcome {
  category: string;
  name: string;
  status: number | string;
  ms: number;
  /** The distinct `extensions.code` of the errors (NO_CODE when one has none). */
  codes: string[];
  /** The distinct `extensions.limit` of the errors (none when one has none). */
  limits: string[];
  kind: 'error' | 'data' | 'http' | 'empty' | 'hang' | 'reset' | 'bad-body';
  bytes: number;
  failures: string[];
  firstMessage?: string;
  /** Warnings Node printed on the server's stderr after this request. */
  nodeWarnings?: string[];
}

export function check(c: Request, r: RawResponse): Outcome {
  const o = checkAnswer(c, r);
  if (o.kind === 'hang' || o.kind === 'reset') return o;
  const answered = o.kind === 'error' ? o.codes.join(', ') : o.kind;
  if (c.expect === 'data' && o.kind !== 'data') o.failures.push(`answered ${answered}, data was expected`);
  if (c.code) {
    const codes = o.codes.filter((code) => !code.startsWith('('));
    if (o.kind !== 'error' || codes.some((code) => code !== c.code)) {
      o.failures.push(`answered ${answered}, ${c.code} was expected`);
    }
  }
  if (c.limit && o.kind === 'error' && o.limits.some((limit) => limit !== c.limit)) {
    o.failures.push(`limit ${o.limits.join(', ')}, ${c.limit} was expected`);
  }
  return o;
}

const STACK_MARKERS = ['\n    at ', '\\n    at ', '.ts:', 'node_modules/', 'Neo4jError', 'Neo.ClientError'];

function checkAnswer(c: Request, r: RawResponse): Outcome {
  const failures: string[] = [];
  const text = r.body.toString('utf8');
  const o: Outcome = {
    category: c.category,
    name: c.name,
    status: r.status,
    ms: Math.round(r.ms),
    codes: [],
    limits: [],
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
      for (const e of errors as { message?: unknown; extensions?: { code?: unknown; limit?: unknown } }[]) {
        if (typeof e?.message !== 'string' || !e.message) failures.push('an error without a message');
        const code = typeof e?.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE';
        if (!o.codes.includes(code)) o.codes.push(code);
        const limit = typeof e?.extensions?.limit === 'string' ? e.extensions.limit : 'none';
        if (!o.limits.includes(limit)) o.limits.push(limit);
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
