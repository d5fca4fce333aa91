import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import type { RateLimit } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { addressKey, clientAddress } from '../../src/rate-limit.js';
import { createApp } from '../../src/yoga.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const KEYS = [
  { name: 'alice', role: 'reader' as const, sha256: sha256Hex('alice-secret') },
  { name: 'bob', role: 'reader' as const, sha256: sha256Hex('bob-secret') },
];

describe('rate limit per client, through a real HTTP server on 127.0.0.1', () => {
  const db = testDatabase();
  const servers: Server[] = [];
  beforeAll(() => resetToArticle(db));
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await db.close();
  });

  /** A server with its own buckets; perMinute 1 so that nothing refills during a test. */
  async function serve(rateLimit: Partial<RateLimit>) {
    const app = createApp({
      db,
      logger: createLogger('silent'),
      apiKeys: KEYS,
      rateLimit: { perMinute: 1, burst: 3, trustProxyHops: 0, ...rateLimit },
    });
    const server = createServer(app);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gql = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      }).then(async (res) => ({
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
      }));
    return { gql, url };
  }

  it('answers 429 RATE_LIMITED with Retry-After after the burst; /health and /ready are not limited', async () => {
    const { gql, url } = await serve({});
    for (let i = 0; i < 3; i++) expect((await gql('{ __typename }')).status).toBe(200);
    const limited = await gql('{ __typename }');
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    for (const path of ['/health', '/ready', '/health']) {
      expect((await fetch(`${url}${path}`)).status).toBe(200);
    }
  });

  it('counts per API key when one is presented, else per address; X-Forwarded-For is ignored unless a proxy is trusted', async () => {
    const { gql } = await serve({});
    for (let i = 0; i < 3; i++) await gql('{ __typename }');
    // A forged X-Forwarded-For does not make a new client.
    expect((await gql('{ __typename }', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    // Each key has its own bucket; a wrong key counts against the address.
    expect((await gql('{ __typename }', { authorization: 'Bearer alice-secret' })).status).toBe(200);
    expect((await gql('{ __typename }', { authorization: 'Bearer bob-secret' })).status).toBe(200);
    expect((await gql('{ __typename }', { authorization: 'Bearer wrong' })).status).toBe(429);

    const { gql: proxied } = await serve({ trustProxyHops: 1 });
    const from = (ip: string) => ({ 'x-forwarded-for': `198.51.100.1, ${ip}` });
    for (let i = 0; i < 3; i++) expect((await proxied('{ __typename }', from('203.0.113.7'))).status).toBe(200);
    expect((await proxied('{ __typename }', from('203.0.113.7'))).status).toBe(429);
    expect((await proxied('{ __typename }', from('203.0.113.8'))).status).toBe(200);
  });

  it('charges a request by the Neo4j queries it sent: 30 search aliases use 30 tokens', async () => {
    const { gql } = await serve({ burst: 35 });
    const heavy = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "Drohnen") { score }`).join(' ')} }`;
    const r = await gql(heavy);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    for (let i = 0; i < 5; i++) expect((await gql('{ __typename }')).status).toBe(200);
    expect((await gql('{ __typename }')).status).toBe(429);
  });
});

describe('client addresses', () => {
  const req = (xff?: string) => new Request('http://x/graphql', { headers: xff ? { 'x-forwarded-for': xff } : {} });

  it('takes the socket address unless proxies are trusted, then the address the outermost trusted proxy saw', () => {
    expect(clientAddress(req('1.1.1.1'), '10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), '10.0.0.1', 1)).toBe('2.2.2.2');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), '10.0.0.1', 2)).toBe('1.1.1.1');
    expect(clientAddress(req('2.2.2.2'), '10.0.0.1', 5)).toBe('2.2.2.2');
    expect(clientAddress(req(), '10.0.0.1', 1)).toBe('10.0.0.1');
  });

  it('groups IPv6 addresses by their /64 and unwraps IPv4-mapped ones', () => {
    expect(addressKey('::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(addressKey('2001:db8:0:1::5')).toBe(addressKey('2001:0db8:0000:0001:ffff:1:2:3'));
    expect(addressKey('2001:db8:0:1::5')).not.toBe(addressKey('2001:db8:0:2::5'));
  });
});
