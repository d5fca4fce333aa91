/**
 * Concurrent edits: what editors and loaders do at the same time, through the HTTP API of a server on
 * its own Neo4j. (1) 10 corrections of one claim sent at once: every version must end in the claim's
 * history, none twice. (2) 40 ingests of the two articles (20 each) sent at once on an empty database:
 * none may fail, and the graph (every node and relationship with its properties) must equal one clean
 * ingest of each. (3) A claim retracted and another corrected, then the article re-ingested: both
 * edits must stay. Run: `npx tsx bench/concurrent-edits.ts` (BENCH_INGESTS changes the 40).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import {
  type BenchNeo4j,
  deleteAllNodes,
  gql,
  log,
  machine,
  percentile,
  printBlock,
  ROOT,
  runBench,
  type ServerHandle,
  sha256Hex,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

const INGESTS = Number(process.env.BENCH_INGESTS ?? 40);
const EDITOR_SECRET = 'bench-edits-editor-secret';
const auth = { authorization: `Bearer ${EDITOR_SECRET}` };
const ARTICLES = ['data/articles/2022-01-flashup-moskau-ankara', 'test/fixtures/articles/test-second-article'].map(
  (dir) => ({
    slug: path.basename(dir),
    articleText: readFileSync(path.join(ROOT, dir, 'article.txt'), 'utf8'),
    annotationsYaml: readFileSync(path.join(ROOT, dir, 'annotations.yaml'), 'utf8'),
  }),
);
const MEMBER = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';
const PHONE_CALL = 'flashup-2022-01-moskau-ankara:c-phone-call-sunday';

const INGEST = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { documentId keptRetractions keptCorrections droppedEdits } }`;
const CORRECT = `mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) { corrections } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { removedEdges } }`;
const CLAIM = `query($id: ID!) { claim(id: $id) {
  statement stance corrections history retracted retractedReason retractedAt assertedBy { key } } }`;

/** The parts of the answers this script reads. */
interface Data {
  claim?: { statement: string; corrections: number; history: string[] };
  ingestArticle?: { keptRetractions: number; keptCorrections: number; droppedEdits: string[] };
  entity?: { memberships?: { claims: { key: string }[] }[] };
}

interface Sent {
  ms: number;
  code: string;
  data: Data | undefined;
}

async function send(server: ServerHandle, query: string, variables: Record<string, unknown>): Promise<Sent> {
  try {
    const r = await gql(server.url, query, variables, { headers: auth, timeoutMs: 120_000 });
    const code =
      r.json?.errors?.[0]?.extensions?.code ?? (r.status === 200 && r.json?.data ? 'OK' : `HTTP ${r.status}`);
    return { ms: r.ms, code: String(code), data: r.json?.data as Data | undefined };
  } catch (err) {
    return { ms: Number.NaN, code: (err as Error).name === 'TimeoutError' ? 'HANG' : 'NETWORK', data: undefined };
  }
}

const byCode = (replies: Sent[]) =>
  Object.fromEntries(
    [...new Set(replies.map((r) => r.code))].map((c) => [c, replies.filter((r) => r.code === c).length]),
  );
const latency = (replies: Sent[]) => {
  const ms = replies.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: Math.round(percentile(ms, 50)), p90: Math.round(percentile(ms, 90)), max: Math.round(ms.at(-1) ?? 0) };
};

/** A driver of its own on the bench's Neo4j, for wiping and for comparing whole graphs. */
function database(neo4j: BenchNeo4j) {
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', neo4j.password), {
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => {} },
  });
  const run = async (q: string) => {
    const session = driver.session();
    try {
      return (await session.run(q)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  return {
    close: () => driver.close(),
    wipe: () => deleteAllNodes(driver),
    /** Every node and relationship with its properties (without ingest times), as one comparable text. */
    snapshot: async () => {
      const nodes = await run(
        'MATCH (n) WITH n, properties(n) AS p RETURN labels(n) AS labels, p {.*, ingestedAt: null} AS props ORDER BY n.id',
      );
      const rels = await run(
        `MATCH (a)-[r]->(b) WITH a, r, b ORDER BY a.id, type(r), b.id, r.start
         RETURN a.id + ' ' + type(r) + ' ' + b.id AS key, properties(r) AS props`,
      );
      const sorted = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(sorted)
          : v && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v)
                  .sort(([x], [y]) => (x < y ? -1 : 1))
                  .map(([k, x]) => [k, sorted(x)]),
              )
            : v;
      const n = nodes.map((x) => ({ ...x, labels: [...(x.labels as string[])].sort() }));
      return { text: JSON.stringify(sorted({ n, rels })), nodes: nodes.length, rels: rels.length };
    },
  };
}

