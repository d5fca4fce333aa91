/**
 * Side by side: this server (P), @neo4j/graphql 7.6 on graphql-yoga (N) and the floor — one
 * hand-written Cypher query per operation behind a bare node:http handler (F) — on ONE Neo4j with the
 * same data. First checks that the three give the same answer to every operation (fails loudly when
 * they do not), then measures, repeated: latency (sequential requests, interleaved between the
 * systems) and throughput (autocannon, short rounds alternating between the systems), with the CPU
 * time each server process and Neo4j spend per request. Prints ratio tables, writes
 * bench/results/compare-<size>.json.
 *
 *   npx tsx bench/compare.ts [--size article|10k|100k|1m] [--reps 2] [--iterations N] [--rounds 2]
 *                            [--duration 3] [--connections 10] [--ops a,b] [--store DIR] [--load-only]
 *                            [--profile OP] [--profile-seconds 60] [--name compare-article-2] [--cache]
 *
 * --store keeps the Neo4j folder (a large corpus is loaded once and reused by later runs);
 * --profile OP runs only P under `node --cpu-prof` with OP as load and prints where the time went.
 * P runs with its response cache off (RESPONSE_CACHE_MB=0): every request is computed, as in N and F.
 * --cache turns it on: the repeated requests are then answered from memory (warm; see bench/cache.ts).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type CompareOp, compareOps, opContext } from './compare/ops.js';
import { summarizeProfile } from './compare/profile.js';
import { openStore, SIZES, type Size } from './compare/store.js';
import { cpuMs, post, retries, type System, type SystemName, startSystem } from './compare/systems.js';
import { log, machine, percentile, printTable, runAutocannon, runBench, writeResults } from './lib.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'article' },
    reps: { type: 'string', default: '2' },
    iterations: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    ops: { type: 'string' },
    store: { type: 'string' },
    'load-only': { type: 'boolean', default: false },
    profile: { type: 'string' },
    name: { type: 'string' },
    'profile-seconds': { type: 'string', default: '60' },
    cache: { type: 'boolean', default: false },
  },
});
const size = args.size as Size;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const REPS = Number(args.reps);
const ITERATIONS = Number(args.iterations ?? { article: 200, '10k': 150, '100k': 60, '1m': 25 }[size]);
const ROUNDS = Number(args.rounds);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP = 5;
const SYSTEMS: SystemName[] = ['P', 'N', 'F'];

const bodyOf = (op: CompareOp, s: SystemName) =>
  JSON.stringify(
    s === 'F' ? op.f : { query: op[s === 'P' ? 'p' : 'n'].query, variables: op[s === 'P' ? 'p' : 'n'].variables ?? {} },
  );

/** The first place where two canonical answers differ, as a path and both values. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

interface Check {
  op: string;
  same: boolean;
  problems: string[];
  /** @neo4j/graphql could not answer (the operation is then measured for P and F only). */
  nFailed?: string;
  bytes: Record<SystemName, number>;
}

async function check(systems: System[], op: CompareOp): Promise<Check> {
  const problems: string[] = [];
  const canon: Partial<Record<SystemName, unknown>> = {};
  const bytes = { P: 0, N: 0, F: 0 };
  let nFailed: string | undefined;
  for (const s of systems) {
    const r = await post(s.url, s.path, bodyOf(op, s.name), s.agent);
    bytes[s.name] = r.text.length;
    let json: { data?: unknown; errors?: { message: string }[] } | undefined;
    try {
      json = JSON.parse(r.text);
    } catch {
      json = undefined;
    }
    if (r.status !== 200 || !json || json.errors || json.data === undefined || json.data === null) {
      if (s.name === 'N') nFailed = `${r.status} ${r.text.slice(0, 500)}`;
      else problems.push(`${s.name}: ${r.status} ${r.text.slice(0, 500)}`);
      continue;
    }
    try {
      canon[s.name] = op.canon[s.name === 'P' ? 'p' : s.name === 'N' ? 'n' : 'f'](json.data);
    } catch (err) {
      problems.push(
        `${s.name}: unexpected shape (${err instanceof Error ? err.message : err}): ${r.text.slice(0, 300)}`,
      );
    }
  }
  if (problems.length === 0) {
    for (const other of nFailed ? (['F'] as const) : (['N', 'F'] as const)) {
      const d = firstDifference(canon.P, canon[other]);
      if (d) problems.push(`P and ${other} differ at ${d}`);
    }
  }
  return { op: op.name, same: problems.length === 0, problems, nFailed, bytes };
}

interface Cell {
  latency: number[];
  requests: number;
  seconds: number;
  errors: number;
  cpuMs: number;
  neo4jCpuMs: number;
}

const newCell = (): Cell => ({ latency: [], requests: 0, seconds: 0, errors: 0, cpuMs: 0, neo4jCpuMs: 0 });

