import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { Plugin } from 'graphql-yoga';
import { authenticate } from './auth.js';
import type { ApiKey, RateLimit } from './config.js';
import type { Context } from './context.js';
import { errorResponse } from './limits.js';

/** Paths a probe must always reach. */
const EXEMPT = new Set(['/health', '/ready']);

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: `burst` tokens, refilled at `perMinute` a minute. A request needs one
 * token to start and is charged one per Neo4j query it sent (at least one) when it is done, so a
 * request with 30 search aliases costs 30. The balance may go negative; the client then waits.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxClients = 100_000,
  ) {}

  private bucket(key: string, now: number): Bucket {
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
      b.at = now;
      return b;
    }
    if (this.buckets.size >= this.maxClients) this.prune(now);
    b = { tokens: this.burst, at: now };
    this.buckets.set(key, b);
    return b;
  }

  /** Forgets clients whose bucket has refilled (they are as new), else the oldest half. */
  private prune(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.burst) this.buckets.delete(k);
    }
    if (this.buckets.size < this.maxClients) return;
    let n = Math.floor(this.maxClients / 2);
    for (const k of this.buckets.keys()) {
      if (n-- <= 0) break;
      this.buckets.delete(k);
    }
  }

  /** Takes one token; undefined when granted, else the seconds until one is available. */
  take(key: string, now = Date.now()): number | undefined {
    const b = this.bucket(key, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute));
  }

  /** Charges work done beyond the token taken at the start (never below -burst). */
  charge(key: string, tokens: number, now = Date.now()): void {
    if (tokens <= 0) return;
    const b = this.bucket(key, now);
    b.tokens = Math.max(-this.burst, b.tokens - tokens);
  }
}

/** An IPv4 address as it is; an IPv6 address by its /64 (one subscriber usually holds a whole /64). */
export function addressKey(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!isIPv6(a)) return a;
  const [head = '', tail = ''] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the socket's peer, or, behind `trustProxyHops` proxies, the address the
 * outermost trusted proxy saw (X-Forwarded-For is appended to by each proxy; entries further left
 * were written by the client and prove nothing).
 */
export function clientAddress(request: Request, socketAddress: string | undefined, trustProxyHops: number): string {
  const peer = socketAddress ?? 'unknown';
  if (trustProxyHops === 0) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)] ?? peer;
}

/** 429 RATE_LIMITED with Retry-After once a client (API key name, else address) has used its tokens. */
export function rateLimitPlugin(options: RateLimit, apiKeys: readonly ApiKey[]): Plugin<Context> {
  if (options.perMinute === 0) return {};
  const buckets = new TokenBuckets(options.perMinute, options.burst);
  const clients = new WeakMap<Request, string>();
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (EXEMPT.has(url.pathname)) return;
      const viewer = authenticate(request.headers.get('authorization'), apiKeys);
      const socket = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket;
      const key = viewer.name
        ? `key:${viewer.name}`
        : `ip:${addressKey(clientAddress(request, socket?.remoteAddress, options.trustProxyHops))}`;
      const wait = buckets.take(key);
      if (wait === undefined) {
        clients.set(request, key);
        return;
      }
      endResponse(
        errorResponse(429, 'RATE_LIMITED', `too many requests from this client; try again in ${wait} s`, {
          'retry-after': String(wait),
        }),
      );
    },
    onExecute({ args }) {
      return {
        onExecuteDone() {
          const ctx = args.contextValue as Context & { request?: Request };
          const key = ctx.request && clients.get(ctx.request);
          if (key) buckets.charge(key, ctx.stats.count - 1);
        },
      };
    },
  };
}
