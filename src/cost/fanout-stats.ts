import type { Database } from '../db/driver.js';
import type { Logger } from '../logger.js';
import { type StatKey, StatsRepository } from '../repositories/stats.js';
import { statKeyId } from './fanout.js';
import { FANOUT_KEYS } from './fanout-table.js';

/** How often the degrees are measured again when nothing was written here (another server may write). */
export const FANOUT_REFRESH_MS = 60_000;

/**
 * The largest degree the graph holds for every key of the fan-out table, measured by one query.
 * Measured when the server starts, after every write it makes, and every minute (for writes by
 * other servers sharing the database); the cost estimate reads them. Until the first measurement,
 * a request waits for it.
 */
export class FanoutStats {
  private readonly keys: StatKey[];
  private values: Map<string, number> | undefined;
  private loading: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** When the values were last measured (epoch ms), for logs and tests. */
  measuredAt = 0;

  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
    keys: readonly StatKey[] = FANOUT_KEYS,
  ) {
    this.keys = [...new Map(keys.map((k) => [statKeyId(k), k])).values()];
  }

  /** The measured maximum for a key of the table. */
  degree(key: StatKey): number {
    const value = this.values?.get(statKeyId(key));
    if (value === undefined) throw new Error(`no degree measured for ${statKeyId(key)}`);
    return value;
  }

  get ready(): boolean {
    return this.values !== undefined;
  }

  /**
   * Measures again. A call made while a measurement runs gets the next one (the running one may
   * have started before the write that asks for it); calls made meanwhile share that next one.
   */
  refresh(): Promise<void> {
    if (this.loading) {
      this.next ??= this.loading
        .catch(() => {})
        .then(() => {
          this.next = undefined;
          return this.refresh();
        });
      return this.next;
    }
    this.loading = new StatsRepository(this.db, {})
      .degreeMaxima(this.keys)
      .then((maxima) => {
        this.values = new Map(this.keys.map((k, i) => [statKeyId(k), maxima[i] ?? 0]));
        this.measuredAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** The values, measuring them first if they never were. */
  async whenReady(): Promise<void> {
    if (!this.values) await this.refresh();
  }

  /** Measures now and every `intervalMs` (failures are logged and retried at the next tick). */
  start(intervalMs = FANOUT_REFRESH_MS): void {
    const tick = () =>
      this.refresh().catch((err: unknown) =>
        this.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'measuring fan-out failed'),
      );
    void tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
