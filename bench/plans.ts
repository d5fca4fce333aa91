/**
 * Query plans of every Cypher query the API sends, on a corpus of the chosen size: the operations of
 * test/helpers/plan-operations.ts run through the app (every root field and every edge field, with
 * filters, orders, cursors, traversals, search, counts), each query they send captured with its
 * parameters (Database.onQuery) and run again under PROFILE. Prints query → starting operators,
 * estimated rows, db hits and flags (scan, late-limit, count-by-scan, eager, skip, index-scan) and
 * writes bench/results/plans-<size>.json. Fails (exit 1) when a query scans without an allow-list
 * entry (test/helpers/plans.ts PLAN_ALLOWED), like test/integration/query-plans.test.ts.
 *
 *   npx tsx bench/plans.ts [--size article|10k|100k|1m] [--store DIR] [--explain] [--name plans-10k]
 *
 * --store keeps the Neo4j folder (the corpus is loaded once, shared with bench/compare.ts --store);
 * --explain plans only (nothing runs, no db hits).
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../src/logger.js';
import { createApp } from '../src/yoga.js';
import { fetchRunner, PLAN_LIMITS, runPlanOperations } from '../test/helpers/plan-operations.js';
import { captureQueries, type PlanReport, planOf, unexpected, variantOf } from '../test/helpers/plans.js';
import { openStore, SIZES, type Size } from './compare/store.js';
import { log, machine, printTable, runBench, writeResults } from './lib.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '10k' },
    store: { type: 'string' },
    explain: { type: 'boolean', default: false },
    name: { type: 'string' },
  },
});
const size = args.size as Size;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);

async function main(): Promise<boolean> {
  const store = await openStore(size, {
    store: args.store,
    heap: size === 'article' || size === '10k' ? '1g' : '2g',
    maxLoadMs: 90 * 60_000,
  });
  const app = createApp({ db: store.db, logger: createLogger('silent'), limits: PLAN_LIMITS });
  const run = fetchRunner(app);
  // Twice: the first pass also sends the cost model's measurement; the second meets warm caches.
  const queries = await captureQueries(store.db, async () => {
    await runPlanOperations(run);
    await runPlanOperations(run);
  });
  log(`${queries.length} distinct queries (text + parameters) captured`);

  const reports: (PlanReport & { variant: string; problems: string[] })[] = [];
  for (const q of queries) {
    const report = await planOf(store.db.driver, undefined, q, args.explain ? 'EXPLAIN' : 'PROFILE');
    reports.push({ ...report, variant: variantOf(q), problems: unexpected(q, report) });
  }
  reports.sort((a, b) => a.name.localeCompare(b.name) || a.variant.localeCompare(b.variant));
  printTable(
    ['query', 'variant', 'starts', 'est. rows', 'db hits', 'flags'],
    reports.map((r) => [
      r.name,
      r.variant.slice(0, 48),
      r.starts.join(', ').slice(0, 90),
      r.estimatedRows,
      r.dbHits ?? '-',
      [...r.flags, ...(r.problems.length ? ['FAIL'] : [])].join(' '),
    ]),
  );
  // One line per query name: its variants, the operators its plans start from, the most db hits.
  const byName = new Map<string, typeof reports>();
  for (const r of reports) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const summary = [...byName].map(([name, rs]) => ({
    name,
    variants: rs.length,
    starts: [...new Set(rs.flatMap((r) => r.starts.map((s) => s.split(' ')[0])))].sort(),
    maxDbHits: Math.max(...rs.map((r) => r.dbHits ?? 0)),
    flags: [...new Set(rs.flatMap((r) => r.flags))].sort(),
    allowed: rs.some((r) => r.flags.some((f) => f === 'scan' || f === 'late-limit' || f === 'count-by-scan')),
    failing: rs.filter((r) => r.problems.length > 0).length,
  }));
  console.log('');
  printTable(
    ['query', 'plans', 'starts', 'max db hits', 'flags', 'verdict'],
    summary.map((s) => [
      s.name,
      s.variants,
      s.starts.join(', '),
      s.maxDbHits,
      s.flags.join(' '),
      s.failing ? `${s.failing} FAIL` : s.allowed ? 'allowed' : 'ok',
    ]),
  );
  const failing = reports.filter((r) => r.problems.length > 0);
  for (const r of failing) console.error(`FAIL ${r.name} ${r.variant}: ${r.problems.join('; ')}`);
  const file = writeResults(args.name ?? `plans-${size}`, {
    machine: machine(),
    size,
    counts: store.counts,
    mode: args.explain ? 'EXPLAIN' : 'PROFILE',
    summary,
    queries: reports.map(({ plan, ...r }) => ({ ...r, plan })),
  });
  log(`${reports.length} plans, ${failing.length} failing; wrote ${file}`);
  return failing.length === 0;
}

runBench('plans', 60 * 60_000, main);
