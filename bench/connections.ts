/**
 * Connections: what one hostile or unlucky client can do to everyone else.
 *  1. idle flood — 20 000 idle TCP connections from one client (4 processes × 5 000, each reopening
 *     what the server closes) held for BENCH_HOLD s, while /health and a light GraphQL query are
 *     probed on new connections every 250 ms: their success rate and latency;
 *  2. slow senders — 100 connections sending their headers one byte every 2 s, 100 sending a
 *     POST body one byte every 10 s: how long until the server cuts them (observed up to 60 s);
 *  3. heavy searches — 10 clients sending 30-alias `search` requests back to back for 15 s while a
 *     light client sends a one-entity query: heavy answers by status and code, the light client's
 *     success rate and latency; with the rate limit off (one address for all), then again with the
 *     default rate limit and one API key per client.
 * Run: `npx tsx bench/connections.ts` (BENCH_IDLE_SOCKETS, BENCH_HOLD s, BENCH_HEAVY_S s, BENCH_PHASES:
 * a subset of idle,slow,heavy,limited; BENCH_SERVER_ENV: JSON of extra server variables). It also
 * runs against an older checkout (copy it there): the checks then report what fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import {
  BENCH_DIR,
  errorSummary,
  gql,
  log,
  machine,
  onCleanup,
  percentile,
  printBlock,
  rssMb,
  runBench,
  type ServerHandle,
  sha256Hex,
  sleep,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

const IDLE_SOCKETS = intEnv('BENCH_IDLE_SOCKETS', 20_000, 1, 100_000);
const HOLD_S = intEnv('BENCH_HOLD', 30, 1, 600);
const HEAVY_S = intEnv('BENCH_HEAVY_S', 15, 1, 600);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'idle,slow,heavy,limited').split(','));
const HOLDERS = 4;
const SLOW_SOCKETS = 100;
const SLOW_OBSERVE_S = 60;
const HEAVY_CLIENTS = 10;

function intEnv(name: string, def: number, min: number, max: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

const WORDS = ['Drohnen', 'NATO', 'Russland', 'Türkei', 'Erdoğan', 'Putin', 'Ukraine', 'Syrien', 'Libyen', 'Moskau'];
const HEAVY = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "${WORDS[i % WORDS.length]}") { score node { __typename } }`).join(' ')} }`;
const LIGHT = '{ entity(id: "turkey") { key name } }';

// ---------------------------------------------------------------- probes

interface Probe {
  ok: boolean;
  ms: number;
  what: string;
}

/** One request on a new connection (agent: false), as a new client or an orchestrator would send it. */
function probe(port: number, kind: 'health' | 'graphql', timeoutMs = 5_000): Promise<Probe> {
  const started = performance.now();
  return new Promise((resolve) => {
    const body = JSON.stringify({ query: LIGHT });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent: false,
        timeout: timeoutMs,
        method: kind === 'health' ? 'GET' : 'POST',
        path: kind === 'health' ? '/health' : '/graphql',
        headers:
          kind === 'health' ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => {
          const ok = res.statusCode === 200 && (kind === 'health' || text.includes('"name":"Turkey"'));
          resolve({ ok, ms: performance.now() - started, what: ok ? 'ok' : `${res.statusCode} ${text.slice(0, 120)}` });
        });
        res.on('error', (err) => resolve({ ok: false, ms: performance.now() - started, what: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ ok: false, ms: performance.now() - started, what: err.code ?? err.message }),
    );
    if (kind === 'graphql') req.end(body);
    else req.end();
  });
}

interface ProbeSummary {
  sent: number;
  ok: number;
  successRate: number;
  latencyMs: { p50: number; p99: number; max: number };
  failures: Record<string, number>;
}

