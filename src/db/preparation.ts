import type { Logger } from '../logger.js';
import type { Database } from './driver.js';

/**
 * Work that must succeed once before the server serves well (schema, seed, first measurements),
 * run whenever Neo4j comes up. A failure is retried with backoff while Neo4j stays up (a seed that
 * failed is not left undone until the next outage), and again whenever it comes back.
 */
export function prepareWhenUp(
  db: Database,
  logger: Logger,
  work: () => Promise<void>,
  backoff = (failures: number) => Math.min(60_000, 1_000 * 2 ** Math.min(failures, 6)),
): { run: () => Promise<void>; readonly done: boolean } {
  let running: Promise<void> | undefined;
  let done = false;
  let failures = 0;
  const run = (): Promise<void> => {
    if (done) return Promise.resolve();
    running ??= work()
      .then(() => {
        done = true;
        failures = 0;
      })
      .catch((err: unknown) => {
        failures += 1;
        const retryInMs = backoff(failures);
        logger.error(
          { err: err instanceof Error ? err.message : String(err), retryInMs },
          'preparing the database failed; will retry',
        );
        setTimeout(() => {
          if (db.isUp) void run();
        }, retryInMs).unref();
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  db.onStateChange((up) => {
    if (up) void run();
  });
  return {
    run,
    get done() {
      return done;
    },
  };
}
