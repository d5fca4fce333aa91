/**
 * Hostile requests: what each realistic and each adversarial operation costs (estimate, list items,
 * answer size, server CPU), and whether the server keeps answering a trivial query while 10 clients
 * send (a) the 951-character request that once exhausted the heap, (b) the heaviest request that
 * passes the cost limit. Run: `npx tsx bench/hostile.ts` (env BENCH_DURATION s per scenario, default 30).
 */
import { readFileSync } from 'node:fs';
import { EXAMPLES } from '../src/graphiql/examples.js';
import {
  gql,
  log,
  machine,
  percentile,
  printTable,
  rssMb,
  runBench,
  sleep,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';
import { relationsBomb } from './ops.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const CLIENTS = 10;

const REALISTIC: Record<string, string> = {
  ...Object.fromEntries(EXAMPLES.map((e) => [`example ${e.name}`, e.query])),
  'Turkey timeline with affiliates and evidence': `{ timeline(filter: {actor: "turkey", includeAffiliates: true}) {
    dated { key label date { value precision } evidence { quote gloss } claims { statement assertedBy { name } } }
    undated { key label } } }`,
  'neighbourhood depth 3, 200 nodes, edge evidence': `{ neighborhood(id: "russia", depth: 3, limit: 200) {
    nodes { id label type } edges { id kind source target evidence { quote } } } }`,
  '25 actors with relations, claims, evidence, events': `{ actors(first: 25) { totalCount edges { node {
    key mentions { text }
    relations { kind to { ... on Entity { key } } claims { stance assertedBy { key } evidence { quote } } }
    ... on Actor { events { key claims { statement } } } } } } }`,
  '100 actors, key only': '{ actors(first: 100) { edges { node { key } } } }',
};

const ADVERSARIAL: Record<string, string> = {
  'the 951-character heap exhaustion (4 aliases, 4 deep)': relationsBomb(4, 4),
  'one alias, 4 deep (71 MB before)': relationsBomb(4, 1),
  'one alias, 3 deep': relationsBomb(3, 1),
  'relations 2 deep × 2 aliases': relationsBomb(2, 2),
  'relations 2 deep × 5 aliases': relationsBomb(2, 5),
  '100 documents × text × sentences': '{ documents(first: 100) { edges { node { text sentences { text } } } } }',
  '100 actors × relations × claims × evidence × document × claims × evidence':
    '{ actors(first: 100) { edges { node { relations { claims { evidence { document { claims { evidence { quote } } } } } } } } } }',
};

interface Row {
  name: string;
  status: number;
  code: string;
  estimated: number | null;
  items: number | null;
  responseBytes: number;
  ms: number;
  serverCpuMs: number;
}

/** User + system CPU time of a process in ms (from /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(url: string, pid: number, name: string, query: string): Promise<Row> {
  await gql(url, query, undefined, { timeoutMs: 60_000 }); // warm
  const before = cpuMs(pid);
  const r = await gql(url, query, undefined, { timeoutMs: 60_000 });
  const cost = (r.json as { extensions?: { cost?: { estimated: number; items: number } } } | undefined)?.extensions
    ?.cost;
  const error = r.json?.errors?.[0];
  return {
    name,
    status: r.status,
    code: (error?.extensions?.code as string | undefined) ?? 'ok',
    estimated: cost?.estimated ?? (error?.extensions?.cost as number | undefined) ?? null,
    items: cost?.items ?? null,
    responseBytes: r.text.length,
    ms: Math.round(r.ms),
    serverCpuMs: cpuMs(pid) - before,
  };
}

interface Scenario {
  heavy: string;
  heavyRequests: number;
  heavyCodes: Record<string, number>;
  probeRequests: number;
  probeFailures: number;
  probeP50: number;
  probeP99: number;
  probeMax: number;
  rssBeforeMb: number | undefined;
  rssPeakMb: number | undefined;
  rssAfterMb: number | undefined;
}

/** CLIENTS loops sending `heavy`; a probe sends a trivial query every 50 ms and times it. */
async function underLoad(url: string, pid: number, name: string, heavy: string): Promise<Scenario> {
  const until = Date.now() + DURATION_S * 1000;
  const codes: Record<string, number> = {};
  let heavyRequests = 0;
  let peak = rssMb(pid) ?? 0;
  const rssBeforeMb = rssMb(pid);
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      try {
        const r = await gql(url, heavy, undefined, { timeoutMs: 60_000 });
        const code = (r.json?.errors?.[0]?.extensions?.code as string | undefined) ?? String(r.status);
        codes[code] = (codes[code] ?? 0) + 1;
      } catch (err) {
        codes[String(err)] = (codes[String(err)] ?? 0) + 1;
      }
      heavyRequests += 1;
    }
  });
  const latencies: number[] = [];
  let failures = 0;
  const probe = (async () => {
    await sleep(1_000);
    while (Date.now() < until) {
      const started = performance.now();
      try {
        const r = await gql(url, '{ entity(id: "turkey") { key name } }', undefined, { timeoutMs: 10_000 });
        if (r.status !== 200 || r.json?.errors) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - started);
      peak = Math.max(peak, rssMb(pid) ?? 0);
      await sleep(50);
    }
  })();
  await Promise.all([...clients, probe]);
  await sleep(2_000);
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  log(
    `${name}: ${heavyRequests} heavy requests ${JSON.stringify(codes)}; probe p99 ${round(percentile(latencies, 99))} ms`,
  );
  return {
    heavy: name,
    heavyRequests,
    heavyCodes: codes,
    probeRequests: latencies.length,
    probeFailures: failures,
    probeP50: round(percentile(latencies, 50)),
    probeP99: round(percentile(latencies, 99)),
    probeMax: round(latencies.at(-1) ?? Number.NaN),
    rssBeforeMb,
    rssPeakMb: peak,
    rssAfterMb: rssMb(pid),
  };
}

