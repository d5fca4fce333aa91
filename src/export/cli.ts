import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { FanoutStats } from '../cost/fanout-stats.js';
import { connect } from '../db/connect.js';
import { LocalNeo4jError } from '../db/local-neo4j.js';
import { createLogger } from '../logger.js';
import { createApp } from '../yoga.js';
import { FORMATS, isFormat } from './formats.js';

const USAGE = `usage: npm run export -- --format <${FORMATS.join('|')}> (--focus <id> [--depth 1-3] [--limit 1-200] | --from <id> --to <id> [--max-hops 1-6]) [--kinds K1,K2]`;

/**
 * `npm run export -- --format gexf --focus turkey --depth 2 > turkey.gexf`: the same export as
 * `GET /export/graph.gexf?focus=turkey&depth=2`, through an in-process copy of the server (its
 * GraphQL layer, cost model and limits) on NEO4J_URI or the local Neo4j (joining the one `npm start`
 * runs). The file goes to stdout; errors to stderr with their code. Exit 0 done, 1 refused, 2 usage or database.
 */
async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        format: { type: 'string' },
        focus: { type: 'string' },
        depth: { type: 'string' },
        limit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'max-hops': { type: 'string' },
        kinds: { type: 'string' },
      },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const format = values.format ?? '';
  if (!isFormat(format)) {
    console.error(USAGE);
    return 2;
  }
  const params = new URLSearchParams();
  for (const [flag, param] of [
    ['focus', 'focus'],
    ['depth', 'depth'],
    ['limit', 'limit'],
    ['from', 'from'],
    ['to', 'to'],
    ['max-hops', 'maxHops'],
    ['kinds', 'kinds'],
  ] as const) {
    const v = values[flag];
    if (v !== undefined) params.set(param, v);
  }

  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const connected = await connect(config, logger);
  try {
    if (!(await connected.db.check())) {
      console.error(`DATABASE_UNAVAILABLE: ${connected.db.status.error}`);
      return 2;
    }
    const fanout = new FanoutStats(connected.db, logger);
    await fanout.refresh();
    const app = createApp({ db: connected.db, logger, limits: config.limits, fanout });
    const res = await app.fetch(new Request(`http://localhost/export/graph.${format}?${params}`));
    const body = await res.text();
    if (!res.ok) {
      const errors = (JSON.parse(body) as { errors: { message: string; extensions?: { code?: string } }[] }).errors;
      for (const e of errors) console.error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
      return res.status >= 500 ? 2 : 1;
    }
    process.stdout.write(body);
    console.error(
      `${res.headers.get('x-export-nodes')} nodes, ${res.headers.get('x-export-edges')} edges (${/filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1]})`,
    );
    return 0;
  } finally {
    await connected.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    const known = err instanceof ConfigError || err instanceof LocalNeo4jError;
    console.error(known ? err.message : `export failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
