/**
 * Overhead: the same answers through the GraphQL server (HTTP, Yoga, Pothos, batched repositories)
 * and through hand-written Cypher sent straight to Neo4j with neo4j-driver (one query each, no HTTP).
 * Sequential requests after a warm-up; reports p50/p95 per operation and the ratio.
 * Run: `npx tsx bench/overhead.ts` (env BENCH_ITERATIONS, default 300).
 */
import neo4j from 'neo4j-driver';
import {
  gql,
  log,
  machine,
  onCleanup,
  percentile,
  printBlock,
  printTable,
  runBench,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;

interface Pair {
  name: string;
  graphql: string;
  cypher: string;
}

const PAIRS: Pair[] = [
  {
    name: 'membership with evidence',
    graphql: `{ entity(id: "turkey") { name ... on State { memberships { to { ... on Alliance { name } }
      claims { statement stance assertedBy { name } evidence { quote start end } } } } } }`,
    cypher: `MATCH (t:Entity {id: 'turkey'})
      OPTIONAL MATCH (t)-[r:MEMBER_OF]->(a)
      RETURN t.name AS name, collect({to: a.name, claims: COLLECT { MATCH (c:Claim) WHERE c.id IN r.claimIds RETURN {
        statement: c.statement, stance: c.stance, assertedBy: [(c)-[:ASSERTED_BY]->(w) | w.name][0],
        evidence: [(c)-[:SUPPORTED_BY]->(e) | e {.quote, .start, .end}]} }}) AS memberships`,
  },
  {
    name: 'shortest path with evidence',
    graphql: `{ shortestPath(from: "putin", to: "nato") { length nodes { key label } edges { kind evidence { quote } } } }`,
    cypher: `MATCH (a:Entity {id: 'putin'}), (b:Entity {id: 'nato'})
      MATCH p = shortestPath((a)-[*..4]-(b))
      WHERE all(r IN relationships(p) WHERE type(r) IN ['MEMBER_OF','HOLDS_POSITION','PART_OF','PARTY_TO','PARTNER_OF','BORDERS','LOCATED_IN','HAS_SOURCE','HAS_TARGET','CONCERNS','TAKES_PLACE_IN','RESPONDS_TO','IN_DISPUTE'])
      RETURN [n IN nodes(p) | {key: n.id, label: coalesce(n.name, n.label)}] AS nodes,
             [r IN relationships(p) | {kind: type(r), evidence: COLLECT { MATCH (c:Claim)-[:SUPPORTED_BY]->(e) WHERE c.id IN r.claimIds RETURN e.quote }}] AS edges`,
  },
  {
    name: 'page of 20 events with actors',
    graphql: `{ events(first: 20) { totalCount edges { node { key label date { value precision } sources { name } targets { name } } } } }`,
    cypher: `MATCH (e:Event)
      WITH e ORDER BY e.sortDate IS NULL, e.sortDate, e.id LIMIT 20
      RETURN collect({key: e.id, label: e.label, date: {value: e.dateValue, precision: e.datePrecision},
        sources: [(e)-[:HAS_SOURCE]->(s) | s.name], targets: [(e)-[:HAS_TARGET]->(t) | t.name]}) AS events,
        COUNT { (:Event) } AS total`,
  },
];

const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

async function main(): Promise<boolean> {
  const db = await startNeo4j();
  const server = await startServer(db);
  await waitUntilSeeded(server);
  const driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', db.password));
  onCleanup('close the benchmark driver', () => driver.close());
  log(`server ${server.url}, Neo4j ${db.uri}; ${ITERATIONS} sequential requests per operation and path`);

  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  let ok = true;
  for (const pair of PAIRS) {
    const direct: number[] = [];
    const api: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const t = performance.now();
      const r = await driver.executeQuery(pair.cypher, {}, { routing: neo4j.routing.READ });
      if (r.records.length !== 1) ok = false;
      if (i >= WARMUP) direct.push(performance.now() - t);
      const g = await gql(server.url, pair.graphql);
      if (g.status !== 200 || g.json?.errors) ok = false;
      if (i >= WARMUP) api.push(g.ms);
    }
    const d = summary(direct);
    const a = summary(api);
    results[pair.name] = { cypher: d, graphql: a };
    rows.push([
      pair.name,
      d.p50.toFixed(2),
      d.p95.toFixed(2),
      a.p50.toFixed(2),
      a.p95.toFixed(2),
      (a.p50 / d.p50).toFixed(2),
    ]);
  }
  printTable(['operation', 'Cypher p50 ms', 'Cypher p95 ms', 'GraphQL p50 ms', 'GraphQL p95 ms', 'p50 ratio'], rows);
  const file = writeResults('overhead', { machine: machine(), iterations: ITERATIONS, results });
  printBlock('overhead: GraphQL over HTTP vs hand-written Cypher through the driver', [
    ['iterations', ITERATIONS],
    ['all answers correct', ok ? 'yes' : 'NO'],
    ['written to', file],
  ]);
  return ok;
}

runBench('overhead', 10 * 60_000, main);