async function main(): Promise<boolean> {
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port}`);
  // debug: the server logs every retried write ("write retried"), counted below. The timeout is raised
  // because a first (cold) ingest took 40–60 s on the shared, loaded 2-core machine.
  const server = await startServer(neo4j, {
    API_KEYS: `bench-editor:editor:${sha256Hex(EDITOR_SECRET)}`,
    LOG_LEVEL: 'debug',
    NEO4J_QUERY_TIMEOUT_MS: '120000',
  });
  let retried = 0;
  let gaveUp = 0;
  const retriedCodes: Record<string, number> = {};
  let partial = '';
  const countRetries = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"write gave up"')) gaveUp += 1;
      if (!line.includes('"write retried"')) continue;
      retried += 1;
      const code =
        String((JSON.parse(line) as { code?: string }).code)
          .split('.')
          .at(-1) ?? '?';
      retriedCodes[code] = (retriedCodes[code] ?? 0) + 1;
    }
  };
  server.child.stdout?.on('data', countRetries);
  await waitUntilSeeded(server, 300_000).catch((err) => {
    throw new Error(`${err.message}\n${JSON.stringify(server.errorLines().slice(0, 5), null, 1)}`);
  });
  log(`server up on ${server.url}, article loaded`);
  const db = database(neo4j);
  const checks: [string, boolean][] = [];

  // ---- 1: 10 corrections of one claim at once
  const original = (await send(server, CLAIM, { id: MEMBER })).data?.claim?.statement;
  const versions = Array.from({ length: 10 }, (_, i) => `Version ${i + 1} of the membership claim.`);
  const retriedBefore1 = retried;
  const corrections = await Promise.all(
    versions.map((statement) => send(server, CORRECT, { id: MEMBER, input: { statement, reason: 'bench' } })),
  );
  const claim = (await send(server, CLAIM, { id: MEMBER })).data?.claim;
  const history = ((claim?.history ?? []) as string[]).map((h) => JSON.parse(h).statement as string);
  const everyVersionOnce =
    JSON.stringify([...history, claim?.statement].sort()) === JSON.stringify([original, ...versions].sort());
  checks.push(['10 corrections: all answered OK', corrections.every((r) => r.code === 'OK')]);
  checks.push(['10 corrections: corrections = 10, history holds 10 distinct versions', claim?.corrections === 10]);
  checks.push(['10 corrections: every version once (history + current)', everyVersionOnce]);
  const phase1 = {
    byCode: byCode(corrections),
    latencyMs: latency(corrections),
    corrections: claim?.corrections,
    historyLength: history.length,
    distinctInHistory: new Set(history).size,
    everyVersionOnce,
    retries: retried - retriedBefore1,
  };
  log(`corrections: ${JSON.stringify(phase1)}`);

  // ---- 2: 40 ingests of the two articles at once on an empty database, against a clean ingest
  await db.wipe();
  for (const input of ARTICLES) {
    const r = await send(server, INGEST, { input });
    if (r.code !== 'OK') throw new Error(`the reference ingest failed: ${r.code}`);
  }
  const reference = await db.snapshot();
  log(`reference: one clean ingest of each article = ${reference.nodes} nodes, ${reference.rels} relationships`);
  await db.wipe();
  const retriedBefore2 = retried;
  const started = performance.now();
  const ingests = await Promise.all(
    Array.from({ length: INGESTS }, (_, i) => send(server, INGEST, { input: ARTICLES[i % ARTICLES.length] })),
  );
  const wallS = (performance.now() - started) / 1000;
  const after = await db.snapshot();
  const graphEqual = after.text === reference.text;
  checks.push([`${INGESTS} concurrent ingests: all answered OK`, ingests.every((r) => r.code === 'OK')]);
  checks.push([`${INGESTS} concurrent ingests: graph equals one clean ingest of each article`, graphEqual]);
  const phase2 = {
    ingests: INGESTS,
    byCode: byCode(ingests),
    latencyMs: latency(ingests),
    wallS: Math.round(wallS * 10) / 10,
    retries: retried - retriedBefore2,
    retriedCodes,
    gaveUp,
    graph: { nodes: after.nodes, rels: after.rels, equalsReference: graphEqual },
  };
  log(`ingests: ${JSON.stringify(phase2)}`);

  // ---- 3: retract one claim, correct another, re-ingest the article
  const retract = await send(server, RETRACT, { id: MEMBER, reason: 'bench retraction' });
  const correct = await send(server, CORRECT, {
    id: PHONE_CALL,
    input: { statement: 'A corrected statement.', stance: 'ATTRIBUTED', assertedBy: 'kremlin', reason: 'bench' },
  });
  const before3 = [
    (await send(server, CLAIM, { id: MEMBER })).data,
    (await send(server, CLAIM, { id: PHONE_CALL })).data,
  ];
  // Turkey's MEMBER_OF NATO edge: after the retraction only the second article's claim supports it.
  const membershipClaims = async () =>
    (
      await send(server, '{ entity(id: "turkey") { ... on State { memberships { claims { key } } } } }', {})
    ).data?.entity?.memberships?.flatMap((m) => m.claims.map((c) => c.key)) ?? [];
  const supportBefore = await membershipClaims();
  const reingest = await send(server, INGEST, { input: ARTICLES[0] });
  const after3 = [
    (await send(server, CLAIM, { id: MEMBER })).data,
    (await send(server, CLAIM, { id: PHONE_CALL })).data,
  ];
  const supportAfter = await membershipClaims();
  const kept = reingest.data?.ingestArticle;
  checks.push(['re-ingest: retraction and correction answered OK', retract.code === 'OK' && correct.code === 'OK']);
  checks.push([
    're-ingest: result says keptRetractions 1, keptCorrections 1',
    kept?.keptRetractions === 1 && kept?.keptCorrections === 1,
  ]);
  checks.push(['re-ingest: both claims exactly as before', JSON.stringify(after3) === JSON.stringify(before3)]);
  checks.push([
    're-ingest: the retracted claim supports no edge again (MEMBER_OF keeps only the other article)',
    !supportAfter.includes(MEMBER) && JSON.stringify(supportAfter) === JSON.stringify(supportBefore),
  ]);
  const phase3 = {
    membershipClaimsAfter: supportAfter,
    result: kept,
    reingestMs: Math.round(reingest.ms),
    claimsUnchanged: JSON.stringify(after3) === JSON.stringify(before3),
  };

  server.child.stdout?.off('data', countRetries);
  await db.close();
  printBlock('concurrent edits', [
    [
      '10 corrections of one claim',
      `${JSON.stringify(phase1.byCode)}; history ${phase1.historyLength} (${phase1.distinctInHistory} distinct); every version once: ${everyVersionOnce}`,
    ],
    [
      '  latency p50 / p90 / max',
      `${phase1.latencyMs.p50} / ${phase1.latencyMs.p90} / ${phase1.latencyMs.max} ms; retries ${phase1.retries}`,
    ],
    [
      `${INGESTS} concurrent ingests`,
      `${JSON.stringify(phase2.byCode)} in ${phase2.wallS} s; graph equal: ${graphEqual} (${after.nodes} nodes, ${after.rels} rels)`,
    ],
    [
      '  latency p50 / p90 / max',
      `${phase2.latencyMs.p50} / ${phase2.latencyMs.p90} / ${phase2.latencyMs.max} ms; retried writes ${phase2.retries} ${JSON.stringify(retriedCodes)}, gave up ${gaveUp}`,
    ],
    [
      're-ingest after retract + correct',
      `${JSON.stringify(kept)} in ${phase3.reingestMs} ms; claims unchanged: ${phase3.claimsUnchanged}`,
    ],
  ]);
  for (const [name, pass] of checks) console.log(`  [${pass ? 'ok' : 'FAIL'}] ${name}`);
  const file = writeResults('concurrent-edits', {
    benchmark: 'concurrent-edits',
    machine: machine(),
    corrections: phase1,
    ingests: phase2,
    reingest: phase3,
    checks: Object.fromEntries(checks),
  });
  log(`results written to ${file}`);
  return checks.every(([, pass]) => pass);
}

runBench('concurrent-edits', 20 * 60_000, main);
