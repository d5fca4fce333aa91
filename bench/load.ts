/**
 * Load: autocannon against POST /graphql with the GraphiQL example operations plus a few small ones,
 * rotated per request on every connection. Every response is checked (HTTP status and `"errors"` in
 * the body). Run: `npx tsx bench/load.ts` (env BENCH_CONNECTIONS, default 50; BENCH_DURATION s, default 30).
 */
import type autocannon from 'autocannon';
import {
  errorSummary,
  gql,
  graphCounts,
  log,
  machine,
  printBlock,
  printTable,
  rssMb,
  runAutocannon,
  runBench,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';
import { READ_OPS, toRequest } from './ops.js';

const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50, 1, 1000);
const DURATION_S = intEnv('BENCH_DURATION', 30, 1, 600);

/** Median RSS of the first and of the last minute of the run (or thirds, when shorter). */
function rssTrend(series: { s: number; rssMb: number }[]) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const end = series.at(-1)?.s ?? 0;
  const span = Math.min(60, end / 3);
  return {
    firstMinuteMedian: median(series.filter((p) => p.s <= span).map((p) => p.rssMb)),
    lastMinuteMedian: median(series.filter((p) => p.s >= end - span).map((p) => p.rssMb)),
  };
}

function intEnv(name: string, def: number, min: number, max: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

const OPS = READ_OPS;

interface OpStats {
  responses: number;
  non2xx: number;
  gqlErrors: number;
  statuses: Record<string, number>;
  sample?: string;
}

async function main(): Promise<boolean> {
  log(`load benchmark: ${OPS.length} operations, ${CONNECTIONS} connections, ${DURATION_S}s`);
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port} (${neo4j.dir})`);
  const server = await startServer(neo4j);
  await waitUntilSeeded(server);
  log(`server up on ${server.url} (pid ${server.pid}), article loaded`);
  const counts = await graphCounts(server.url);

  // Every operation once: correct data, no errors, and its response size.
  // An operation that fails here stays in the mix (its errors are counted and fail the run).
  const sizes: Record<string, number> = {};
  const precheckFailures: Record<string, string> = {};
  for (const op of OPS) {
    const r = await gql(server.url, op.query, op.variables);
    if (r.status !== 200 || !r.json || r.json.errors || !r.json.data) {
      precheckFailures[op.name] = `${r.status} ${r.text.slice(0, 400)}`;
      log(`WARNING: operation ${op.name} does not answer cleanly: ${r.status} ${r.text.slice(0, 400)}`);
    }
    sizes[op.name] = r.text.length;
  }
  // Warm-up (JIT, Neo4j query plans, page cache), not measured.
  await runAutocannon(
    {
      url: `${server.url}/graphql`,
      connections: Math.min(CONNECTIONS, 10),
      duration: 3,
      requests: OPS.map((o) => toRequest(o)),
    },
    30_000,
  );

  const rssBefore = rssMb(server.pid);
  const stats = new Map<string, OpStats>(
    OPS.map((o) => [o.name, { responses: 0, non2xx: 0, gqlErrors: 0, statuses: {} } satisfies OpStats]),
  );
  const requests = OPS.map((op) => {
    const s = stats.get(op.name) as OpStats;
    return {
      ...toRequest(op),
      onResponse: (status: number, body: string) => {
        s.responses += 1;
        s.statuses[status] = (s.statuses[status] ?? 0) + 1;
        const bad = status < 200 || status > 299;
        if (bad) s.non2xx += 1;
        // Cheap check (the bench shares 2 cores with the server): a GraphQL error always has this key.
        const hasErrors = body.includes('"errors"') || !body.startsWith('{"data":{');
        if (hasErrors) s.gqlErrors += 1;
        if ((bad || hasErrors) && !s.sample) s.sample = `${status} ${body.slice(0, 300)}`;
      },
    };
  });
  let rssPeak = rssBefore ?? 0;
  // RSS every 10 s: whether memory is stable over a long run (BENCH_DURATION=300), not only its peak.
  const started = Date.now();
  const series: { s: number; rssMb: number }[] = [];
  const sampler = setInterval(() => {
    const rss = rssMb(server.pid) ?? 0;
    rssPeak = Math.max(rssPeak, rss);
    const s = Math.round((Date.now() - started) / 1000);
    if (s >= (series.at(-1)?.s ?? -10) + 10) series.push({ s, rssMb: rss });
  }, 500);
  log('measuring…');
  let result: autocannon.Result;
  try {
    result = await runAutocannon(
      { url: `${server.url}/graphql`, connections: CONNECTIONS, duration: DURATION_S, timeout: 10, requests },
      (DURATION_S + 30) * 1000,
    );
  } finally {
    clearInterval(sampler);
  }
  const rssAfter = rssMb(server.pid);
  const alive = await gql(server.url, '{ __typename }').catch(() => undefined);
  const countsAfter = await graphCounts(server.url);

  const gqlErrors = [...stats.values()].reduce((s, o) => s + o.gqlErrors, 0);
  const checked = [...stats.values()].reduce((s, o) => s + o.responses, 0);
  const errorsTotal = result.non2xx + gqlErrors + result.timeouts + result.errors;
  const ok =
    errorsTotal === 0 &&
    alive?.status === 200 &&
    server.exitCode() === undefined &&
    JSON.stringify(counts) === JSON.stringify(countsAfter);

  const summary = {
    benchmark: 'load',
    machine: machine(),
    config: { connections: CONNECTIONS, durationS: DURATION_S, operations: OPS.map((o) => o.name), timeoutS: 10 },
    totalRequests: result.requests.total,
    responsesChecked: checked,
    durationS: result.duration,
    requestsPerSec: { mean: result.requests.mean, stddev: result.requests.stddev, min: result.requests.min },
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: {
      total: errorsTotal,
      non2xx: result.non2xx,
      graphqlErrors: gqlErrors,
      timeouts: result.timeouts,
      connectionErrors: result.errors - result.timeouts,
    },
    serverRssMb: { before: rssBefore, peak: rssPeak, after: rssAfter, ...rssTrend(series), series },
    throughputMBps: Math.round((result.throughput.mean / 2 ** 20) * 100) / 100,
    perOperation: Object.fromEntries(
      OPS.map((o) => {
        const s = stats.get(o.name) as OpStats;
        return [o.name, { ...s, responseBytes: sizes[o.name] }];
      }),
    ),
    precheckFailures,
    graphUnchanged: JSON.stringify(counts) === JSON.stringify(countsAfter),
    serverErrorLogLines: server.errorLines().length,
    serverErrors: errorSummary(server),
    passed: ok,
  };
  const file = writeResults('load', summary);

  console.log('\nper operation:');
  printTable(
    ['operation', 'responses', 'bytes', 'non-2xx', 'GraphQL errors'],
    OPS.map((o) => {
      const s = stats.get(o.name) as OpStats;
      return [o.name, s.responses, sizes[o.name] ?? 0, s.non2xx, s.gqlErrors];
    }),
  );
  for (const e of summary.serverErrors) console.log(`  server error log x${e.count}: ${e.sample.slice(0, 400)}`);
  for (const [name, s] of stats) if (s.sample) console.log(`  first bad response of ${name}: ${s.sample}`);
  printBlock(`load: ${CONNECTIONS} connections x ${DURATION_S}s, ${OPS.length} operations rotated`, [
    ['machine', `${summary.machine.cpus} cores (${summary.machine.cpuModel}), Node ${summary.machine.node}`],
    ['total requests', result.requests.total],
    ['requests/s (mean)', result.requests.mean.toFixed(1)],
    [
      'latency ms p50/p90/p99/max',
      `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`,
    ],
    ['latency ms mean', result.latency.mean.toFixed(1)],
    [
      'errors',
      `${errorsTotal} (non-2xx ${result.non2xx}, GraphQL errors ${gqlErrors}, timeouts ${result.timeouts}, connection ${result.errors - result.timeouts})`,
    ],
    ['responses checked', checked],
    ['server RSS MiB before/peak/after', `${rssBefore ?? '?'} / ${rssPeak || '?'} / ${rssAfter ?? '?'}`],
    [
      'server RSS MiB, median of first / last minute',
      `${summary.serverRssMb.firstMinuteMedian} / ${summary.serverRssMb.lastMinuteMedian}`,
    ],
    ['graph unchanged', summary.graphUnchanged ? 'yes' : 'NO'],
    ['server error log lines', summary.serverErrorLogLines],
    ['result', ok ? 'PASS' : 'FAIL'],
    ['written to', file],
  ]);
  return ok;
}

runBench('load', (DURATION_S + 420) * 1000, main);
