/**
 * Bad input: malformed or hostile HTTP requests, sent one after another to a server on its own Neo4j.
 * The cases are data, one file per category in bench/bad-input/cases/. For every response: it arrives
 * within 10 s, its status is a valid one (never 5xx), the body is a well-formed GraphQL error (or data,
 * for requests that are valid), it holds no stack trace or internal detail, and it is what the case
 * states (data, or an error with a code and limit) where the case states it. After each request the
 * server logged no error; at the end it still answers and the graph is unchanged.
 *
 *   npx tsx bench/bad-input.ts                      every category (result: bench/results/bad-input.json)
 *   npx tsx bench/bad-input.ts -- csrf injection    only these (result: bench/results/bad-input.partial.json)
 *   npx tsx bench/bad-input.ts --list               the categories, with their number of requests
 *
 * Where a case states no code, how it was answered (status and error code) is reported; only 5xx,
 * hangs, non-JSON, stack traces, unexpected internal errors, error log lines, crashes and writes fail.
 */
import { sha256Hex } from '../src/auth.js';
import { EXAMPLES } from '../src/graphiql/examples.js';
import { EDITOR_SECRET } from './bad-input/case.js';
import { check, type Outcome } from './bad-input/check.js';
import { type Category, categoryNames, loadCategory } from './bad-input/load.js';
import { clientAborts, send } from './bad-input/send.js';
import {
  errorSummary,
  gql,
  graphCounts,
  log,
  machine,
  printBlock,
  printTable,
  rssMb,
  runBench,
  type ServerHandle,
  sleep,
  startNeo4j,
  startServer,
  waitUntilSeeded,
  writeResults,
} from './lib.js';

/** Not a file of cases: heavy requests dropped mid-flight, then the server must be unharmed. */
const CLIENT_ABORTS = 'client-aborts';
const ABORTS = 40;
/** Categories whose data answers are listed (valid but large or expensive requests). */
const HEAVY = ['huge', 'depth', 'aliases', 'fragments', 'cost', 'cost-limit', 'introspection'];