async function measureLatency(systems: System[], op: CompareOp, cells: Record<SystemName, Cell>): Promise<void> {
  const bodies = Object.fromEntries(systems.map((s) => [s.name, bodyOf(op, s.name)]));
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    for (let j = 0; j < systems.length; j++) {
      const s = systems[(i + j) % systems.length] as System;
      const r = await post(s.url, s.path, bodies[s.name] as string, s.agent);
      const bad = r.status !== 200 || r.text.includes('"errors"');
      if (bad) cells[s.name].errors += 1;
      if (i >= WARMUP) cells[s.name].latency.push(r.ms);
    }
  }
}

async function measureThroughput(
  systems: System[],
  neo4jPid: number,
  op: CompareOp,
  cells: Record<SystemName, Cell>,
): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    for (let j = 0; j < systems.length; j++) {
      const s = systems[(round + j) % systems.length] as System;
      const cell = cells[s.name];
      let errors = 0;
      // A fixed number of requests per round (about DURATION seconds at two requests per p50 at once):
      // a round that stops at a time would drop the requests in flight, a large share when each takes seconds.
      const p50 = percentile(
        [...cell.latency].sort((a, b) => a - b),
        50,
      );
      const amount = Math.max(2 * CONNECTIONS, Math.min(5_000, Math.round((DURATION * 2_000) / Math.max(p50, 0.1))));
      const cpu0 = cpuMs(s.pid);
      const neo0 = cpuMs(neo4jPid);
      const result = await runAutocannon(
        {
          url: s.url,
          connections: CONNECTIONS,
          amount,
          timeout: 120,
          requests: [
            {
              method: 'POST',
              path: s.path,
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: bodyOf(op, s.name),
              onResponse: (status: number, body: string) => {
                if (status !== 200 || body.includes('"errors"')) errors += 1;
              },
            },
          ],
        },
        30 * 60_000,
      );
      cell.cpuMs += cpuMs(s.pid) - cpu0;
      cell.neo4jCpuMs += cpuMs(neo4jPid) - neo0;
      cell.requests += result.requests.total;
      cell.seconds += result.duration;
      cell.errors += errors + result.errors + result.timeouts + result.non2xx;
    }
  }
}

const f1 = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

function summarize(cell: Cell) {
  const sorted = [...cell.latency].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    samples: sorted.length,
    throughput: cell.seconds > 0 ? cell.requests / cell.seconds : Number.NaN,
    requests: cell.requests,
    cpuMsPerRequest: cell.requests > 0 ? cell.cpuMs / cell.requests : Number.NaN,
    neo4jCpuMsPerRequest: cell.requests > 0 ? cell.neo4jCpuMs / cell.requests : Number.NaN,
    errors: cell.errors,
  };
}
type Summary = ReturnType<typeof summarize>;

async function profile(store: Awaited<ReturnType<typeof openStore>>, opName: string): Promise<boolean> {
  const op = compareOps(await opContext(store.db)).find((o) => o.name === opName);
  if (!op) throw new Error(`--profile: no operation ${opName}`);
  const dir = `${os.tmpdir()}/compare-cpu-prof-${process.pid}`;
  const spawned = Date.now();
  const p = await startSystem('P', store, { cpuProfDir: dir });
  const seconds = Number(args['profile-seconds']);
  for (let i = 0; i < 50; i++) await post(p.url, p.path, bodyOf(op, 'P'), p.agent);
  // Start-up and warm-up are left out of the summary.
  const skipMs = Date.now() - spawned;
  log(`profiling P under "${op.title}": ${CONNECTIONS} connections for ${seconds} s`);
  const result = await runAutocannon(
    {
      url: p.url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: bodyOf(op, 'P'),
        },
      ],
    },
    (seconds + 60) * 1000,
  );
  log(`${result.requests.total} requests, ${(result.requests.total / result.duration).toFixed(0)}/s; stopping P`);
  await p.stop();
  const summary = summarizeProfile(dir, skipMs);
  writeResults(`compare-profile-${opName}`, {
    machine: machine(),
    size,
    op: op.name,
    requests: result.requests.total,
    ...summary,
  });
  return true;
}

