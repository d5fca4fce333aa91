/**
 * Shared set-up of the benchmarks: a throwaway local Neo4j (temp folder, free port) owned by the
 * benchmark, the GraphQL server as a child process on a free port, small HTTP helpers, RSS, results.
 * Everything started here is registered for clean-up, which runs on success, on failure, on
 * SIGINT/SIGTERM and when the global time limit of the benchmark is reached.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import neo4jDriver from 'neo4j-driver';
import { freePort, isAlive, type LocalNeo4j, startLocalNeo4j } from '../src/db/local-neo4j.js';
import type { GraphStats } from '../src/repositories/stats.js';
import { countsOf } from '../test/helpers/counts.js';
import { deleteAllNodes } from '../test/helpers/graph.js';
import { spawnServer, waitFor } from '../test/helpers/server-process.js';

export { deleteAllNodes, freePort };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = path.join(ROOT, 'bench');

// ---------------------------------------------------------------- clean-up and the run wrapper

type CleanupFn = () => Promise<void> | void;
const cleanups: { name: string; fn: CleanupFn }[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a clean-up step; steps run in reverse order of registration, each at most once. */
export function onCleanup(name: string, fn: CleanupFn): () => void {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { name, fn } = cleanups.pop() as { name: string; fn: CleanupFn };
      try {
        await withTimeout(Promise.resolve(fn()), 90_000, `clean-up step "${name}"`);
      } catch (err) {
        console.error(`clean-up: ${name} failed: ${errMsg(err)}`);
      }
    }
  })();
  return cleaning;
}

/**
 * Runs a benchmark: `main` returns true when every check passed. Exit code 0 / 1; 2 on an exception,
 * 3 when the global time limit was hit, 130 on SIGINT. Clean-up runs in every case.
 */