async function main(selected: string[], partial: boolean): Promise<boolean> {
  const categories: Category[] = [];
  for (const name of selected.filter((n) => n !== CLIENT_ABORTS)) categories.push(await loadCategory(name));
  const all = categories.flatMap((c) => c.requests);
  const withAborts = selected.includes(CLIENT_ABORTS);
  log(
    `bad-input: ${all.length} requests in ${categories.length} categories${withAborts ? ` and ${ABORTS} client aborts` : ''}`,
  );
  const neo4j = await startNeo4j();
  log(`Neo4j up on 127.0.0.1:${neo4j.port}`);
  const env = { API_KEYS: `bench-editor:editor:${sha256Hex(EDITOR_SECRET)}` };
  let server: ServerHandle = await startServer(neo4j, env);
  await waitUntilSeeded(server, 300_000);
  log(`server up on ${server.url} (pid ${server.pid})`);
  const countsBefore = await graphCounts(server.url);
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore ?? 0;
  const restarts: string[] = [];
  const crashes: string[] = [];
  const outcomes: Outcome[] = [];
  /** Error log lines of servers replaced after a crash or hang. */
  const earlierErrorLines: ReturnType<ServerHandle['errorLines']> = [];

  for (const [i, c] of all.entries()) {
    const errorsBefore = server.errorLines().length;
    const o = check(c, await send(server.port, c));
    outcomes.push(o);
    rssPeak = Math.max(rssPeak, rssMb(server.pid) ?? 0);
    const logged = server.errorLines().slice(errorsBefore);
    const errors = logged.filter((e) => !isNodeWarning(e));
    if (errors.length > 0) {
      o.failures.push(
        `the server logged ${errors.length} error line(s): ${String(errors[0]?.msg ?? '').slice(0, 120)}`,
      );
    }
    const warnings = logged.filter(isNodeWarning).map((e) => String(e.msg).slice(0, 200));
    if (warnings.length > 0) o.nodeWarnings = warnings;
    if (o.failures.length > 0) log(`FAIL ${c.category} / ${c.name}: ${o.status} ${o.failures.join('; ')}`);
    if ((i + 1) % 50 === 0) log(`${i + 1}/${all.length} sent`);
    // A hang or a crash: is the server still there? If not, note it and start a fresh one.
    const exited = server.exitCode() !== undefined;
    if (o.kind === 'hang' || o.kind === 'reset' || exited) {
      const alive = exited
        ? undefined
        : await gql(server.url, '{ __typename }', undefined, { timeoutMs: 5_000 }).catch(() => undefined);
      if (alive?.status !== 200) {
        const why = exited ? `exited with code ${server.exitCode()}` : 'stopped answering';
        (exited ? crashes : restarts).push(`${c.category} / ${c.name}: server ${why}`);
        o.failures.push(`server ${why} after this request`);
        log(`server ${why} after "${c.name}"; starting a new one`);
        await server.stop();
        earlierErrorLines.push(...server.errorLines());
        server = await startServer(neo4j, env);
        await waitUntilSeeded(server, 300_000);
      }
    }
  }
  // Client aborts: heavy requests dropped after 5–32 ms.
  const errorsBeforeAborts = server.errorLines().length;
  if (withAborts) {
    await clientAborts(server.port, ABORTS, JSON.stringify({ query: EXAMPLES[1]?.query ?? '{ __typename }' }));
    await sleep(2_000);
  }
  const abortErrorLines = server
    .errorLines()
    .slice(errorsBeforeAborts)
    .filter((e) => !isNodeWarning(e)).length;

  const alive = await gql(server.url, '{ __typename }', undefined, { timeoutMs: 10_000 }).catch((e) => ({
    status: 0,
    text: String(e),
  }));
  const stillAnswers = alive.status === 200 && alive.text.includes('"__typename":"Query"');
  const countsAfter = await graphCounts(server.url);
  const rssAfter = rssMb(server.pid);
  const graphUnchanged = JSON.stringify(countsBefore) === JSON.stringify(countsAfter);
  const logged = [...earlierErrorLines, ...server.errorLines()];
  const errorLines = logged.filter((e) => !isNodeWarning(e)).length;
  const nodeWarnings = logged.length - errorLines;

  // Table per category.
  const rows = categories.map((cat) => {
    const os = outcomes.filter((o) => o.category === cat.name);
    const statuses = tally(os.map((o) => String(o.status)));
    const codes = tally(os.flatMap((o) => (o.kind === 'data' ? ['data'] : o.codes.length ? o.codes : [o.kind])));
    return [
      cat.name,
      os.length,
      statuses,
      codes,
      Math.max(...os.map((o) => o.ms)),
      os.filter((o) => o.failures.length).length,
    ] as const;
  });
  console.log('');
  printTable(
    ['category', 'count', 'statuses', 'answers (error codes / data)', 'max ms', 'failures'],
    rows.map((r) => [...r]),
  );
  const failed = outcomes.filter((o) => o.failures.length > 0);
  if (failed.length) {
    console.log('\nfailures:');
    for (const o of failed) console.log(`  ${o.category} / ${o.name}: ${o.status} — ${o.failures.join('; ')}`);
  }
  const dataForHeavy = outcomes.filter((o) => o.kind === 'data' && HEAVY.includes(o.category));
  if (dataForHeavy.length) {
    console.log('\nanswered with data (valid but large/expensive requests, reported, not failures):');
    for (const o of dataForHeavy) console.log(`  ${o.category} / ${o.name}: ${o.status}, ${o.bytes} bytes, ${o.ms} ms`);
  }
  const serverErrors = errorSummary(server, 40);
  for (const e of serverErrors) console.log(`  server error log x${e.count}: ${e.msg}`);
  const warned = outcomes.filter((o) => o.nodeWarnings);
  if (warned.length) {
    console.log('\nNode warnings on stderr (reported, not failures), after:');
    for (const o of warned) console.log(`  ${o.category} / ${o.name}: ${o.nodeWarnings?.join(' | ')}`);
  }

  const ok =
    failed.length === 0 &&
    errorLines === 0 &&
    stillAnswers &&
    graphUnchanged &&
    crashes.length === 0 &&
    restarts.length === 0;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const summary = {
    benchmark: 'bad-input',
    machine: machine(),
    categoriesRun: selected,
    requests: outcomes.length,
    failures: failed.length,
    categories: Object.fromEntries(
      rows.map((r) => [r[0], { count: r[1], statuses: r[2], answers: r[3], maxMs: r[4], failures: r[5] }]),
    ),
    failed: failed.map((o) => ({ category: o.category, name: o.name, status: o.status, failures: o.failures })),
    slowest: slowest.map((o) => ({ name: `${o.category} / ${o.name}`, ms: o.ms, status: o.status })),
    serverStillAnswers: stillAnswers,
    graph: { unchanged: graphUnchanged, before: countsBefore, after: countsAfter },
    serverRssMb: { before: rssBefore, peak: rssPeak, after: rssAfter },
    serverRestartsNeeded: restarts,
    serverCrashes: crashes,
    clientAborts: withAborts ? { requests: ABORTS, serverErrorLogLines: abortErrorLines } : null,
    serverErrorLogLines: errorLines,
    nodeWarnings,
    serverErrors,
    outcomes,
    passed: ok,
  };
  const file = writeResults(partial ? 'bad-input.partial' : 'bad-input', summary);
  printBlock(`bad-input: ${outcomes.length} malformed or hostile requests`, [
    ['categories', partial ? selected.join(' ') : `all ${categories.length} and ${CLIENT_ABORTS}`],
    ['requests', outcomes.length],
    ['failures', failed.length],
    ['statuses seen', tally(outcomes.map((o) => String(o.status)))],
    ['answers', tally(outcomes.map((o) => o.kind))],
    [
      'slowest',
      slowest
        .slice(0, 3)
        .map((o) => `${o.name} ${o.ms} ms`)
        .join('; '),
    ],
    ['server restarts needed', restarts.length],
    ['server crashes', crashes.length],
    ['still answers { __typename }', stillAnswers ? 'yes' : 'NO'],
    ['graph unchanged', graphUnchanged ? `yes (${Object.keys(countsBefore).length} counts equal)` : 'NO'],
    ['server RSS MiB before/peak/after', `${rssBefore ?? '?'} / ${rssPeak || '?'} / ${rssAfter ?? '?'}`],
    [
      'server error log lines',
      `${errorLines}${withAborts ? ` (of them after ${ABORTS} client aborts: ${abortErrorLines})` : ''}`,
    ],
    ['Node warnings on stderr', nodeWarnings],
    ['result', ok ? 'PASS' : 'FAIL'],
    ['written to', file],
  ]);
  return ok;
}

