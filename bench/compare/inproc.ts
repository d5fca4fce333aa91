/**
 * This server's CPU per request, in process (no HTTP socket, no other system): each benchmark
 * operation sent N times through app.fetch, sequentially; prints CPU ms and Neo4j queries per
 * request. A quick A/B tool while changing the request path; the side-by-side ratios come from
 * bench/compare.ts.
 *
 *   npx tsx bench/compare/inproc.ts --size article --store DIR [--iterations 300] [--ops events,nested]
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/yoga.js';
import { log, printTable, runBench } from '../lib.js';
import { compareOps, opContext } from './ops.js';
import { openStore, type Size } from './store.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'article' },
    store: { type: 'string' },
    iterations: { type: 'string', default: '300' },
    ops: { type: 'string' },
  },
});

runBench('compare-inproc', 30 * 60_000, async () => {
  const store = await openStore(args.size as Size, { store: args.store, heap: '1g', maxLoadMs: 60 * 60_000 });
  const wanted = args.ops?.split(',');
  const ops = compareOps(await opContext(store.db)).filter((o) => !wanted || wanted.includes(o.name));
  const app = createApp({ db: store.db, logger: createLogger('silent') });
  const n = Number(args.iterations);
  const rows: (string | number)[][] = [];
  for (const op of ops) {
    const body = JSON.stringify({ query: op.p.query, variables: op.p.variables });
    const send = async () => {
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await res.json()) as { errors?: unknown[] };
      if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors)}`);
    };
    // Warm-up; the first requests may wait for the fan-out measurement and a cold Neo4j.
    for (let i = 0; i < 30; i++) await send().catch(() => {});
    const q0 = store.db.queriesSent;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await send();
    const wall = (performance.now() - t0) / n;
    const cpu = process.cpuUsage(cpu0);
    rows.push([
      op.name,
      ((cpu.user + cpu.system) / 1000 / n).toFixed(2),
      wall.toFixed(2),
      ((store.db.queriesSent - q0) / n).toFixed(1),
    ]);
  }
  log(`${n} requests per operation, in process`);
  printTable(['operation', 'CPU ms/request', 'wall ms/request', 'Neo4j queries/request'], rows);
  return true;
});
