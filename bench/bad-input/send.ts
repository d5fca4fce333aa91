/** Sending one bad-input request: through Node's HTTP client, or as bytes over a socket. */
import http from 'node:http';
import net from 'node:net';
import { JSON_HEADERS } from './case.js';
import type { Request } from './load.js';

/** A request without an answer after this long is a hang. */
export const TIMEOUT_MS = 10_000;

export interface RawResponse {
  status: number | 'hang' | 'reset';
  body: Buffer;
  ms: number;
  error?: string;
}

function sendHttp(port: number, c: Request): Promise<RawResponse> {
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
function rawRequest(c: Request): { raw: Buffer; rawBody: Buffer } {
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
function sendRaw(port: number, c: Request): Promise<RawResponse> {
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

/** Sends a request: raw bytes over a socket, a body over 1 MB too (to see an early 413), else through http. */
export function send(port: number, c: Request): Promise<RawResponse> {
  if (c.raw) return sendRaw(port, c);
  if (c.body !== undefined && Buffer.byteLength(c.body) > 1e6) return sendRaw(port, { ...c, ...rawRequest(c) });
  return sendHttp(port, c);
}

/** Sends `n` heavy requests and drops each 5–32 ms after sending it; the server must shrug it off. */
export async function clientAborts(port: number, n: number, body: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) },
        agent: false,
      });
      req.on('error', () => {});
      req.end(body);
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
