import { ConfigError, loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { LocalNeo4jError } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { createLogger } from '../logger.js';
import { ingestArticle, loadArticle } from './ingest.js';
import { AnnotationError } from './validate.js';

/**
 * `npm run ingest -- data/articles/<slug> [more folders]`: validates every folder first, then writes
 * each in its own transaction. Uses NEO4J_URI, or the local Neo4j (joining the one `npm start` runs).
 * `--check` validates only. Exit codes: 0 done, 1 invalid annotations, 2 database or usage problem.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const checkOnly = args.includes('--check');
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length === 0) {
    console.error('usage: npm run ingest -- [--check] data/articles/<slug> [...]');
    return 2;
  }
  let invalid = false;
  for (const dir of dirs) {
    try {
      loadArticle(dir);
    } catch (err) {
      if (!(err instanceof AnnotationError)) throw err;
      console.error(err.message);
      invalid = true;
    }
  }
  if (invalid) {
    console.error('nothing was written');
    return 1;
  }
  if (checkOnly) {
    console.log(`${dirs.length} article(s) valid`);
    return 0;
  }

  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const connected = await connect(config, logger);
  try {
    if (!(await connected.db.check())) {
      console.error(connected.db.status.error);
      return 2;
    }
    await applySchema(connected.db);
    for (const dir of dirs) {
      const summary = await ingestArticle(connected.db, dir);
      console.log(JSON.stringify(summary));
    }
    return 0;
  } finally {
    await connected.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    const known = err instanceof ConfigError || err instanceof LocalNeo4jError;
    console.error(
      known ? err.message : `ingest failed, nothing was written: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(2);
  });
