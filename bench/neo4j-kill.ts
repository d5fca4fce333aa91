/**
 * kill -9 of the local Neo4j under load. The server runs in the default mode (no NEO4J_URI): it starts
 * and owns a local Neo4j in a temp folder. Readers (autocannon, the read mix) and writers (sequential
 * `ingestArticle` calls, each a new document id) run; at t=10 s the Java process (pid from run.json)
 * gets SIGKILL, and again 10 s after the reads came back (BENCH_KILLS times, default 2). Measured per
 * kill: time until /ready is 200 again, until the first successful read and write. Checked: every
 * write that was acknowledged (a `documentId` came back) is in the graph afterwards, read straight
 * from Neo4j with the password kept in the data folder; failures are only DATABASE_UNAVAILABLE or
 * QUERY_TIMEOUT, never a 5xx or a hang. Run: `npx tsx bench/neo4j-kill.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { readLocalPassword } from '../src/db/local-neo4j.js';
import {
  errorSummary,
  freePort,
  gql,
  log,
  machine,
  onCleanup,
  printBlock,
  ROOT,
  runAutocannon,
  runBench,
  sha256Hex,
  sleep,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';
import { READ_OPS, toRequest } from './ops.js';

const READERS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WRITERS = 3;
const KILLS = Number(process.env.BENCH_KILLS ?? 2);
const FIRST_KILL_S = 10;
const AFTER_RECOVERY_S = 10;
const MAX_RUN_S = 600;
const EDITOR_SECRET = 'bench-kill-editor-secret';
const FIXTURE = path.join(ROOT, 'test/fixtures/articles/test-second-article');
const INGEST = `mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }`;
const ALLOWED = new Set(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']);

interface Reply {
  t: number;
  status: number;
  code: string;
  message?: string;
}

function classify(status: number, body: string): { code: string; message?: string } {
  try {
    const j = JSON.parse(body) as { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
    const e = j.errors?.[0];
    if (!e && status === 200) return { code: 'OK' };
    return { code: e?.extensions?.code ?? 'NO_CODE', message: e?.message?.slice(0, 160) };
  } catch {
    return { code: 'NOT_JSON', message: body.slice(0, 160) };
  }
}

const fmt = (s: number | undefined) => (s === undefined ? '—' : `${s.toFixed(2)} s`);

async function documentIds(uri: string, password: string): Promise<Set<string>> {
  const driver = neo4jDriver.driver(uri, neo4jDriver.auth.basic('neo4j', password), {
    logging: { level: 'error', logger: () => {} },
  });
  try {
    const { records } = await driver.executeQuery('MATCH (d:Document) RETURN d.id AS id');
    return new Set(records.map((r) => r.get('id') as string));
  } finally {
    await driver.close();
  }
}

async function main(): Promise<boolean> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-kill-neo4j-'));
  onCleanup('remove the Neo4j temp folder', () => rmSync(dir, { recursive: true, force: true }));
  const boltPort = await freePort();
  const server = await startServer(
    { uri: '', password: '' },
    {
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_DIR: dir,
      NEO4J_LOCAL_PORT: String(boltPort),
      API_KEYS: `bench-editor:editor:${sha256Hex(EDITOR_SECRET)}`,
    },
  );
  await waitUntilSeeded(server, 600_000);
  log(`server up on ${server.url} (pid ${server.pid}) with its own Neo4j on 127.0.0.1:${boltPort} (${dir})`);
  const javaPid = () => (JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { pid: number }).pid;

  const annotations = readFileSync(path.join(FIXTURE, 'annotations.yaml'), 'utf8');
  const articleText = readFileSync(path.join(FIXTURE, 'article.txt'), 'utf8');
  const auth = { authorization: `Bearer ${EDITOR_SECRET}` };
  await runAutocannon(
    { url: `${server.url}/graphql`, connections: 5, duration: 3, requests: READ_OPS.map((o) => toRequest(o)) },
    30_000,
  );

  const t0 = performance.now();
  const now = () => (performance.now() - t0) / 1000;
  const reads: Reply[] = [];
  const writes: (Reply & { id: string })[] = [];
  const ready: { t: number; status: number | string }[] = [];
  const kills: { t: number; pid: number; ready503?: number; ready200?: number; read?: number; write?: number }[] = [];
  let running = true;

  const readyPoller = (async () => {
    while (running) {
      const started = performance.now();
      let status: number | string;
      try {
        const r = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(2_000) });
        await r.text();
        status = r.status;
      } catch (err) {
        status = (err as Error).name === 'TimeoutError' ? 'timeout' : 'error';
      }
      ready.push({ t: now(), status });
      await sleep(Math.max(0, 100 - (performance.now() - started)));
    }
  })();

  const writer = async (w: number) => {
    for (let n = 0; running; n++) {
      const id = `bench-kill-w${w}-${n}`;
      const input = { articleText, annotationsYaml: annotations.replace('id: test-second-article', `id: ${id}`) };
      const t = now();
      try {
        const r = await gql(server.url, INGEST, { input }, { headers: auth, timeoutMs: 30_000 });
        const c = classify(r.status, r.text);
        const acked = (r.json?.data as { ingestArticle?: { documentId?: string } } | undefined)?.ingestArticle;
        writes.push({
          t,
          id,
          status: r.status,
          ...(c.code === 'OK' && acked?.documentId !== id ? { code: 'WRONG_ID' } : c),
        });
        // A refused write is retried by a client after a pause, not in a tight loop.
        if (c.code !== 'OK') await sleep(100);
      } catch (err) {
        writes.push({ t, id, status: 0, code: (err as Error).name === 'TimeoutError' ? 'HANG' : 'NETWORK' });
      }
    }
  };

  const chaos = async (stop: () => void) => {
    let killAt = FIRST_KILL_S;
    for (let k = 0; k < KILLS; k++) {
      while (now() < killAt) await sleep(50);
      const pid = javaPid();
      const kill = { t: now(), pid } as (typeof kills)[number];
      process.kill(pid, 'SIGKILL');
      kills.push(kill);
      log(`t=${kill.t.toFixed(1)}s kill -9 of the local Neo4j (pid ${pid})`);
      while (now() < MAX_RUN_S - 10) {
        kill.ready503 ??= ready.find((r) => r.t > kill.t && r.status === 503)?.t;
        if (kill.ready503 !== undefined)
          kill.ready200 ??= ready.find((r) => r.t > (kill.ready503 ?? 0) && r.status === 200)?.t;
        kill.read ??=
          kill.ready503 !== undefined ? reads.find((r) => r.t > (kill.ready503 ?? 0) && r.code === 'OK')?.t : undefined;
        kill.write ??=
          kill.ready503 !== undefined
            ? writes.find((r) => r.t > (kill.ready503 ?? 0) && r.code === 'OK')?.t
            : undefined;
        if (kill.ready200 !== undefined && kill.read !== undefined && kill.write !== undefined) break;
        await sleep(100);
      }
      log(
        `  /ready 503 after ${fmt(kill.ready503 && kill.ready503 - kill.t)}, 200 after ${fmt(kill.ready200 && kill.ready200 - kill.t)}; first read ok after ${fmt(kill.read && kill.read - kill.t)}, first write ok after ${fmt(kill.write && kill.write - kill.t)}`,
      );
      killAt = Math.max(kill.read ?? now(), kill.write ?? now()) + AFTER_RECOVERY_S;
    }
    while (now() < killAt) await sleep(50);
    stop();
  };

  log(
    `load: ${READERS} reading connections, ${WRITERS} writers (ingestArticle, a new document each); ${KILLS} kill(s)`,
  );
  const requests = READ_OPS.map((op) => ({
    ...toRequest(op),
    onResponse: (status: number, body: string) => reads.push({ t: now(), status, ...classify(status, body) }),
  }));
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  let chaosDone: Promise<void> = Promise.resolve();
  const result = await runAutocannon(
    { url: `${server.url}/graphql`, connections: READERS, duration: MAX_RUN_S, timeout: 10, requests },
    (MAX_RUN_S + 10) * 1000,
    (instance) => {
      chaosDone = chaos(() => instance.stop());
    },
  );
  await chaosDone;
  running = false;
  await Promise.all(writers);
  await readyPoller;
  const runS = now();

  // ---- after: every acknowledged write is in the graph
  for (let i = 0; i < 600 && (await fetch(`${server.url}/ready`)).status !== 200; i++) await sleep(100);
  const password = readLocalPassword(dir) ?? '';
  const stored = await documentIds(`bolt://127.0.0.1:${boltPort}`, password);
  const acked = writes.filter((w) => w.code === 'OK');
  const lost = acked.filter((w) => !stored.has(w.id)).map((w) => w.id);
  const refusedButStored = writes.filter((w) => w.code !== 'OK' && stored.has(w.id)).map((w) => `${w.id} (${w.code})`);

  const count = (rs: Reply[]) => {
    const m = new Map<string, number>();
    for (const r of rs) if (r.code !== 'OK') m.set(`${r.code}/${r.status}`, (m.get(`${r.code}/${r.status}`) ?? 0) + 1);
    return Object.fromEntries(m);
  };
  const badReads = reads.filter((r) => r.code !== 'OK' && (!ALLOWED.has(r.code) || r.status >= 500));
  const badWrites = writes.filter((r) => r.code !== 'OK' && (!ALLOWED.has(r.code) || r.status >= 500));
  const messages = new Map<string, number>();
  for (const r of [...badReads, ...badWrites]) {
    const k = `${r.code}: ${r.message ?? ''}`;
    messages.set(k, (messages.get(k) ?? 0) + 1);
  }
  const recovered = kills.every((k) => k.ready200 !== undefined && k.read !== undefined && k.write !== undefined);
  const checks: [string, boolean][] = [
    ['every kill was followed by /ready 503, then 200, a good read and a good write', recovered],
    ['no acknowledged write lost', lost.length === 0],
    [
      'failures only DATABASE_UNAVAILABLE / QUERY_TIMEOUT (no 5xx, no INTERNAL…)',
      badReads.length + badWrites.length === 0,
    ],
    [
      'no hangs (10 s read timeouts, 30 s write timeouts)',
      result.timeouts === 0 && !writes.some((w) => w.code === 'HANG'),
    ],
    ['the server is healthy at the end', (await fetch(`${server.url}/health`)).status === 200],
  ];
  const ok = checks.every(([, v]) => v);
  for (const [name, v] of checks) log(`${v ? 'PASS' : 'FAIL'} ${name}`);
  for (const [m, n] of messages) log(`  unexpected x${n}: ${m}`);
  const serverErrors = errorSummary(server);
  for (const e of serverErrors) console.log(`  server log (error+) x${e.count}: ${e.msg}`);

  const perKill = kills.map((k) => ({
    atS: Number(k.t.toFixed(2)),
    pid: k.pid,
    ready503AfterS: k.ready503 && Number((k.ready503 - k.t).toFixed(2)),
    ready200AfterS: k.ready200 && Number((k.ready200 - k.t).toFixed(2)),
    firstReadOkAfterS: k.read && Number((k.read - k.t).toFixed(2)),
    firstWriteOkAfterS: k.write && Number((k.write - k.t).toFixed(2)),
  }));
  const file = writeResults('neo4j-kill', {
    benchmark: 'neo4j-kill',
    machine: machine(),
    config: { readers: READERS, writers: WRITERS, kills: KILLS, firstKillS: FIRST_KILL_S },
    runS,
    kills: perKill,
    reads: { responses: reads.length, ok: reads.filter((r) => r.code === 'OK').length, failed: count(reads) },
    writes: {
      sent: writes.length,
      acknowledged: acked.length,
      failed: count(writes),
      lost,
      refusedButStored,
    },
    unexpected: Object.fromEntries(messages),
    timeouts: result.timeouts,
    serverErrors,
    checks: Object.fromEntries(checks),
    passed: ok,
  });
  printBlock(`neo4j-kill: kill -9 of the local Neo4j under ${READERS} readers + ${WRITERS} writers`, [
    ['run', `${runS.toFixed(1)} s, ${kills.length} kill(s)`],
    ...perKill.map(
      (k, i) =>
        [
          `kill ${i + 1} at ${k.atS} s`,
          `/ready 503 +${k.ready503AfterS ?? '—'} s, 200 +${k.ready200AfterS ?? '—'} s; first ok read +${k.firstReadOkAfterS ?? '—'} s, write +${k.firstWriteOkAfterS ?? '—'} s`,
        ] as [string, string],
    ),
    ['reads', `${reads.length} (ok ${reads.filter((r) => r.code === 'OK').length}; ${JSON.stringify(count(reads))})`],
    ['writes', `${writes.length} sent, ${acked.length} acknowledged; ${JSON.stringify(count(writes))}`],
    ['acknowledged writes lost', lost.length],
    ['refused writes that were stored anyway', refusedButStored.length],
    ['hangs', result.timeouts],
    ['result', ok ? 'PASS' : 'FAIL'],
    ['written to', file],
  ]);
  return ok;
}

runBench('neo4j-kill', 20 * 60_000, main);
