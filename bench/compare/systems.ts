/**
 * The three systems of the comparison as child processes on free loopback ports: (P) this project's
 * server (src/server.ts, as `npm start` runs it), (N) @neo4j/graphql on graphql-yoga, (F) the floor.
 * Each is its own Node process, so that its CPU time can be read from /proc/<pid>/stat.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, freePort, onCleanup, ROOT, sleep } from '../lib.js';

export type SystemName = 'P' | 'N' | 'F';

export interface System {
  name: SystemName;
  url: string;
  pid: number;
  /** Path of the request: /graphql for P and N, /op for F. */
  path: string;
  agent: http.Agent;
  stop(): Promise<void>;
  output(): string[];
}

const SCRIPTS: Record<SystemName, string> = {
  P: 'src/server.ts',
  N: 'bench/peers/neo4j-graphql/server.ts',
  F: 'bench/peers/floor/server.ts',
};

export async function startSystem(
  name: SystemName,
  neo4j: { uri: string; password: string },
  opts: { cpuProfDir?: string; responseCache?: boolean } = {},
): Promise<System> {
  const port = await freePort();
  const nodeArgs = [
    '--import',
    pathToFileURL(path.join(BENCH_DIR, 'parent-watch.mjs')).href,
    '--import',
    'tsx',
    ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []),
    SCRIPTS[name],
  ];
  const child: ChildProcess = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOAD_ARTICLES_ON_START: 'false',
      // Large graphs: measure slow answers rather than stop them.
      NEO4J_QUERY_TIMEOUT_MS: '120000',
      // Every benchmark client has the same address; bench/connections.ts measures the rate limit.
      RATE_LIMIT_PER_MINUTE: '0',
      // P's response cache would answer the repeated requests from memory: off unless --cache.
      RESPONSE_CACHE_MB: opts.responseCache ? '32' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let ready = false;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      if (line.includes('READY')) ready = true;
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitCode: number | null | undefined;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code;
      if (!stopping) {
        console.error(`\n!!! ${name} (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}`);
        console.error(lines.slice(-30).join('\n'));
      }
      resolve();
    }),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const stop = () => {
    stopping ??= (async () => {
      agent.destroy();
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      if (!(await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]))) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(5_000)]);
      }
    })();
    return stopping;
  };
  onCleanup(`stop ${name}`, stop);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${name} exited (code ${exitCode}):\n${lines.slice(-20).join('\n')}`);
    if (Date.now() > until) throw new Error(`${name} did not start within 120 s:\n${lines.slice(-20).join('\n')}`);
    if (name === 'P') {
      const r = await post(url, '/ready', '', agent, 'GET').catch(() => undefined);
      if (r?.status === 200) break;
    } else if (ready) break;
    await sleep(250);
  }
  return { name, url, pid: child.pid ?? 0, path: name === 'F' ? '/op' : '/graphql', agent, stop, output: () => lines };
}

export interface Reply {
  status: number;
  ms: number;
  text: string;
}

/**
 * One request over a keep-alive connection; ms is the time to the last byte of the answer. A server
 * closes an idle connection after 5 s (Node's keepAliveTimeout); a request sent on it in that moment
 * fails with ECONNRESET and is sent once more on a new connection.
 */
export async function post(
  url: string,
  pathname: string,
  body: string,
  agent: http.Agent,
  method = 'POST',
): Promise<Reply> {
  try {
    return await send(url, pathname, body, agent, method);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ECONNRESET' && !(err instanceof Error && err.message === 'socket hang up')) throw err;
    retries += 1;
    return send(url, pathname, body, agent, method);
  }
}

/** Requests sent again after ECONNRESET (reported with the results). */
export let retries = 0;

function send(url: string, pathname: string, body: string, agent: http.Agent, method: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      `${url}${pathname}`,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        timeout: 300_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

/** User + system CPU time of a process in ms (from /proc/<pid>/stat; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
