/**
 * Response cache: cold vs warm on the article. Two servers on one Neo4j: one with the cache off
 * (RESPONSE_CACHE_MB=0: every request computed), one with it on. Per operation, interleaved and
 * sequential after a warm-up:
 *   off   the cache-off server, the same request each time (what every request costs without a cache)
 *   miss  the cache-on server, each request with distinct (unused) variables: computed, plus the
 *         version read and the store
 *   warm  the cache-on server, the same request each time: a hit (the version read, no Cypher)
 * Every answer is checked (no errors; x-cache as expected; warm equal to cold). Then one write and
 * the next request must miss. Writes bench/results/cache.json.
 * Run: `npx tsx bench/cache.ts` (env BENCH_ITERATIONS, default 200).
 */
import {
  log,
  machine,
  percentile,
  printBlock,
  printTable,
  runBench,
  sha256Hex,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const EDITOR = 'bench-cache-editor-secret';

const OPS = [
  {
    name: 'membership with evidence',
    query: `{ entity(id: "turkey") { name ... on State { memberships { to { ... on Alliance { name } }
      claims { statement stance assertedBy { name } evidence { quote start end } } } } } }`,
  },
  {
    name: 'shortest path with evidence',
    query: `{ shortestPath(from: "putin", to: "nato") { length nodes { key label } edges { kind evidence { quote } } } }`,
  },
  {
    name: 'page of 20 events with actors',
    query: `{ events(first: 20) { totalCount edges { node { key label date { value precision } sources { name } targets { name } } } } }`,
  },
];

interface Answer {
  ms: number;
  status: number;
  cache: string | null;
  text: string;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, cache: res.headers.get('x-cache'), text };
}

const withoutCost = (text: string) => {
  const j = JSON.parse(text) as { extensions?: unknown };
  delete j.extensions;
  return JSON.stringify(j);
};

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
};

async function main(): Promise<boolean> {
  const neo4j = await startNeo4j();
  const keys = `bench:editor:${sha256Hex(EDITOR)}`;
  const on = await startServer(neo4j, { RESPONSE_CACHE_MB: '32', API_KEYS: keys });
  await waitUntilSeeded(on);
  const off = await startServer(neo4j, { RESPONSE_CACHE_MB: '0', LOAD_ARTICLES_ON_START: 'false' });
  await waitUntilSeeded(off);
  log(`cache on ${on.url}, cache off ${off.url}; ${ITERATIONS} requests per operation and mode`);

  let ok = true;
  const fail = (why: string) => {
    if (ok) log(`FAILED: ${why}`);
    ok = false;
  };
  const results: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];
  let nonce = 0;
  for (const op of OPS) {
    const times = { off: [] as number[], miss: [] as number[], warm: [] as number[] };
    const reference = withoutCost((await post(off.url, { query: op.query })).text);
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const a = await post(off.url, { query: op.query });
      const b = await post(on.url, { query: op.query, variables: { nonce: nonce++ } });
      const c = await post(on.url, { query: op.query });
      for (const [mode, r, want] of [
        ['off', a, null],
        ['miss', b, 'miss'],
        ['warm', c, i === 0 ? undefined : 'hit'],
      ] as const) {
        if (r.status !== 200 || r.text.includes('"errors"'))
          fail(`${op.name} ${mode}: ${r.status} ${r.text.slice(0, 200)}`);
        if (want !== undefined && r.cache !== want) fail(`${op.name} ${mode}: x-cache ${r.cache}, expected ${want}`);
        if (withoutCost(r.text) !== reference) fail(`${op.name} ${mode}: the answer differs`);
        if (i >= WARMUP) times[mode].push(r.ms);
      }
    }
    const s = { off: stats(times.off), miss: stats(times.miss), warm: stats(times.warm) };
    results[op.name] = s;
    rows.push([
      op.name,
      s.off.p50.toFixed(2),
      s.miss.p50.toFixed(2),
      s.warm.p50.toFixed(2),
      s.off.p95.toFixed(2),
      s.warm.p95.toFixed(2),
      (s.off.p50 / s.warm.p50).toFixed(1),
    ]);
  }
  printTable(
    ['operation', 'off p50 ms', 'miss p50 ms', 'warm p50 ms', 'off p95 ms', 'warm p95 ms', 'off/warm p50'],
    rows,
  );

  // A write through the API: the next request of a cached operation computes its answer again.
  const first = OPS[0] as (typeof OPS)[number];
  const before = await post(on.url, { query: first.query });
  const write = await post(
    on.url,
    {
      query: 'mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { removedEdges } }',
      variables: { id: 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato', reason: 'bench' },
    },
    { authorization: `Bearer ${EDITOR}` },
  );
  if (write.text.includes('"errors"')) fail(`write: ${write.text.slice(0, 200)}`);
  const after = await post(on.url, { query: first.query });
  const afterWrite = { before: before.cache, after: after.cache, changed: after.text !== before.text };
  if (before.cache !== 'hit' || after.cache !== 'miss' || !afterWrite.changed) {
    fail(`after a write: ${JSON.stringify(afterWrite)}`);
  }

  const file = writeResults('cache', { machine: machine(), iterations: ITERATIONS, results, afterWrite });
  printBlock('response cache: cold (off, miss) vs warm (hit), p50 of sequential requests', [
    ['iterations', ITERATIONS],
    ['all answers correct', ok ? 'yes' : 'NO'],
    ['after a write', `${afterWrite.before} → ${afterWrite.after}, answer changed: ${afterWrite.changed}`],
    ['written to', file],
  ]);
  return ok;
}

runBench('cache', 10 * 60_000, main);