function summarise(probes: Probe[]): ProbeSummary {
  const ok = probes.filter((p) => p.ok);
  const ms = ok.map((p) => p.ms).sort((a, b) => a - b);
  const failures: Record<string, number> = {};
  for (const p of probes) if (!p.ok) failures[p.what] = (failures[p.what] ?? 0) + 1;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    sent: probes.length,
    ok: ok.length,
    successRate: probes.length ? r((ok.length / probes.length) * 100) : 0,
    latencyMs: { p50: r(percentile(ms, 50)), p99: r(percentile(ms, 99)), max: r(ms.at(-1) ?? Number.NaN) },
    failures,
  };
}

/** Probes /health and a light query every 250 ms until `stop()`. */
function prober(port: number) {
  const health: Probe[] = [];
  const graphql: Probe[] = [];
  let running = true;
  const loop = async (kind: 'health' | 'graphql', into: Probe[]) => {
    while (running) {
      const t = performance.now();
      into.push(await probe(port, kind));
      await sleep(Math.max(0, 250 - (performance.now() - t)));
    }
  };
  const done = Promise.all([loop('health', health), loop('graphql', graphql)]);
  return {
    async stop() {
      running = false;
      await done;
      return { health: summarise(health), graphql: summarise(graphql) };
    },
  };
}

const openFds = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
};

// ---------------------------------------------------------------- 1. idle flood

async function idleFlood(server: ServerHandle) {
  log(`idle flood: ${IDLE_SOCKETS} idle sockets from ${HOLDERS} processes for ${HOLD_S}s`);
  const per = Math.ceil(IDLE_SOCKETS / HOLDERS);
  const last: Record<string, number | Record<string, number>>[] = [];
  const holders: ChildProcess[] = [];
  for (let i = 0; i < HOLDERS; i++) {
    const child = spawn(
      process.execPath,
      [path.join(BENCH_DIR, 'socket-holder.mjs'), String(server.port), String(per), String(HOLD_S), '1'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    onCleanup('stop a socket holder', () => {
      child.kill('SIGKILL');
    });
    let buf = '';
    child.stdout?.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) last[i] = JSON.parse(l);
    });
    holders.push(child);
  }
  const p = prober(server.port);
  let peakServerFds = 0;
  let peakClientOpen = 0;
  const sampler = setInterval(() => {
    peakServerFds = Math.max(peakServerFds, openFds(server.pid) ?? 0);
    const open = last.reduce((s, c) => s + Number(c?.open ?? 0), 0);
    peakClientOpen = Math.max(peakClientOpen, open);
  }, 500);
  const ticker = setInterval(() => {
    const open = last.reduce((s, c) => s + Number(c?.open ?? 0), 0);
    log(`  client sockets open ${open}, server fds ${openFds(server.pid) ?? '?'}`);
  }, 5_000);
  await Promise.all(holders.map((h) => new Promise((r) => h.once('exit', r))));
  clearInterval(sampler);
  clearInterval(ticker);
  const probes = await p.stop();
  const sum = (k: string) => last.reduce((s, c) => s + Number(c?.[k] ?? 0), 0);
  const errorCodes: Record<string, number> = {};
  for (const c of last) {
    for (const [k, v] of Object.entries((c?.errorCodes as Record<string, number>) ?? {})) {
      errorCodes[k] = (errorCodes[k] ?? 0) + v;
    }
  }
  return {
    sockets: IDLE_SOCKETS,
    holdS: HOLD_S,
    clientConnects: sum('connects'),
    clientPeakOpen: peakClientOpen,
    closedByServer: sum('closedByServer'),
    connectErrors: sum('connectErrors'),
    errorCodes,
    serverPeakFds: peakServerFds,
    ...probes,
  };
}

// ---------------------------------------------------------------- 2. slow senders

