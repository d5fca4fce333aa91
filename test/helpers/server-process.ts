import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  url: string;
  exited: Promise<number | null>;
}

/** Runs the server with the given environment: through `npm start` itself, or node directly. */
export function startServer(env: Record<string, string>, port: number, via: 'npm' | 'node' = 'node'): ServerProcess {
  const [cmd, args] =
    via === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, ['--import', 'tsx', 'src/server.ts']];
  const child = spawn(cmd, args as string[], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    out += c;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, url: `http://127.0.0.1:${port}`, exited };
}

/** Polls until `check` passes or the time is up. */
export async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The pid of the Java process of the local Neo4j in this data folder (from its run.json). */
export function javaPid(dir: string): number {
  return (JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { pid: number }).pid;
}

/** The HTTP status of GET `path` on the server. */
export async function statusOf(url: string, pathname: string): Promise<number> {
  const res = await fetch(`${url}${pathname}`, { signal: AbortSignal.timeout(5_000) });
  await res.arrayBuffer();
  return res.status;
}

/** Runs one GraphQL operation over HTTP. */
export async function post<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}
