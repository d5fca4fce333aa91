import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { QueryTimeoutError } from '../../src/db/driver.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const post = (body: BodyInit, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('limits on every request', () => {
  const db = testDatabase();
  const { app, gql } = testApp(db, { corsOrigins: ['https://research.example.org'] });
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  const limitError = async (query: string) => {
    const r = await gql(query);
    expect(r.status).toBeLessThan(500);
    return r.errors?.[0]?.extensions as { code?: string; limit?: string } | undefined;
  };

  it(`refuses a query deeper than ${DEFAULT_LIMITS.maxDepth} levels`, async () => {
    const nested = `{ event(id: "turkey-buys-s400") ${'{ responses '.repeat(16)}{ key }${' }'.repeat(16)} }`;
    expect(await limitError(nested)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth' });
  });

  it('refuses a document nested thousands of levels deep before parsing it', async () => {
    const deep = `{ ${'a { '.repeat(5_000)}b${' }'.repeat(5_000)} }`;
    expect(await limitError(deep)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth' });
    // Braces inside strings are not nesting.
    const inString = await gql(`{ search(query: "${'{'.repeat(150)}") { score } }`);
    expect(inString.errors).toBeUndefined();
  });

  it('refuses a query that costs too much, counting page sizes', async () => {
    const bomb =
      '{ actors(first: 100) { edges { node { relations { claims { evidence { document { claims { evidence { quote } } } } } } } } } }';
    expect(await limitError(bomb)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
    const fine = await gql('{ actors(first: 100) { edges { node { key } } } }');
    expect(fine.errors).toBeUndefined();
  });

  it(`refuses more than ${DEFAULT_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from(
      { length: DEFAULT_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: graphStats { labels { name } }`,
    );
    expect(await limitError(`{ ${aliases.join(' ')} }`)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases' });
  });

  it(`refuses more than ${DEFAULT_LIMITS.maxDirectives} directives`, async () => {
    const directives = ' @include(if: true)'.repeat(DEFAULT_LIMITS.maxDirectives + 1);
    expect(await limitError(`{ graphStats${directives} { labels { name } } }`)).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'directives',
    });
  });

  it(`refuses documents of more than ${DEFAULT_LIMITS.maxTokens} tokens`, async () => {
    const fields = ' name'.repeat(DEFAULT_LIMITS.maxTokens);
    const r = await gql(`{ graphStats { labels { ${fields} } } }`);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens' });
  });

  it('refuses a request body over the size limit, declared or streamed', async () => {
    const big = JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes) });
    const declared = await app.fetch('http://localhost/graphql', post(big));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const chunks = new ReadableStream({
      start(controller) {
        const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await app.fetch('http://localhost/graphql', { ...post(chunks), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('does not suggest field names to a probing client', async () => {
    const r = await gql('{ graphStat { labels { name } } }');
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('prevents CSRF: a GET or a form POST needs a custom header', async () => {
    const get = await app.fetch('http://localhost/graphql?query=%7B__typename%7D');
    expect(get.status).toBe(403);
    expect(await get.json()).toMatchObject({ errors: [{ extensions: { code: 'CSRF_PREVENTED' } }] });
    const form = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(403);
    const withHeader = await app.fetch('http://localhost/graphql?query=%7B__typename%7D', {
      headers: { 'x-graphql-csrf': '1', accept: 'application/json' },
    });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('allows cross-origin browsers only from the configured origins', async () => {
    const preflight = (origin: string) =>
      app.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://research.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://research.example.org');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.com');
  });

  it('stops a query at its transaction timeout', async () => {
    const quick = testDatabase(300);
    try {
      await quick.check();
      const err = await quick
        .read('slow', 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryTimeoutError);
    } finally {
      await quick.close();
    }
  });

  it('cancels the Neo4j transaction when the client goes away', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = db
      .read(
        'slow',
        'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n',
        {},
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 300);
    const err = await running;
    expect(err).toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Nothing of it keeps running on the server.
    await new Promise((r) => setTimeout(r, 500));
    const open = await db.read<{ q: string }>(
      'transactions',
      'SHOW TRANSACTIONS YIELD currentQuery AS q WHERE q STARTS WITH "UNWIND range(1, 200000000)" RETURN q',
    );
    expect(open).toEqual([]);
  });
});