async function slowSenders(server: ServerHandle) {
  log(
    `slow senders: ${SLOW_SOCKETS} with trickling headers, ${SLOW_SOCKETS} with a trickling body; up to ${SLOW_OBSERVE_S}s`,
  );
  const cut = { headers: [] as number[], body: [] as number[] };
  const statuses: Record<string, number> = {};
  const sockets: net.Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const started = performance.now();
  const open = (kind: 'headers' | 'body') =>
    new Promise<void>((resolve) => {
      const s = net.connect(server.port, '127.0.0.1');
      sockets.push(s);
      let first = '';
      s.on('data', (d) => {
        if (!first) first = String(d).split('\r\n')[0] ?? '';
      });
      s.on('error', () => {});
      s.once('close', () => {
        cut[kind].push(performance.now() - started);
        const key = `${kind}: ${first || 'closed without an answer'}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
      });
      s.once('connect', () => {
        if (kind === 'headers') {
          const text = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';
          let i = 0;
          timers.push(setInterval(() => s.writable && s.write(text[i++ % text.length] ?? 'a'), 2_000));
        } else {
          s.write(
            'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
          );
          timers.push(setInterval(() => s.writable && s.write(' '), 10_000));
        }
        resolve();
      });
      s.once('error', () => resolve());
    });
  await Promise.all([
    ...Array.from({ length: SLOW_SOCKETS }, () => open('headers')),
    ...Array.from({ length: SLOW_SOCKETS }, () => open('body')),
  ]);
  const p = prober(server.port);
  const until = performance.now() + SLOW_OBSERVE_S * 1000;
  while (performance.now() < until && cut.headers.length + cut.body.length < 2 * SLOW_SOCKETS) await sleep(250);
  const probes = await p.stop();
  for (const t of timers) clearInterval(t);
  const stillOpen = sockets.filter((s) => !s.destroyed).length;
  for (const s of sockets) s.destroy();
  const stat = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      cut: xs.length,
      p50S: Math.round(percentile(sorted, 50) / 100) / 10,
      maxS: Math.round((sorted.at(-1) ?? Number.NaN) / 100) / 10,
    };
  };
  return {
    observedS: SLOW_OBSERVE_S,
    headers: stat(cut.headers),
    body: stat(cut.body),
    stillOpenAtEnd: stillOpen,
    answers: statuses,
    ...probes,
  };
}

// ---------------------------------------------------------------- 3. heavy searches

async function heavySearches(server: ServerHandle, keys?: string[]) {
  log(`heavy searches: ${HEAVY_CLIENTS} clients × 30 search aliases for ${HEAVY_S}s, one light client`);
  const heavy: Record<string, number> = {};
  let heavyMs: number[] = [];
  const lightProbes: Probe[] = [];
  const until = performance.now() + HEAVY_S * 1000;
  // One keep-alive connection per client, as a script or a browser tab would hold it.
  const agents = Array.from({ length: HEAVY_CLIENTS + 1 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  onCleanup('close the client agents', () => {
    for (const a of agents) a.destroy();
  });
  const post = (client: number, query: string, key?: string) =>
    new Promise<{ status: number; code?: string; ms: number; text: string; retryAfter: string | null }>((resolve) => {
      const started = performance.now();
      const body = JSON.stringify({ query });
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/graphql',
          method: 'POST',
          agent: agents[client],
          timeout: 60_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(key ? { authorization: `Bearer ${key}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => {
            const retryAfter = res.headers['retry-after'];
            resolve({
              status: res.statusCode ?? 0,
              code: /"code":"([A-Z_]+)"/.exec(text)?.[1],
              ms: performance.now() - started,
              text,
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) =>
        resolve({
          status: 0,
          code: err.code ?? err.message,
          ms: performance.now() - started,
          text: '',
          retryAfter: null,
        }),
      );
      req.end(body);
    });
  let retryAfterMissing = 0;
  const heavyClient = async (i: number) => {
    while (performance.now() < until) {
      const r = await post(i, HEAVY, keys?.[i]);
      const k = `${r.status} ${r.code ?? (r.text.includes('"errors"') ? 'error' : 'data')}`;
      heavy[k] = (heavy[k] ?? 0) + 1;
      if ((r.status === 503 || r.status === 429) && !r.retryAfter) retryAfterMissing++;
      if (r.status === 200 && !r.code) heavyMs.push(r.ms);
      // A well-behaved client honours Retry-After; a hostile one would not (the server holds either way).
      if (r.retryAfter) await sleep(Math.min(5, Number(r.retryAfter)) * 1000);
    }
  };
  const lightClient = async () => {
    while (performance.now() < until) {
      const r = await post(HEAVY_CLIENTS, LIGHT, keys?.[HEAVY_CLIENTS]);
      const ok = r.status === 200 && r.text.includes('"name":"Turkey"') && !r.text.includes('"errors"');
      lightProbes.push({ ok, ms: r.ms, what: ok ? 'ok' : `${r.status} ${r.code ?? r.text.slice(0, 100)}` });
      await sleep(100);
    }
  };
  let rssPeak = rssMb(server.pid) ?? 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(server.pid) ?? 0);
  }, 500);
  await Promise.all([...Array.from({ length: HEAVY_CLIENTS }, (_, i) => heavyClient(i)), lightClient()]);
  clearInterval(sampler);
  heavyMs = heavyMs.sort((a, b) => a - b);
  return {
    clients: HEAVY_CLIENTS,
    durationS: HEAVY_S,
    rateLimit: keys ? 'default, one API key per client' : 'off',
    heavyAnswers: heavy,
    heavyRetryAfterMissing: retryAfterMissing,
    heavyOkLatencyMs: { p50: Math.round(percentile(heavyMs, 50)), max: Math.round(heavyMs.at(-1) ?? Number.NaN) },
    light: summarise(lightProbes),
    serverRssPeakMb: rssPeak,
  };
}