/** A warning Node printed on stderr (not a log line of the server): reported, not a failure. */
function isNodeWarning(line: { msg?: unknown; level?: unknown }): boolean {
  return (
    line.level === undefined &&
    typeof line.msg === 'string' &&
    /^\(node:\d+\) (\[\w+\] )?\w*Warning: |^\(Use `node --trace-warnings/.test(line.msg)
  );
}

function tally(values: string[]): string {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');
}

async function list(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const name of categoryNames()) {
    const c = await loadCategory(name);
    rows.push([c.name, c.requests.length, c.about]);
  }
  rows.push([CLIENT_ABORTS, ABORTS, 'heavy requests dropped 5–32 ms after sending (not a file of cases)']);
  printTable(['category', 'requests', 'what it sends'], rows);
  console.log(`\n${rows.reduce((s, r) => s + Number(r[1]), 0)} requests in ${rows.length} categories`);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const known = [...categoryNames(), CLIENT_ABORTS];
const unknown = args.filter((a) => a !== '--list' && !known.includes(a));
if (unknown.length > 0) {
  console.error(`unknown ${unknown.length === 1 ? 'category' : 'categories'}: ${unknown.join(' ')}`);
  console.error(`known: ${known.join(' ')} (or --list)`);
  process.exit(2);
} else if (args.includes('--list')) {
  await list();
} else {
  const selected = args.length > 0 ? known.filter((k) => args.includes(k)) : known;
  runBench('bad-input', 30 * 60_000, () => main(selected, selected.length < known.length));
}
