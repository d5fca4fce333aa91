import type { Database } from '../db/driver.js';
import type { Logger } from '../logger.js';
import { type StatKey, StatsRepository } from '../repositories/stats.js';
import { statKeyId } from './fanout.js';
import { FANOUT_KEYS } from './fanout-table.js';

/** How often the graph's version is checked (another server may write), and the degrees measured again if it moved. */
export const FANOUT_REFRESH_MS = 60_000;

/**
 * The largest degree the graph holds for every key of the fan-out table, measured by one query.
 * Measured when the server starts, after every write it makes, and when a check each minute finds
 * the graph's version moved (writes by other servers sharing the database); the cost estimate reads
 * them. Until the first measurement, a request waits for it.
 */
export class FanoutStats {
  private readonly keys: StatKey[];
  private values: Map<string, number> | undefined;
  private loading: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** When the values were last measured (epoch ms): the epoch of what is kept with them (cost/sides.ts). */
  measuredAt = 0;
  /** When they were last measured or found current, or a check began (epoch ms). */
  checkedAt = 0;
  /** The graph's version (Database.graphVersion) read before the last measurement; null when unknown. */
  private measuredVersion: string | null = null;

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
    // The version is read before measuring: a write in between makes the next check measure again.
    this.loading = this.version()
      .then(async (version) => {
        const maxima = await new StatsRepository(this.db, {}).degreeMaxima(this.keys);
        this.values = new Map(this.keys.map((k, i) => [statKeyId(k), maxima[i] ?? 0]));
        this.measuredVersion = version;
        this.measuredAt = this.checkedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  private version(): Promise<string | null> {
    return this.db.graphVersion().catch(() => null);
  }

  /**
   * Measures again unless the graph's version is the one measured: every write through this code steps
   * it (another server's too), so on a graph nobody writes the check is one small read a minute, where
   * the measurement passes over every node (seconds at a million relationships).
   */
  async refreshIfChanged(): Promise<void> {
    if (this.values && this.measuredVersion !== null && !this.loading) {
      const version = await this.version();
      if (version === this.measuredVersion) {
        this.checkedAt = Date.now();
        return;
      }
    }
    await this.refresh();
  }

  /** Starts a check (refreshIfChanged) when the last one is over FANOUT_REFRESH_MS old; one at a time. */
  checkWhenDue(): void {
    if (!this.values || Date.now() - this.checkedAt <= FANOUT_REFRESH_MS) return;
    this.checkedAt = Date.now();
    void this.refreshIfChanged().catch(() => {});
  }

  /** The values, measuring them first if they never were. */
  async whenReady(): Promise<void> {
    if (!this.values) await this.refresh();
  }

  /** Measures now and every `intervalMs` (failures are logged and retried at the next tick). */
  start(intervalMs = FANOUT_REFRESH_MS): void {
    const tick = () =>
      this.refreshIfChanged().catch((err: unknown) =>
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
