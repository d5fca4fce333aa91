/**
 * Fault: the bench-owned Neo4j is stopped and started again while load runs. Read load (autocannon,
 * 20 connections, the read mix) for at least 40 s; at t=10 s Neo4j is stopped, 5 s later started again
 * on the same folder, port and password. Failed requests are grouped by error code and HTTP status;
 * only DATABASE_UNAVAILABLE (and QUERY_TIMEOUT, counted apart) are allowed — never 5xx,
 * INTERNAL_SERVER_ERROR or a hang. /ready is polled every 250 ms. When the server has the
 * `ingestArticle` mutation, ingests run during the restart (concurrency 2) and the graph must end up
 * exactly as after one clean ingest (no partial writes). Run: `npx tsx bench/fault.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type autocannon from 'autocannon';
import {
  diffCounts,
  errorSummary,
  gql,
  graphCounts,
  log,
  machine,
  printBlock,
  printTable,
  ROOT,
  rssMb,
  runAutocannon,
  runBench,
  type ServerHandle,
  sha256Hex,
  sleep,
  startNeo4j,
  startServer,
  totalNodes,
  totalRels,
  waitUntilSeeded,
  wipeGraph,
  writeResults,
} from './lib.js';
import { READ_OPS, toRequest } from './ops.js';

const CONNECTIONS = 20;
const MIN_RUN_S = 40;
const MAX_RUN_S = 120;
const STOP_AT_S = 10;
const DOWN_S = 5;
const EDITOR_SECRET = 'bench-fault-editor-secret';
const FIXTURE = path.join(ROOT, 'test/fixtures/articles/test-second-article');

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { documentId claims evidence }
}`;

interface Reply {
  /** Seconds since the load started. */
  t: number;
  status: number;
  /** 'OK', or errors[0].extensions.code (NO_CODE when absent), or NOT_JSON. */
  code: string;
  /** Response time, ms (reads: from autocannon). */
  ms?: number;
  message?: string;
}

const now = (t0: number) => (performance.now() - t0) / 1000;

function classify(status: number, body: string): { code: string; message?: string } {
  if (status === 200 && body.startsWith('{"data":{') && !body.includes('"errors"')) return { code: 'OK' };
  try {
    const j = JSON.parse(body) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    const e = j.errors?.[0];
    const code = e?.extensions?.code ?? (j.errors ? 'NO_CODE' : status === 200 ? 'OK' : 'NO_ERRORS');
    return { code, message: e?.message?.slice(0, 160) };
  } catch {
    return { code: 'NOT_JSON', message: body.slice(0, 160) };
  }
}

/** Is there an ingestArticle mutation? In the source (as the brief asks) and in the running schema. */
async function hasIngestMutation(server: ServerHandle): Promise<{ inSource: boolean; inSchema: boolean }> {
  const dir = path.join(ROOT, 'src/graphql');
  const inSource = readdirSync(dir).some((f) => readFileSync(path.join(dir, f), 'utf8').includes('ingestArticle'));
  const r = await gql(server.url, '{ __schema { mutationType { fields { name } } } }');
  const fields = (r.json?.data as { __schema?: { mutationType?: { fields: { name: string }[] } | null } })?.__schema
    ?.mutationType?.fields;
  return { inSource, inSchema: !!fields?.some((f) => f.name === 'ingestArticle') };
}

