import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SpawnOptions {
  /** Added to this process's environment, after PORT and HOST (127.0.0.1). */
  env: Record<string, string>;
  port: number;
  /** Through `npm start` itself, or node directly. */
  via?: 'npm' | 'node';
  /** Modules node loads before the server (`--import`); only with via 'node'. */
  imports?: string[];
  /** Each line the server writes to stdout or stderr, without its line break. */
  onLine?: (line: string) => void;
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  port: number;
  /** The exit code, or null with the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs the server (src/server.ts) as a child process in the repository root. */
export function spawnServer({ env, port, via = 'node', imports = [], onLine }: SpawnOptions): SpawnedServer {
  if (via === 'npm' && imports.length > 0) throw new Error('imports need via "node"');
  const [cmd, args] =
    via === 'npm'
      ? ['npm', ['start', '--silent']]
      : [process.execPath, [...imports.flatMap((m) => ['--import', m]), '--import', 'tsx', 'src/server.ts']];
  const child = spawn(cmd, args as string[], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    let partial = '';
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine?.(line);
    });
    stream?.on('end', () => {
      if (partial) onLine?.(partial);
      partial = '';
    });
  }
  let result: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      result = { code, signal };
      resolve(result);
    }),
  );
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 15_000) => {
    stopping ??= (async () => {
      if (result) return;
      child.kill('SIGTERM');
      if (!(await settlesWithin(exited, graceMs))) {
        child.kill('SIGKILL');
        await settlesWithin(exited, 5_000);
      }
    })();
    return stopping;
  };
  return { child, url: `http://127.0.0.1:${port}`, port, exited, stop };
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  url: string;
  exited: Promise<number | null>;
}

/** Runs the server with the given environment (LOG_LEVEL info unless given), keeping all it writes. */
export function startServer(env: Record<string, string>, port: number, via: 'npm' | 'node' = 'node'): ServerProcess {
  let out = '';
  const server = spawnServer({
    env: { LOG_LEVEL: 'info', ...env },
    port,
    via,
    onLine: (line) => {
      out += `${line}\n`;
    },
  });
  return { child: server.child, output: () => out, url: server.url, exited: server.exited.then((e) => e.code) };
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

async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
