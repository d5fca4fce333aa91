import { ConfigError, loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { LocalNeo4jError } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { createLogger } from '../logger.js';
import { BATCH_RELATIONSHIPS, writeInBatches } from './batches.js';
import { type LoadedArticle, loadArticle, summarize } from './ingest.js';
import { AnnotationError } from './validate.js';

/**
 * `npm run ingest -- data/articles/<slug> [more folders]`: validates every folder first, then writes
 * them in order, in transactions of about 20,000 relationships (`--batch N`; `--batch 0`: one
 * transaction per article), each all or nothing. Uses NEO4J_URI, or the local Neo4j (joining the one
 * `npm start` runs). `--check` validates only. Exit codes: 0 done, 1 invalid annotations, 2 database
 * or usage problem.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const checkOnly = args.includes('--check');
  const batchAt = args.indexOf('--batch');
  const batch = batchAt >= 0 ? Number(args[batchAt + 1]) : BATCH_RELATIONSHIPS;
  const dirs = args.filter((a, i) => !a.startsWith('--') && !(batchAt >= 0 && i === batchAt + 1));
  if (dirs.length === 0 || !Number.isInteger(batch) || batch < 0) {
    console.error('usage: npm run ingest -- [--check] [--batch <relationships>] data/articles/<slug> [...]');
    return 2;
  }
  let invalid = false;
  const articles: LoadedArticle[] = [];
  for (const dir of dirs) {
    try {
      articles.push(loadArticle(dir));
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
    let written = 0;
    try {
      await writeInBatches(connected.db, () => articles.shift(), {
        size: batch,
        onBatch: ({ items, outcomes }) => {
          items.forEach((article, i) => {
            const outcome = outcomes[i];
            if (outcome) console.log(JSON.stringify(summarize(article, outcome)));
          });
          written += items.length;
        },
      });
    } catch (err) {
      // Each batch is all or nothing: the articles of the failed one and those after it are not written.
      console.error(
        `ingest failed after ${written} of ${dirs.length} article(s) were written: ${err instanceof Error ? err.message : String(err)}`,
      );
      return 2;
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
