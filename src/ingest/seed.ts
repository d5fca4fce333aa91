import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Database } from '../db/driver.js';
import { LOADER_VERSION } from '../domain/ingest-plan.js';
import type { Logger } from '../logger.js';
import { parseRows } from '../repositories/rows.js';
import { articleDirs, ingestArticle, loadArticle } from './ingest.js';

export const ARTICLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/articles');

const documentVersions = z.object({ id: z.string(), version: z.number().int() });

/**
 * Loads every article under data/articles when the database holds no document; otherwise loads
 * again those it holds as written by an older loader (LOADER_VERSION; their claims' edits are
 * kept). Returns how many it loaded.
 */
export async function seedArticles(db: Database, logger: Logger, root = ARTICLES_DIR): Promise<number> {
  const rows = parseRows(
    'document-versions',
    documentVersions,
    await db.read('document-versions', 'MATCH (d:Document) RETURN d.id AS id, coalesce(d.loaderVersion, 1) AS version'),
  );
  const held = new Map(rows.map((r) => [r.id, r.version]));
  let loaded = 0;
  for (const dir of articleDirs(root)) {
    const { documentId } = loadArticle(dir).plan;
    const version = held.get(documentId);
    const wanted = held.size === 0 || (version !== undefined && version < LOADER_VERSION);
    if (!wanted) continue;
    const summary = await ingestArticle(db, dir);
    logger.info({ ...summary, previousLoaderVersion: version ?? null }, 'article loaded');
    loaded += 1;
  }
  return loaded;
}