async function main(): Promise<boolean> {
  const store = await openStore(size, {
    store: args.store,
    heap: size === 'article' || size === '10k' ? '1g' : '2g',
    maxLoadMs: 90 * 60_000,
  });
  const load = { ...store.load, sample: undefined };
  log(`loader: ${JSON.stringify(load)}`);
  if (args['load-only']) {
    writeResults(`compare-load-${size}`, { machine: machine(), size, counts: store.counts, load: store.load });
    return true;
  }
  if (args.profile) return profile(store, args.profile);

  const wanted = args.ops?.split(',');
  const ops = compareOps(await opContext(store.db)).filter((o) => !wanted || wanted.includes(o.name));
  const systems: System[] = [];
  for (const name of SYSTEMS) systems.push(await startSystem(name, store, { responseCache: args.cache }));
  log(`P ${systems[0]?.url}, N ${systems[1]?.url}, F ${systems[2]?.url}; Neo4j ${store.uri} (pid ${store.neo4jPid})`);

  // 1. Same answers, or the operation is not measured and the run fails.
  const checks: Check[] = [];
  for (const op of ops) {
    const c = await check(systems, op);
    checks.push(c);
    if (c.same && c.nFailed) console.error(`\n!!! ${op.title}: @neo4j/graphql FAILS (${c.nFailed}); P and F agree\n`);
    else if (c.same) log(`same answer from P, N and F: ${op.title} (${c.bytes.P} / ${c.bytes.N} / ${c.bytes.F} bytes)`);
    else console.error(`\n!!! ${op.title}: the answers DIFFER\n    ${c.problems.join('\n    ')}\n`);
  }
  const measured = ops.filter((o) => checks.find((c) => c.op === o.name)?.same);

  // 2. Latency and throughput, repeated.
  const reps: { loadavg: number[]; results: Record<string, Record<SystemName, Summary>> }[] = [];
  for (let rep = 1; rep <= REPS; rep++) {
    const results: Record<string, Record<SystemName, Summary>> = {};
    for (const op of measured) {
      const cells = { P: newCell(), N: newCell(), F: newCell() };
      const those = checks.find((c) => c.op === op.name)?.nFailed ? systems.filter((s) => s.name !== 'N') : systems;
      await measureLatency(those, op, cells);
      await measureThroughput(those, store.neo4jPid, op, cells);
      results[op.name] = { P: summarize(cells.P), N: summarize(cells.N), F: summarize(cells.F) };
      const r = results[op.name] as Record<SystemName, Summary>;
      log(
        `rep ${rep} ${op.name}: p50 ${f1(r.P.p50)} / ${f1(r.N.p50)} / ${f1(r.F.p50)} ms, ` +
          `${f1(r.P.throughput)} / ${f1(r.N.throughput)} / ${f1(r.F.throughput)} req/s (P / N / F)`,
      );
    }
    reps.push({ loadavg: os.loadavg(), results });
  }

  // 3. Tables.
  for (const [i, rep] of reps.entries()) {
    console.log(`\nrepetition ${i + 1} (load average ${rep.loadavg.map((x) => x.toFixed(1)).join(' ')}), ${size}`);
    printTable(
      [
        'operation',
        'p50 P / N / F ms',
        'p95 P / N / F ms',
        'req/s P / N / F',
        'CPU ms/req P / N / F',
        'Neo4j CPU ms/req P / N / F',
        'errors',
      ],
      measured.map((op) => {
        const r = rep.results[op.name] as Record<SystemName, Summary>;
        const three = (k: keyof Summary) => SYSTEMS.map((s) => f1(r[s][k] as number)).join(' / ');
        return [
          op.title,
          three('p50'),
          three('p95'),
          three('throughput'),
          three('cpuMsPerRequest'),
          three('neo4jCpuMsPerRequest'),
          SYSTEMS.map((s) => r[s].errors).join('/'),
        ];
      }),
    );
  }
  const ratios = measured.map((op) => {
    const per = reps.map((rep) => rep.results[op.name] as Record<SystemName, Summary>);
    return {
      op: op.name,
      title: op.title,
      p50PN: per.map((r) => r.P.p50 / r.N.p50),
      p50PF: per.map((r) => r.P.p50 / r.F.p50),
      throughputPN: per.map((r) => r.P.throughput / r.N.throughput),
      throughputPF: per.map((r) => r.P.throughput / r.F.throughput),
    };
  });
  console.log(`\nratios (${size}; one value per repetition; p50 > 1: P slower, throughput < 1: P serves fewer)`);
  printTable(
    ['operation', 'p50 P/N', 'p50 P/F', 'throughput P/N', 'throughput P/F'],
    ratios.map((r) => [
      r.title,
      r.p50PN.map(f2).join(', '),
      r.p50PF.map(f2).join(', '),
      r.throughputPN.map(f2).join(', '),
      r.throughputPF.map(f2).join(', '),
    ]),
  );

  const file = writeResults(args.name ?? `compare-${size}`, {
    machine: { ...machine(), loadavg: os.loadavg() },
    size,
    counts: store.counts,
    load: store.load,
    loadReused: store.reused,
    settings: {
      reps: REPS,
      iterations: ITERATIONS,
      warmup: WARMUP,
      rounds: ROUNDS,
      duration: DURATION,
      connections: CONNECTIONS,
    },
    checks,
    reps,
    ratios,
    retriedRequests: retries,
  });
  const failed = checks.filter((c) => !c.same);
  const errors = reps
    .flatMap((r) => Object.values(r.results).flatMap((x) => SYSTEMS.map((s) => x[s].errors)))
    .reduce((a, b) => a + b, 0);
  log(`written to ${file}; ${failed.length} operation(s) with different answers, ${errors} failed requests`);
  for (const s of systems) await s.stop();
  return failed.length === 0 && errors === 0;
}

runBench('compare', 6 * 3600_000, main);
