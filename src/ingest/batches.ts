import { setImmediate as yieldToWriter } from 'node:timers/promises';
import type { Database } from '../db/driver.js';
import { planRelationships } from '../domain/ingest-plan.js';
import { type StepTimer, type WriteOutcome, writePlans } from '../repositories/ingest-writer.js';
import type { IngestPlan } from './plan.js';

/** Relationships per transaction when many articles are written together (about: a batch ends with the article that reaches it). */
export const BATCH_RELATIONSHIPS = 20_000;

export interface WrittenBatch<T> {
  items: T[];
  outcomes: WriteOutcome[];
  /** From the start of the batch's transaction to its commit. */
  writeMs: number;
}

/**
 * Writes articles in batches of about `size` relationships (what their plans write), each batch one
 * transaction (writePlans: all of it or nothing, the graph as if its articles were written one by one,
 * in order), and takes the next batch's articles while the current one writes: `next()` (validating an
 * article is CPU in Node) runs while Neo4j works, and the loop yields after each article, so the writer
 * sends its next statement in between. `next()` gives undefined when there is no more; `size` 0: one
 * article per transaction. A failed batch (or `next()`) throws once the batch in flight has ended: the batches before it stay
 * written.
 */
export async function writeInBatches<T extends { plan: IngestPlan }>(
  db: Database,
  next: () => T | undefined,
  opts: { size?: number; onStep?: StepTimer; onBatch?: (batch: WrittenBatch<T>) => void | Promise<void> } = {},
): Promise<void> {
  const size = opts.size ?? BATCH_RELATIONSHIPS;
  const take = async (): Promise<T[]> => {
    const items: T[] = [];
    let planned = 0;
    do {
      const item = next();
      if (item === undefined) break;
      items.push(item);
      planned += planRelationships(item.plan);
      await yieldToWriter();
    } while (size > 0 && planned < size);
    return items;
  };
  let items = await take();
  while (items.length > 0) {
    const started = performance.now();
    const writing = writePlans(
      db,
      items.map((i) => i.plan),
      { onStep: opts.onStep },
    ).then((outcomes) => ({ outcomes, writeMs: performance.now() - started }));
    // Taken while the batch writes; its failure is thrown below, after the taking.
    writing.catch(() => {});
    let following: T[];
    try {
      following = await take();
    } catch (err) {
      await writing.catch(() => {});
      throw err;
    }
    const { outcomes, writeMs } = await writing;
    await opts.onBatch?.({ items, outcomes, writeMs });
    items = following;
  }
}
