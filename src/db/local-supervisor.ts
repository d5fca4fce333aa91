import type { Logger } from '../logger.js';
import {
  isAlive,
  type LocalNeo4j,
  type LocalNeo4jExit,
  type LocalNeo4jOptions,
  startLocalNeo4j,
} from './local-neo4j.js';

export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; the next death makes the process unhealthy. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before the first restart of a window; doubled for each further one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const RESTART_WINDOW_MS = 10 * 60_000;
/** How long a restart may take until Bolt answers (the first start: 120 s). */
const RESTART_TIMEOUT_MS = 300_000;

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: RESTART_WINDOW_MS,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/** `running`, or being started again after it died, or given up on (the process cannot recover). */
export type LocalNeo4jState = 'running' | 'restarting' | 'failed';

export interface LocalNeo4jHealth {
  state: LocalNeo4jState;
  /** Why it is restarting or was given up on. */
  reason?: string;
}

function describeExit(exit: LocalNeo4jExit): string {
  const how = exit.signal ? `killed by signal ${exit.signal}` : `exited with code ${exit.code}`;
  return `the local Neo4j (pid ${exit.pid}) ${how}`;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Keeps the local Neo4j of the data folder running. A Java process this one owns that dies without
 * being asked to is started again; a Neo4j joined from another process is replaced by our own when
 * its process ends. Restarts wait 1 s, 2 s, 4 s … (at most 30 s) and are capped per window; beyond
 * the cap the state is `failed` for good, and the server reports itself unhealthy.
 */
export class LocalNeo4jSupervisor {
  private current: LocalNeo4j | undefined;
  private health: LocalNeo4jHealth = { state: 'running' };
  /** When each restart of the window began. */
  private restarts: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private watch: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private closed = false;
  private readonly listeners = new Set<(health: LocalNeo4jHealth) => void>();
  private port: number;
  /** Whether the last Neo4j was another process's. */
  private joined = false;

  constructor(
    private readonly options: LocalNeo4jOptions,
    private readonly logger: Logger,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    this.port = options.port;
  }

  /** The first start; its errors (no Java, port taken …) reach the caller. */
  async start(): Promise<LocalNeo4j> {
    const local = await startLocalNeo4j({ ...this.options, logger: this.logger, signal: this.abort.signal });
    // The driver's URI names this port (a joined Neo4j may listen on another than configured): keep it.
    this.port = local.port;
    this.adopt(local);
    return local;
  }

  get status(): LocalNeo4jHealth {
    return this.health;
  }

  /** Called when the Neo4j dies, runs again, or is given up on. */
  onChange(listener: (health: LocalNeo4jHealth) => void): void {
    this.listeners.add(listener);
  }

  private set(health: LocalNeo4jHealth): void {
    this.health = health;
    for (const l of this.listeners) l(health);
  }

  private adopt(local: LocalNeo4j): void {
    this.current = local;
    this.joined = !local.owned;
    if (local.owned) {
      void local.died.then((exit) => {
        if (this.current !== local) return;
        this.died(describeExit(exit), { pid: exit.pid, code: exit.code, signal: exit.signal, stderr: exit.stderr });
      });
      return;
    }
    // Joined: the other process stops its Java process when it ends; then ours takes over.
    clearInterval(this.watch);
    this.watch = setInterval(() => {
      if (this.current !== local || isAlive(local.pid)) return;
      clearInterval(this.watch);
      this.died(`the local Neo4j we had joined (pid ${local.pid}) stopped`, { pid: local.pid });
    }, 1_000);
    this.watch.unref();
  }

  private died(cause: string, details: Record<string, unknown>): void {
    if (this.closed) return;
    this.current = undefined;
    this.logger.error(details, cause);
    this.schedule(cause);
  }

  private schedule(cause: string): void {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < this.policy.windowMs);
    const done = this.restarts.length;
    if (done >= this.policy.maxRestarts) {
      const window = Math.round(this.policy.windowMs / 60_000);
      this.set({
        state: 'failed',
        reason: `gave up on the local Neo4j after ${done} restart(s) within ${window} min (NEO4J_LOCAL_MAX_RESTARTS=${this.policy.maxRestarts}); last: ${cause}`,
      });
      this.logger.fatal(this.health.reason);
      return;
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** done);
    this.set({ state: 'restarting', reason: cause });
    this.logger.warn(
      { attempt: done + 1, maxRestarts: this.policy.maxRestarts, delayMs: delay },
      `restarting the local Neo4j in ${delay} ms`,
    );
    this.timer = setTimeout(() => this.restart(), delay);
    this.timer.unref();
  }

  private restart(): void {
    if (this.closed) return;
    this.restarts.push(Date.now());
    const options = {
      ...this.options,
      port: this.port,
      logger: this.logger,
      signal: this.abort.signal,
      // A store killed mid-write is recovered first, on a machine that may be busy with what killed
      // it: a slow start is better than killing it and starting over.
      startTimeoutMs: this.options.startTimeoutMs ?? RESTART_TIMEOUT_MS,
    };
    this.starting = startLocalNeo4j(options)
      .then(async (local) => {
        if (this.closed) {
          await local.stop();
          return;
        }
        const what = !local.owned
          ? 'joined the local Neo4j another process started'
          : this.joined
            ? 'the local Neo4j we had joined stopped; started our own'
            : 'the local Neo4j runs again';
        this.logger.warn({ pid: local.pid, owned: local.owned }, what);
        this.adopt(local);
        this.set({ state: 'running' });
      })
      .catch((err: unknown) => {
        if (this.closed) return;
        this.logger.error({ err: message(err) }, 'restarting the local Neo4j failed');
        this.schedule(message(err));
      })
      .finally(() => {
        this.starting = undefined;
      });
  }

  /** Stops restarting and stops the Java process this one owns. */
  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.watch);
    this.abort.abort();
    await this.starting;
    await this.current?.stop();
  }
}