export function runBench(name: string, maxMs: number, main: () => Promise<boolean>): void {
  let exiting = false;
  const exit = async (code: number, why?: string) => {
    if (exiting) return;
    exiting = true;
    if (why) console.error(`\n[${name}] ${why}`);
    await cleanup();
    process.exit(code);
  };
  const limit = setTimeout(() => void exit(3, `time limit of ${Math.round(maxMs / 1000)}s reached; stopping`), maxMs);
  process.on('SIGINT', () => void exit(130, 'interrupted'));
  process.on('SIGTERM', () => void exit(143, 'terminated'));
  process.on('uncaughtException', (err) => void exit(2, `uncaught exception: ${err.stack ?? err}`));
  process.on('unhandledRejection', (err) => void exit(2, `unhandled rejection: ${errMsg(err)}`));
  main().then(
    (ok) => {
      clearTimeout(limit);
      void exit(ok ? 0 : 1, ok ? undefined : 'some checks FAILED (see above)');
    },
    (err) => {
      clearTimeout(limit);
      void exit(2, `failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    },
  );
}

/** The sha256 hex of an API key, as API_KEYS wants it. */
export { sha256Hex } from '../src/auth.js';

export const errMsg = (err: unknown) => (err instanceof Error ? err.message : String(err));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function withTimeout<T>(p: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(p).finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
    }),
  ]);
}

const t0 = performance.now();
/** Seconds since the benchmark started, for log lines. */
export const elapsed = () => ((performance.now() - t0) / 1000).toFixed(1);
export const log = (msg: string) => console.log(`[${elapsed().padStart(6)}s] ${msg}`);

// ---------------------------------------------------------------- Neo4j owned by the benchmark

export interface BenchNeo4j {
  dir: string;
  port: number;
  password: string;
  uri: string;
  /** The current Java process; replaced by start(). */
  handle: LocalNeo4j | undefined;
  stop(): Promise<void>;
  /** Starts it again on the same folder, port and password. */
  start(): Promise<void>;
}

const TMP_PREFIX = 'bench-neo4j-';

/** Removes temp folders left by a benchmark that was killed (SIGKILL): their owner process is gone. */
function sweepStaleFolders(): void {
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || isAlive(owner)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startNeo4j(password = 'bench-neo4j-password'): Promise<BenchNeo4j> {
  sweepStaleFolders();
  const dir = mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  onCleanup('remove the Neo4j temp folder', () => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const n: BenchNeo4j = {
    dir,
    port,
    password,
    uri: `bolt://127.0.0.1:${port}`,
    handle: undefined,
    async stop() {
      const h = n.handle;
      n.handle = undefined;
      await h?.stop();
    },
    async start() {
      if (n.handle) return;
      const h = await startLocalNeo4j({ dir, port, heap: '1g', password, startTimeoutMs: 120_000 });
      if (!h.owned) throw new Error('startLocalNeo4j joined a Neo4j it does not own');
      n.handle = h;
    },
  };
  onCleanup('stop Neo4j', () => n.stop());
  await n.start();
  return n;
}

/** Removes every node and relationship from the benchmark's Neo4j, through a driver of its own. */
export async function wipeGraph(neo4j: BenchNeo4j): Promise<void> {
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', neo4j.password), {
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await deleteAllNodes(driver);
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------- the server as a child process

export interface ServerHandle {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** The last lines the server wrote (JSON log lines at LOG_LEVEL=warn). */
  output(): string[];
  /** Log lines at level error or above, parsed. */
  errorLines(): { msg?: string; err?: unknown; [k: string]: unknown }[];
  exitCode(): number | null | undefined;
  exited: Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(
  neo4j: Pick<BenchNeo4j, 'uri' | 'password'>,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const lines: string[] = [];
  const errors: Record<string, unknown>[] = [];
  const server = spawnServer({
    port: await freePort(),
    imports: [pathToFileURL(path.join(BENCH_DIR, 'parent-watch.mjs')).href],
    env: {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: neo4j.password,
      LOG_LEVEL: 'warn',
      LOAD_ARTICLES_ON_START: 'true',
      // Every benchmark client has the same address; bench/connections.ts measures the rate limit.
      RATE_LIMIT_PER_MINUTE: '0',
      // Benchmarks repeat requests: measure the server computing them (bench/cache.ts turns it on).
      RESPONSE_CACHE_MB: '0',
      ...env,
    },
    onLine: (line) => {
      if (!line.trim()) return;
      lines.push(line);
      if (lines.length > 500) lines.shift();
      try {
        const j = JSON.parse(line) as Record<string, unknown>;
        if (typeof j.level === 'number' && j.level >= 50 && errors.length < 200) errors.push(j);
      } catch {
        if (errors.length < 200) errors.push({ msg: line });
      }
    },
  });
  let code: number | null | undefined;
  const exited = server.exited.then((e) => {
    code = e.code ?? (e.signal ? -1 : null);
  });
  const stop = () => server.stop(15_000);
  const unregister = onCleanup('stop the server', stop);
  void exited.then(unregister);
  return {
    url: server.url,
    port: server.port,
    pid: server.child.pid ?? 0,
    child: server.child,
    output: () => lines,
    errorLines: () => errors,
    exitCode: () => code,
    exited,
    stop,
  };
}

/** Waits until /ready is 200 and the seeded article is in the graph (Document count 1). */
export async function waitUntilSeeded(server: ServerHandle, timeoutMs = 120_000, documents = 1): Promise<void> {
  let last = '';
  const ok = await waitFor(async () => {
    if (server.exitCode() !== undefined) return true;
    try {
      const ready = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(2_000) });
      await ready.text();
      if (ready.status !== 200) {
        last = `/ready ${ready.status}`;
        return false;
      }
      const counts = await graphCounts(server.url);
      last = `Document count ${counts[':Document'] ?? 0}`;
      return counts[':Document'] === documents;
    } catch (err) {
      last = errMsg(err);
      return false;
    }
  }, timeoutMs);
  if (server.exitCode() !== undefined) {
    throw new Error(`the server exited (code ${server.exitCode()}):\n${server.output().slice(-20).join('\n')}`);
  }
  if (!ok)
    throw new Error(`the server was not ready with ${documents} document(s) within ${timeoutMs / 1000}s (${last})`);
}

/** The distinct messages of the server's error log lines, with how often each occurred. */
export function errorSummary(server: ServerHandle, max = 15): { msg: string; count: number; sample: string }[] {
  const by = new Map<string, { msg: string; count: number; sample: string }>();
  for (const e of server.errorLines()) {
    const errField = e.err as { message?: string; type?: string } | undefined;
    const msg = `${String(e.msg ?? '')}${errField?.message ? `: ${errField.message}` : ''}`.slice(0, 200);
    const entry = by.get(msg) ?? { msg, count: 0, sample: JSON.stringify(e).slice(0, 3000) };
    entry.count += 1;
    by.set(msg, entry);
  }
  return [...by.values()].sort((a, b) => b.count - a.count).slice(0, max);
}

// ---------------------------------------------------------------- HTTP helpers

export interface GqlError {
  message: string;
  extensions?: { code?: string; [k: string]: unknown };
  [k: string]: unknown;
}
export interface GqlResult {
  status: number;
  ms: number;
  json: { data?: unknown; errors?: GqlError[] } | undefined;
  text: string;
}

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  opts: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<GqlResult> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let json: GqlResult['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, ms: performance.now() - started, json, text };
}

/** Node counts per label and relationship counts per type (non-zero only), through the API. */
export async function graphCounts(url: string): Promise<Record<string, number>> {
  const r = await gql(url, '{ graphStats { labels { name count } relationshipTypes { name count } } }', undefined, {
    timeoutMs: 15_000,
  });
  const stats = (r.json?.data as { graphStats?: GraphStats } | undefined)?.graphStats;
  if (!stats) throw new Error(`graphStats failed: ${r.status} ${r.text.slice(0, 300)}`);
  return countsOf(stats);
}

export function diffCounts(a: Record<string, number>, b: Record<string, number>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => (a[k] ?? 0) !== (b[k] ?? 0)).map((k) => `${k} ${a[k] ?? 0} -> ${b[k] ?? 0}`);
}

export const totalNodes = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([k]) => k.startsWith(':'))
    .reduce((s, [, v]) => s + v, 0);
export const totalRels = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([k]) => k.startsWith('['))
    .reduce((s, [, v]) => s + v, 0);

// ---------------------------------------------------------------- autocannon

/** Runs autocannon, stopped by clean-up or after `maxMs`; resolves with its result. */
export async function runAutocannon(
  opts: autocannon.Options,
  maxMs: number,
  onInstance?: (i: autocannon.Instance) => void,
): Promise<autocannon.Result> {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
  const i = instance as autocannon.Instance;
  const unregister = onCleanup('stop autocannon', () => i.stop());
  onInstance?.(i);
  const timer = setTimeout(() => i.stop(), maxMs);
  try {
    return await withTimeout(result, maxMs + 30_000, 'autocannon');
  } finally {
    clearTimeout(timer);
    unregister();
  }
}

// ---------------------------------------------------------------- measurements and output

/** Resident set size of a process in MiB (VmRSS), undefined when it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function writeResults(name: string, results: unknown): string {
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return path.relative(ROOT, file);
}

export function printBlock(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  const rule = '='.repeat(Math.max(title.length + 8, ...lines.map((l) => l.length)) + 2);
  console.log(`\n${rule}\n    ${title}\n${rule}\n${lines.join('\n')}\n${rule}\n`);
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(fmt(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const r of cells.slice(1)) console.log(fmt(r));
}

/** Machine facts printed with every result. */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}