// ---------------------------------------------------------------- run

async function seeded(server: ServerHandle): Promise<void> {
  try {
    await waitUntilSeeded(server, 400_000);
  } catch (err) {
    console.error(server.output().slice(-20).join('\n'));
    throw err;
  }
}

async function main(): Promise<boolean> {
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port}`);
  const keys = Array.from({ length: HEAVY_CLIENTS + 1 }, (_, i) => `bench-client-${i}-secret`);
  const apiKeys = keys.map((k, i) => `client${i}:reader:${sha256Hex(k)}`).join(',');

  // Phases 1–3 with the rate limit off: every client here has the same address.
  const extra = JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') as Record<string, string>;
  let server = await startServer(neo4j, { RATE_LIMIT_PER_MINUTE: '0', API_KEYS: apiKeys, ...extra });
  await seeded(server);
  log(`server up on ${server.url} (pid ${server.pid}), ${openFds(server.pid)} fds open`);
  const flood = PHASES.has('idle') ? await idleFlood(server) : undefined;
  if (flood) log(`  /health ${flood.health.successRate}% ok, light query ${flood.graphql.successRate}% ok`);
  await sleep(2_000);
  const slow = PHASES.has('slow') ? await slowSenders(server) : undefined;
  if (slow) log(`  headers cut ${slow.headers.cut}, bodies cut ${slow.body.cut}, still open ${slow.stillOpenAtEnd}`);
  const searches = PHASES.has('heavy') ? await heavySearches(server) : undefined;
  if (searches) log(`  heavy ${JSON.stringify(searches.heavyAnswers)}, light ${searches.light.successRate}% ok`);
  const errorsOff = errorSummary(server);

  // Phase 3 again with the default rate limit (600 a minute, burst 120), one API key per client.
  let limited: Awaited<ReturnType<typeof heavySearches>> | undefined;
  if (PHASES.has('limited')) {
    await server.stop();
    const env = { API_KEYS: apiKeys, RATE_LIMIT_PER_MINUTE: '600', RATE_LIMIT_BURST: '120', ...extra };
    server = await startServer(neo4j, env);
    await seeded(server);
    limited = await heavySearches(server, keys);
    log(`  heavy ${JSON.stringify(limited.heavyAnswers)}, light ${limited.light.successRate}% ok`);
  }
  const errorsOn = errorSummary(server);
  const alive = await gql(server.url, '{ __typename }').catch(() => undefined);

  const internal = (answers: Record<string, number>) =>
    Object.entries(answers)
      .filter(([k]) => k.startsWith('5') && !k.includes('DATABASE_BUSY'))
      .reduce((s, [, v]) => s + v, 0) +
    Object.entries(answers)
      .filter(([k]) => k.includes('INTERNAL_SERVER_ERROR'))
      .reduce((s, [, v]) => s + v, 0);
  const runs = [searches, limited].filter((r) => r !== undefined);
  const checks = {
    healthAlwaysAnsweredDuringFlood: !flood || flood.health.successRate === 100,
    slowHeadersAllCut: !slow || slow.headers.cut === SLOW_SOCKETS,
    slowBodiesAllCut: !slow || slow.body.cut === SLOW_SOCKETS,
    noInternalErrorsUnderHeavySearches: runs.every((r) => internal(r.heavyAnswers) === 0),
    busyAnswersCarryRetryAfter: runs.every((r) => r.heavyRetryAfterMissing === 0),
    lightClientAlwaysServed: runs.every((r) => r.light.successRate === 100),
    serverAliveAfterwards: alive?.status === 200,
  };
  const ok = Object.values(checks).every(Boolean);
  const file = writeResults(process.env.BENCH_RESULT_NAME ?? 'connections', {
    benchmark: 'connections',
    machine: machine(),
    phases: [...PHASES],
    serverEnv: extra,
    idleFlood: flood,
    slowSenders: slow,
    heavySearches: searches,
    heavySearchesRateLimited: limited,
    serverErrors: [...errorsOff, ...errorsOn],
    checks,
    passed: ok,
  });
  const pr = (s: ProbeSummary) =>
    `${s.successRate}% of ${s.sent} ok, p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms`;
  const rows: [string, string | number][] = [['machine', `${machine().cpus} cores, Node ${process.version}`]];
  if (flood) {
    rows.push(
      [
        `idle flood ${IDLE_SOCKETS} sockets ${HOLD_S}s`,
        `${flood.clientConnects} connects, peak ${flood.clientPeakOpen} open, ${flood.closedByServer} closed by the server, server peak fds ${flood.serverPeakFds}`,
      ],
      ['  /health on new connections', pr(flood.health)],
      ['  light query on new connections', pr(flood.graphql)],
      ['  failures', JSON.stringify({ health: flood.health.failures, graphql: flood.graphql.failures })],
    );
  }
  if (slow) {
    rows.push(
      [
        'slow headers cut',
        `${slow.headers.cut}/${SLOW_SOCKETS}, p50 ${slow.headers.p50S} s, max ${slow.headers.maxS} s`,
      ],
      ['slow bodies cut', `${slow.body.cut}/${SLOW_SOCKETS}, p50 ${slow.body.p50S} s, max ${slow.body.maxS} s`],
      ['  answers', JSON.stringify(slow.answers)],
      ['  /health meanwhile', pr(slow.health)],
    );
  }
  for (const [name, r] of [
    ['heavy searches (rate limit off)', searches],
    ['heavy searches (rate limit on)', limited],
  ] as const) {
    if (!r) continue;
    rows.push(
      [name, `${JSON.stringify(r.heavyAnswers)}, p50 of the answered ${r.heavyOkLatencyMs.p50} ms`],
      ['  light client', pr(r.light)],
      ['  light failures', JSON.stringify(r.light.failures)],
    );
  }
  rows.push(...Object.entries(checks).map(([k, v]): [string, string] => [k, v ? 'yes' : 'NO']), ['written to', file]);
  printBlock('connections', rows);
  for (const e of [...errorsOff, ...errorsOn].slice(0, 5)) console.log(`  server error log x${e.count}: ${e.msg}`);
  return ok;
}

runBench('connections', 20 * 60_000, main);