async function main(): Promise<boolean> {
  const neo4j = await startNeo4j();
  const server = await startServer(neo4j, { RATE_LIMIT_PER_MINUTE: '0' });
  await waitUntilSeeded(server);
  log(`server up on ${server.url} (pid ${server.pid}), article loaded`);

  const rows: Row[] = [];
  for (const [name, q] of [...Object.entries(REALISTIC), ...Object.entries(ADVERSARIAL)]) {
    rows.push(await measure(server.url, server.pid, name, q));
  }
  printTable(
    ['operation', 'answer', 'estimated cost', 'list items', 'response bytes', 'ms', 'server CPU ms'],
    rows.map((r) => [r.name, r.code, r.estimated ?? '', r.items ?? '', r.responseBytes, r.ms, r.serverCpuMs]),
  );

  const accepted = rows.filter((r) => r.code === 'ok');
  const heaviest = accepted.reduce((a, b) => (b.serverCpuMs > a.serverCpuMs ? b : a));
  const heaviestQuery = { ...REALISTIC, ...ADVERSARIAL }[heaviest.name] as string;
  const scenarios = [
    await underLoad(
      server.url,
      server.pid,
      'the 951-character request',
      ADVERSARIAL['the 951-character heap exhaustion (4 aliases, 4 deep)'] as string,
    ),
    await underLoad(server.url, server.pid, `the heaviest accepted request (${heaviest.name})`, heaviestQuery),
  ];
  printTable(
    [
      '10 clients send',
      'requests',
      'answers',
      'probe p50 / p99 / max ms',
      'probe failures',
      'RSS before / peak / after MiB',
    ],
    scenarios.map((s) => [
      s.heavy,
      s.heavyRequests,
      JSON.stringify(s.heavyCodes),
      `${s.probeP50} / ${s.probeP99} / ${s.probeMax}`,
      `${s.probeFailures} of ${s.probeRequests}`,
      `${s.rssBeforeMb} / ${s.rssPeakMb} / ${s.rssAfterMb}`,
    ]),
  );
  const alive = await gql(server.url, '{ __typename }');
  const file = writeResults('hostile', {
    machine: machine(),
    durationS: DURATION_S,
    clients: CLIENTS,
    rows,
    scenarios,
  });
  log(`results in ${file}`);
  return (
    alive.status === 200 &&
    rows.every((r) => r.status < 500) &&
    scenarios.every((s) => s.probeFailures === 0) &&
    rows.some((r) => r.name.startsWith('the 951') && r.code === 'LIMIT_EXCEEDED')
  );
}

runBench('hostile', (DURATION_S * 2 + 300) * 1000, main);
