import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpLimits } from './config.js';
import type { Logger } from './logger.js';

/** The soft limit on open files of this process (Linux), undefined where it cannot be read. */
export function openFileLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The connection cap actually used: the configured one, but at most half the open-file limit. Past
 * that limit accept() fails with EMFILE and Node resets every new connection, /health included; the
 * other half stays for the Neo4j pool, the log, the local Neo4j's pipes and accept bursts.
 */
export function connectionCap(configured: number, fileLimit = openFileLimit()): number {
  return fileLimit === undefined ? configured : Math.max(8, Math.min(configured, Math.floor(fileLimit / 2)));
}

export interface ConnectionStats {
  open: number;
  /** Connections closed to admit a new one (the oldest idle first). */
  evicted: number;
  /** New connections closed at once because every open one was serving a request. */
  refused: number;
}

export interface LimitedServer extends Server {
  connectionStats(): ConnectionStats;
}

/**
 * Node's HTTP server with limits on every connection:
 * - a connection that sends nothing is closed after `idleTimeoutMs` (Node itself never closes it);
 * - headers must arrive within `headersTimeoutMs`, the whole request (body included) within
 *   `requestTimeoutMs` (408, checked every second), so a trickling upload is cut off;
 * - between requests a kept-alive connection is closed after `keepAliveTimeoutMs`;
 * - at `maxConnections`, a new connection closes the oldest idle one (then the oldest one still
 *   sending its request); only when all serve a request is the new one closed. So a client holding
 *   thousands of idle sockets cannot lock others (or /health) out, and the process stays below
 *   its open-file limit.
 */
export function createHttpServer(handler: RequestListener, limits: HttpLimits, logger?: Logger): LimitedServer {
  const cap = connectionCap(limits.maxConnections);
  /** Connections not serving a request, oldest idle first. */
  const idle = new Map<Socket, true>();
  /** Connections with a request in progress: the requests not yet answered. */
  const busy = new Map<Socket, Set<IncomingMessage>>();
  const stats = { evicted: 0, refused: 0 };
  let warnedAt = 0;

  const evictOne = (): boolean => {
    let victim: Socket | undefined = idle.keys().next().value;
    if (!victim) {
      for (const [socket, requests] of busy) {
        if ([...requests].every((r) => !r.complete)) {
          victim = socket;
          break;
        }
      }
    }
    if (!victim) return false;
    idle.delete(victim);
    busy.delete(victim);
    victim.destroy();
    stats.evicted += 1;
    return true;
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      // The idle timer is for connections without a request; a long answer is not idleness.
      socket.setTimeout(0);
      idle.delete(socket);
      let requests = busy.get(socket);
      if (!requests) {
        requests = new Set();
        busy.set(socket, requests);
      }
      requests.add(req);
      res.once('close', () => {
        const open = busy.get(socket);
        open?.delete(req);
        if (open && open.size === 0 && !socket.destroyed) {
          busy.delete(socket);
          idle.set(socket, true);
        }
      });
      handler(req, res);
    },
  ) as LimitedServer;

  server.on('connection', (socket: Socket) => {
    if (idle.size + busy.size >= cap) {
      const now = Date.now();
      if (now - warnedAt > 10_000) {
        warnedAt = now;
        logger?.warn({ cap }, 'connection limit reached; closing the oldest idle connections to admit new ones');
      }
      if (!evictOne()) {
        stats.refused += 1;
        socket.destroy();
        return;
      }
    }
    idle.set(socket, true);
    // No listener of ours: Node's own 'timeout' handler destroys a socket that has no request.
    socket.setTimeout(limits.idleTimeoutMs);
    socket.once('close', () => {
      idle.delete(socket);
      busy.delete(socket);
    });
  });

  server.connectionStats = () => ({ open: idle.size + busy.size, ...stats });
  return server;
}
