import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/driver.js';
import type { Logger } from '../logger.js';
import { articleDirs, ingestArticle } from './ingest.js';

export const ARTICLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/articles');

/** Loads every article under data/articles when the database holds no document yet. */
export async function seedIfEmpty(db: Database, logger: Logger, root = ARTICLES_DIR): Promise<number> {
  const [row] = await db.read<{ n: number }>('count-documents', 'MATCH (d:Document) RETURN count(d) AS n');
  if ((row?.n ?? 0) > 0) return 0;
  let loaded = 0;
  for (const dir of articleDirs(root)) {
    const summary = await ingestArticle(db, dir);
    logger.info(summary, 'article loaded');
    loaded += 1;
  }
  return loaded;
}
