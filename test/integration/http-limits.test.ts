import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/db/local-neo4j.js';
import { waitFor } from '../helpers/server-process.js';

/** The server as a process (`node src/server.ts`) under `ulimit -n fileLimit`, with the given HTTP limits. */
async function startServer(env: Record<string, string>, fileLimit = 4096) {
  const n = inject('neo4j');
  const port = await freePort();
  const child = spawn(
    'bash',
    ['-c', `ulimit -n ${fileLimit} && exec "${process.execPath}" --import tsx src/server.ts`],
    {
      env: {
        ...process.env,
        NEO4J_URI: n.uri,
        NEO4J_USER: n.user,
        NEO4J_PASSWORD: n.password,
        ...(n.database ? { NEO4J_DATABASE: n.database } : {}),
        LOAD_ARTICLES_ON_START: 'false',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    out += c;
  });
  const up = await waitFor(async () => (await health(port, 2_000)) === 200, 60_000);
  if (!up) throw new Error(`the server did not start:\n${out}`);
  return { child, port, output: () => out };
}

/** GET /health on a new connection; the status, or the error's code when there is no answer. */
function health(port: number, timeoutMs = 10_000): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Opens a socket; resolves when it is connected (or failed). */
function open(port: number): Promise<net.Socket & { closedAt?: number }> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1') as net.Socket & { closedAt?: number };
    s.on('error', () => {});
    s.once('close', () => {
      s.closedAt = Date.now();
    });
    s.once('connect', () => resolve(s));
    s.once('close', () => resolve(s));
  });
}

/** Resolves with the time from now until the socket closes, or undefined when it is still open after `ms`. */
const closedWithin = (s: net.Socket, ms: number) =>
  new Promise<number | undefined>((resolve) => {
    const started = Date.now();
    const timer = setTimeout(() => resolve(undefined), ms);
    s.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });

describe('HTTP server limits, with real sockets on 127.0.0.1', () => {
  const children: ChildProcess[] = [];
  const sockets: net.Socket[] = [];
  afterAll(() => {
    for (const s of sockets) s.destroy();
    for (const c of children) c.kill('SIGKILL');
  });

  it('closes a connection that sends nothing after the idle timeout, and cuts a trickling upload with 408 at the request timeout', async () => {
    const server = await startServer({
      HTTP_IDLE_TIMEOUT_MS: '500',
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_REQUEST_TIMEOUT_MS: '1500',
    });
    children.push(server.child);

    const idle = await open(server.port);
    sockets.push(idle);
    // Bounded wait (not a speed claim): Node's default leaves such a socket open indefinitely.
    expect(await closedWithin(idle, 15_000)).toBeDefined();

    const trickle = await open(server.port);
    sockets.push(trickle);
    let answer = '';
    trickle.on('data', (d) => {
      answer += d;
    });
    trickle.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    // One byte every 200 ms keeps the socket busy, so only the request timeout can end it (Node's default: 300 s).
    const drip = setInterval(() => trickle.writable && trickle.write(' '), 200);
    try {
      expect(await closedWithin(trickle, 20_000)).toBeDefined();
    } finally {
      clearInterval(drip);
    }
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 90_000);

  it('keeps /health reachable when one client holds more idle sockets than the server may open files', async () => {
    // 256 open files: the connection cap becomes 128; idle sockets are not timed out during the test.
    const server = await startServer({ HTTP_IDLE_TIMEOUT_MS: '120000', HTTP_MAX_CONNECTIONS: '100000' }, 256);
    children.push(server.child);
    const held = [];
    for (let i = 0; i < 400; i++) held.push(await open(server.port));
    sockets.push(...held);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await health(server.port));
    expect(statuses).toEqual([200, 200, 200]);
    // The server closed the oldest idle sockets to stay at its cap.
    const closed = held.filter((s) => s.closedAt !== undefined).length;
    expect(closed).toBeGreaterThanOrEqual(400 - 128);
    expect(server.output()).toMatch(/connection limit reached/);
  }, 120_000);
});