async function main(): Promise<boolean> {
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port} (${neo4j.dir})`);
  const env = { API_KEYS: `bench-editor:editor:${sha256Hex(EDITOR_SECRET)}` };
  let server = await startServer(neo4j, env);
  await waitUntilSeeded(server);
  log(`server up on ${server.url} (pid ${server.pid}), article loaded`);
  const countsArticle = await graphCounts(server.url);
  const mutation = await hasIngestMutation(server);
  const writes = mutation.inSchema;
  const ingestInput = {
    articleText: readFileSync(path.join(FIXTURE, 'article.txt'), 'utf8'),
    annotationsYaml: readFileSync(path.join(FIXTURE, 'annotations.yaml'), 'utf8'),
  };
  const auth = { authorization: `Bearer ${EDITOR_SECRET}` };
  let countsReference: Record<string, number> | undefined;
  let reseedMatches: boolean | undefined;
  if (writes) {
    // Reference: the article plus the fixture, each ingested once, on a clean database.
    const r = await gql(server.url, INGEST, { input: ingestInput }, { headers: auth, timeoutMs: 60_000 });
    if (classify(r.status, r.text).code !== 'OK') throw new Error(`the reference ingest failed: ${r.status} ${r.text}`);
    countsReference = await graphCounts(server.url);
    log(`reference: article + fixture = ${totalNodes(countsReference)} nodes, ${totalRels(countsReference)} rels`);
    // Back to the article alone: wipe, and let a fresh server load it into the empty database.
    await server.stop();
    await wipeGraph(neo4j);
    server = await startServer(neo4j, env);
    await waitUntilSeeded(server);
    const again = await graphCounts(server.url);
    reseedMatches = JSON.stringify(again) === JSON.stringify(countsArticle);
    log(`wiped and re-seeded: article alone again (${reseedMatches ? 'same counts' : 'DIFFERENT counts'})`);
  } else {
    log(
      `ingestArticle ${mutation.inSource ? 'is in src/graphql but not in the running schema' : 'does not exist yet'}: write phase skipped`,
    );
  }
  // Warm-up (JIT, query plans, page cache), not measured.
  await runAutocannon(
    { url: `${server.url}/graphql`, connections: 10, duration: 3, requests: READ_OPS.map((o) => toRequest(o)) },
    30_000,
  );
  const rssBefore = rssMb(server.pid);

  // ---- the run
  const t0 = performance.now();
  const replies: Reply[] = [];
  const readyLog: { t: number; status: number | string }[] = [];
  const transitions: { t: number; from: string; to: string }[] = [];
  const writeReplies: Reply[] = [];
  const marks: Record<string, number> = {};
  const reqErrors: { t: number; message: string }[] = [];
  let running = true;

  const requests = READ_OPS.map((op) => ({
    ...toRequest(op),
    onResponse: (status: number, body: string) => {
      replies.push({ t: now(t0), status, ...classify(status, body) });
    },
  }));

  const readyPoller = (async () => {
    let last = '';
    for (let i = 0; running && i < (MAX_RUN_S + 30) * 4; i++) {
      const started = performance.now();
      let status: number | string;
      try {
        const r = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(2_000) });
        await r.text();
        status = r.status;
      } catch (err) {
        status = (err as Error).name === 'TimeoutError' ? 'timeout' : 'error';
      }
      const t = now(t0);
      readyLog.push({ t, status });
      if (String(status) !== last) {
        if (last) transitions.push({ t, from: last, to: String(status) });
        last = String(status);
      }
      await sleep(Math.max(0, 250 - (performance.now() - started)));
    }
  })();

  const writer = async () => {
    // From 2 s before the stop until the reads have recovered (and 3 s more); at most 2000 each.
    while (running && now(t0) < STOP_AT_S - 2) await sleep(100);
    for (let i = 0; running && i < 2000; i++) {
      if (marks.recovered !== undefined && now(t0) > marks.recovered + 3) break;
      const sent = now(t0);
      try {
        const r = await gql(server.url, INGEST, { input: ingestInput }, { headers: auth, timeoutMs: 30_000 });
        writeReplies.push({ t: sent, status: r.status, ms: Math.round(r.ms), ...classify(r.status, r.text) });
      } catch (err) {
        writeReplies.push({ t: sent, status: 0, code: (err as Error).name === 'TimeoutError' ? 'HANG' : 'NETWORK' });
      }
    }
  };

  const chaos = async (load: autocannon.Instance) => {
    await sleep(STOP_AT_S * 1000);
    marks.stopBegin = now(t0);
    log(`t=${marks.stopBegin.toFixed(1)}s stopping Neo4j`);
    await neo4j.stop();
    marks.stopped = now(t0);
    log(`t=${marks.stopped.toFixed(1)}s Neo4j stopped; waiting ${DOWN_S}s`);
    await sleep(DOWN_S * 1000);
    marks.startBegin = now(t0);
    log(`t=${marks.startBegin.toFixed(1)}s starting Neo4j again (same folder, port, password)`);
    await neo4j.start();
    marks.started = now(t0);
    log(`t=${marks.started.toFixed(1)}s Neo4j started`);
    // Wait for the first successful read after the start, then let the load run on for 5 s more.
    for (let i = 0; i < (MAX_RUN_S * 1000) / 100 && now(t0) < MAX_RUN_S - 5; i++) {
      const ok = replies.find((r) => r.t >= (marks.started as number) && r.code === 'OK');
      if (ok) {
        marks.recovered = ok.t;
        log(`t=${ok.t.toFixed(1)}s first successful read after the start`);
        break;
      }
      await sleep(100);
    }
    const endAt = Math.max(MIN_RUN_S, (marks.recovered ?? MAX_RUN_S) + 5);
    while (now(t0) < Math.min(endAt, MAX_RUN_S)) await sleep(100);
    load.stop();
  };

  log(
    `load: ${CONNECTIONS} connections, ${READ_OPS.length} read operations${writes ? ', ingests x2 during the restart' : ''}`,
  );
  let chaosDone: Promise<void> = Promise.resolve();
  const writers = writes ? [writer(), writer()] : [];
  const result = await runAutocannon(
    { url: `${server.url}/graphql`, connections: CONNECTIONS, duration: MAX_RUN_S, timeout: 10, requests },
    (MAX_RUN_S + 10) * 1000,
    (instance) => {
      // 'response' follows onResponse synchronously for the same reply: it adds the response time.
      instance.on('response', (_client, _status, _bytes, ms) => {
        const last = replies.at(-1);
        if (last && last.ms === undefined) last.ms = Math.round(ms);
      });
      instance.on('reqError', (err: Error) => reqErrors.push({ t: now(t0), message: err.message }));
      chaosDone = chaos(instance);
    },
  );
  await chaosDone;
  running = false;
  await Promise.all(writers);
  await readyPoller;
  const runS = now(t0);

  // ---- after: the server is ready again, the graph is whole
  await waitUntilSeeded(server, 60_000, writes && writeReplies.some((w) => w.code === 'OK') ? 2 : 1);
  const countsAfter = await graphCounts(server.url);
  const rssAfter = rssMb(server.pid);

  // ---- analysis
  const byCode = new Map<string, number>();
  for (const r of replies)
    if (r.code !== 'OK')
      byCode.set(`${r.code} / HTTP ${r.status}`, (byCode.get(`${r.code} / HTTP ${r.status}`) ?? 0) + 1);
  const failures = replies.filter((r) => r.code !== 'OK');
  const allowed = new Set(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']);
  const badFailures = failures.filter((r) => !allowed.has(r.code) || r.status >= 500);
  const firstFailure = failures[0]?.t;
  const lastFailure = failures.at(-1)?.t;
  const firstOkAfter =
    lastFailure === undefined ? undefined : replies.find((r) => r.t > lastFailure && r.code === 'OK')?.t;
  const timeToRecover =
    marks.recovered !== undefined && marks.started !== undefined ? marks.recovered - marks.started : undefined;
  const okDuringOutage =
    firstFailure !== undefined && lastFailure !== undefined
      ? replies.filter((r) => r.t > firstFailure && r.t < lastFailure && r.code === 'OK').length
      : 0;

  // Per second: ok / failed replies, slowest reply, request errors (timeouts).
  const timeline: { s: number; ok: number; failed: number; maxMs: number; reqErrors: number }[] = [];
  for (let sec = 0; sec < Math.ceil(runS); sec++) {
    const inSec = replies.filter((r) => r.t >= sec && r.t < sec + 1);
    timeline.push({
      s: sec,
      ok: inSec.filter((r) => r.code === 'OK').length,
      failed: inSec.filter((r) => r.code !== 'OK').length,
      maxMs: Math.max(0, ...inSec.map((r) => r.ms ?? 0)),
      reqErrors: reqErrors.filter((e) => e.t >= sec && e.t < sec + 1).length,
    });
  }
  const messages = new Map<string, { count: number; first: number; last: number }>();
  for (const r of [...replies, ...writeReplies]) {
    if (r.code === 'OK') continue;
    const key = `${r.code}: ${(r.message ?? '').replace(/\d+/g, 'N')}`;
    const m = messages.get(key) ?? { count: 0, first: r.t, last: r.t };
    m.count += 1;
    m.first = Math.min(m.first, r.t);
    m.last = Math.max(m.last, r.t);
    messages.set(key, m);
  }
  const slowest = [...replies].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 5);

  const writeByCode = new Map<string, number>();
  for (const w of writeReplies)
    writeByCode.set(`${w.code} / HTTP ${w.status}`, (writeByCode.get(`${w.code} / HTTP ${w.status}`) ?? 0) + 1);
  const writeOk = writeReplies.filter((w) => w.code === 'OK').length;
  const writeBad = writeReplies.filter(
    (w) => !['OK', 'DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT'].includes(w.code) || w.status >= 500,
  );
  const expected = writes ? (writeOk > 0 ? countsReference : countsArticle) : countsArticle;
  const graphDiff = expected ? diffCounts(expected, countsAfter) : [];

  const checks: [string, boolean][] = [
    ['reads failed only with DATABASE_UNAVAILABLE / QUERY_TIMEOUT', badFailures.length === 0],
    ['no 5xx', result['5xx'] === 0 && !replies.some((r) => r.status >= 500)],
    ['no hang (autocannon timeouts 10 s)', result.timeouts === 0],
    ['reads recovered after Neo4j came back', marks.recovered !== undefined],
    ['/ready went 200 → 503 → 200', transitions.some((x) => x.to === '503') && readyLog.at(-1)?.status === 200],
    ['server process alive', server.exitCode() === undefined],
  ];
  if (writes) {
    checks.push(['writes failed only with DATABASE_UNAVAILABLE / QUERY_TIMEOUT', writeBad.length === 0]);
    checks.push(['graph = one clean ingest of each article (no partial writes)', graphDiff.length === 0]);
    checks.push(['re-seeded database equals the first seed', reseedMatches === true]);
  }
  const ok = checks.every(([, pass]) => pass);
  const fmt = (t: number | undefined) => (t === undefined ? '—' : `${t.toFixed(2)}s`);

  console.log('\nfailed reads by code / status:');
  printTable(
    ['code / status', 'count'],
    [...byCode.entries()].map(([k, v]) => [k, v]),
  );
  if (writes) {
    console.log('\ningests by outcome:');
    printTable(
      ['code / status', 'count'],
      [...writeByCode.entries()].map(([k, v]) => [k, v]),
    );
  }
  console.log('\ntimeline (per second, around the restart): s ok/failed maxMs [request errors]');
  const from = Math.max(0, Math.floor((marks.stopBegin ?? 0) - 1));
  const to = Math.ceil((marks.recovered ?? runS) + 2);
  const line = timeline
    .filter((x) => x.s >= from && x.s <= to)
    .map((x) => `${x.s}:${x.ok}/${x.failed}/${x.maxMs}${x.reqErrors ? `[${x.reqErrors}]` : ''}`);
  for (let i = 0; i < line.length; i += 10) console.log(`  ${line.slice(i, i + 10).join('  ')}`);
  console.log('\nerror messages (digits as N):');
  for (const [k, m] of messages) console.log(`  x${m.count} t=${m.first.toFixed(1)}–${m.last.toFixed(1)}s ${k}`);
  for (const e of reqErrors.slice(0, 10)) console.log(`  request error at t=${e.t.toFixed(2)}s: ${e.message}`);
  console.log(`  slowest replies: ${slowest.map((r) => `${r.ms}ms@${r.t.toFixed(1)}s ${r.code}`).join(', ')}`);
  console.log('\n/ready transitions:');
  for (const x of transitions) console.log(`  t=${x.t.toFixed(2)}s  ${x.from} → ${x.to}`);
  for (const [name, pass] of checks) console.log(`  [${pass ? 'ok' : 'FAIL'}] ${name}`);
  for (const b of badFailures.slice(0, 5))
    console.log(`  disallowed failure at t=${b.t.toFixed(2)}s: ${b.status} ${b.code}`);
  for (const d of graphDiff) console.log(`  graph differs: ${d}`);
  const serverErrors = errorSummary(server);
  for (const e of serverErrors) console.log(`  server error log x${e.count}: ${e.msg}`);

  const summary = {
    benchmark: 'fault',
    machine: machine(),
    config: { connections: CONNECTIONS, stopAtS: STOP_AT_S, downS: DOWN_S, operations: READ_OPS.map((o) => o.name) },
    runS,
    marks,
    reads: {
      responses: replies.length,
      ok: replies.length - failures.length,
      failed: failures.length,
      failedByCode: Object.fromEntries(byCode),
      disallowedFailures: badFailures.length,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    },
    outageSeenByClients: {
      firstFailure,
      lastFailure,
      firstOkAfterLastFailure: firstOkAfter,
      seconds: firstFailure !== undefined && firstOkAfter !== undefined ? firstOkAfter - firstFailure : undefined,
      okResponsesInsideOutage: okDuringOutage,
    },
    timeToRecoverS: timeToRecover,
    requestErrors: reqErrors,
    errorMessages: Object.fromEntries(messages),
    slowestReplies: slowest,
    timeline,
    ready: { transitions, polls: readyLog.length },
    writes: writes
      ? {
          sent: writeReplies.length,
          ok: writeOk,
          byCode: Object.fromEntries(writeByCode),
          disallowed: writeBad.length,
          countsReference,
          countsAfter,
          graphDiff,
          reseedMatches,
        }
      : { skipped: true, reason: mutation.inSource ? 'not in the running schema' : 'ingestArticle does not exist' },
    serverRssMb: { before: rssBefore, after: rssAfter },
    serverErrors,
    checks: Object.fromEntries(checks),
    passed: ok,
  };
  const file = writeResults('fault', summary);
  printBlock(
    `fault: Neo4j stopped at t=${STOP_AT_S}s for ${DOWN_S}s + its start-up, under ${CONNECTIONS} connections`,
    [
      [
        'run',
        `${runS.toFixed(1)}s; stop ${fmt(marks.stopBegin)}→${fmt(marks.stopped)}, start ${fmt(marks.startBegin)}→${fmt(marks.started)}`,
      ],
      ['read responses', `${replies.length} (ok ${replies.length - failures.length}, failed ${failures.length})`],
      ['failed reads by code', [...byCode.entries()].map(([k, v]) => `${k}: ${v}`).join('; ') || 'none'],
      ['disallowed failures (5xx, INTERNAL…, other)', badFailures.length],
      ['hangs (10 s timeouts)', result.timeouts],
      ['time to recover (start resolved → 1st ok)', fmt(timeToRecover)],
      [
        'outage seen by clients',
        `${fmt(firstFailure)} → ${fmt(firstOkAfter)} = ${summary.outageSeenByClients.seconds?.toFixed(2) ?? '—'}s (${okDuringOutage} ok inside)`,
      ],
      ['/ready transitions', transitions.map((x) => `${x.from}→${x.to} @${x.t.toFixed(2)}s`).join(', ') || 'none'],
      [
        'ingests during the restart',
        writes
          ? `${writeReplies.length} sent: ${[...writeByCode.entries()].map(([k, v]) => `${k} ${v}`).join('; ')}`
          : `skipped (${summary.writes && 'reason' in summary.writes ? summary.writes.reason : ''})`,
      ],
      [
        'graph after',
        writes
          ? `${totalNodes(countsAfter)} nodes / ${totalRels(countsAfter)} rels; reference ${totalNodes(countsReference ?? {})} / ${totalRels(countsReference ?? {})}: ${graphDiff.length === 0 ? 'equal' : 'DIFFERENT'}`
          : `${totalNodes(countsAfter)} nodes / ${totalRels(countsAfter)} rels: ${graphDiff.length === 0 ? 'unchanged' : 'CHANGED'}`,
      ],
      ['server RSS MiB before/after', `${rssBefore ?? '?'} / ${rssAfter ?? '?'}`],
      ['server error log lines', server.errorLines().length],
      ['result', ok ? 'PASS' : 'FAIL'],
      ['written to', file],
    ],
  );
  return ok;
}

runBench('fault', 10 * 60_000, main);
