import neo4j, { type Driver, ManagedTransaction, Neo4jError, type RecordShape, type Session } from 'neo4j-driver';
import { DEFAULT_NEO4J_POOL, type Neo4jConnection, type Neo4jPool } from '../config.js';
import type { ErrorCode } from '../error-codes.js';
import type { Logger } from '../logger.js';
import { Admission, DatabaseBusyError, RequestGate } from './admission.js';
import { coalesceBoltWrites } from './bolt-writes.js';
import { cypher } from './cypher.js';

export { DatabaseBusyError, RequestGate };

/** Neo4j cannot be reached: told to clients as DATABASE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  readonly code: ErrorCode = 'DATABASE_UNAVAILABLE';
}

/** A query ran past its transaction timeout or was cancelled: QUERY_TIMEOUT. */
export class QueryTimeoutError extends Error {
  readonly code: ErrorCode = 'QUERY_TIMEOUT';
  /** 'deadline': the operation's deadline stopped it (the query's timeout was what was left of it). */
  constructor(
    message: string,
    readonly limit?: 'deadline',
  ) {
    super(message);
  }
}

/** A write kept failing with a transient error (deadlock, leader switch) until its deadline: retry later. */
export class TransientDatabaseError extends Error {
  readonly code: ErrorCode = 'TRANSIENT_ERROR';
  readonly retryable = true;
}

type Mode = 'READ' | 'WRITE' | 'SCHEMA';
type TransactionConfig = { timeout: number; metadata: Record<string, string> };

/** Per-request counters: queries sent to Neo4j and the time spent in them. */
export interface QueryStats {
  count: number;
  ms: number;
  names: string[];
}

export const newQueryStats = (): QueryStats => ({ count: 0, ms: 0, names: [] });

export interface QueryOptions {
  stats?: QueryStats;
  signal?: AbortSignal;
  /** The request's cap on queries at once (Database.requestGate()). */
  gate?: RequestGate;
  /**
   * The operation's deadline (epoch ms): no query runs past it, whatever the query timeout. When Neo4j
   * stops a query at it, `abort` stops the rest of the operation too (cost/guard.ts).
   */
  deadline?: { readonly deadlineAt: number; abort?(reason: Error): void };
  /** Parameters every query of the request gets (a query's own parameters of the same name win). */
  params?: Readonly<Record<string, unknown>>;
}

/** Milliseconds left before the operation's deadline (unbounded without one); none left: QUERY_TIMEOUT. */
function timeLeft(opts: QueryOptions): number {
  const remaining = opts.deadline ? opts.deadline.deadlineAt - Date.now() : Number.POSITIVE_INFINITY;
  if (remaining <= 0) throw new QueryTimeoutError('the operation reached its deadline', 'deadline');
  return remaining;
}

/** Why a signal aborted: our own coded error when we stopped the operation, else a cancellation. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && 'extensions' in reason) return reason;
  return new QueryTimeoutError('the request was cancelled');
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Errors Neo4j calls transient that are not worth another attempt: a timeout or a cancellation, or a server that is down. */
const NOT_RETRIED = new Set([
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * A failed write transaction that may succeed when run again: Neo4j's transient errors (a deadlock, a
 * lock wait that timed out, a schema change under way) and a cluster's leader switch.
 */
export function isTransientError(err: unknown): err is Neo4jError {
  if (!(err instanceof Neo4jError) || NOT_RETRIED.has(err.code)) return false;
  return (
    err.code.startsWith('Neo.TransientError.') ||
    err.code === 'SessionExpired' ||
    err.code === 'Neo.ClientError.Cluster.NotALeader' ||
    err.code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase'
  );
}

/** Exponential backoff with jitter: attempt 0 waits 12–25 ms, then twice as long each time, at most 1–2 s. */
export const retryDelay = (attempt: number, random = Math.random) => {
  const cap = Math.min(2_000, 25 * 2 ** attempt);
  return cap / 2 + random() * (cap / 2);
};

/** Resolves after `ms`, or at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface WriteOptions {
  /** Timeout of one attempt (default: the query timeout, at least 60 s). */
  timeoutMs?: number;
  /** The caller's deadline or disconnect: rolls back the running attempt and stops the retries. */
  signal?: AbortSignal;
  /** Transient errors are retried while less than this has passed since the first attempt (default: timeoutMs). */
  retryForMs?: number;
}

/** The driver waited `connectionAcquisitionTimeout` for a pooled connection (its error has no code). */
const isAcquisitionTimeout = (err: unknown) =>
  err instanceof Neo4jError && err.message.startsWith('Connection acquisition timed out');

/** Maps a driver error to one of ours; anything else is returned as it is (and masked by Yoga). */
export function mapDriverError(err: unknown): Error {
  if (err instanceof DatabaseUnavailableError || err instanceof QueryTimeoutError || err instanceof DatabaseBusyError) {
    return err;
  }
  if (isAcquisitionTimeout(err))
    return new DatabaseBusyError('the database is busy (no free connection); try again shortly');
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(err.code)) return new DatabaseUnavailableError(describeConnectError(err));
    if (
      err.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
      err.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
      err.code === 'Neo.TransientError.Transaction.Terminated' ||
      err.code === 'Neo.ClientError.Transaction.Terminated'
    ) {
      return new QueryTimeoutError('the query took too long and was stopped');
    }
  }
  if (err instanceof Error && err.name === 'AbortError') return new QueryTimeoutError('the request was cancelled');
  return err instanceof Error ? err : new Error(String(err));
}

/** One line that says why Neo4j cannot be used, without a stack. */
export function describeConnectError(err: unknown): string {
  if (err instanceof Neo4jError) {
    if (err.code === 'Neo.ClientError.Security.Unauthorized') return 'Neo4j refused the user name or password';
    if (err.code === 'Neo.ClientError.Database.DatabaseNotFound') return `Neo4j has no such database: ${err.message}`;
    return `Neo4j is unreachable: ${err.message.split('\n')[0]}`;
  }
  return `Neo4j is unreachable: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
}

/** A query as read() or write() sends it: its name, text and parameters. */
export interface SentQuery {
  name: string;
  mode: Mode;
  cypher: string;
  params: Record<string, unknown>;
}

export interface DatabaseOptions {
  queryTimeoutMs: number;
  logger?: Logger;
  /** Connection pool and query admission; defaults: DEFAULT_NEO4J_POOL. */
  pool?: Partial<Neo4jPool>;
  /**
   * Told of every query read() and write() send, before it is sent (tests and scripts only: the
   * query-plan check captures what the API asks). Unset in the server: one property test per query.
   */
  onQuery?: (query: SentQuery) => void;
}

/**
 * The one place that talks to neo4j-driver: read and write transactions with a timeout,
 * a name per query for logs and counters, and the up/down state that `/ready` reports.
 */
export class Database {
  readonly driver: Driver;
  /** undefined until the first check. */
  private up: boolean | undefined;
  private lastError = 'not checked yet';
  private monitor: NodeJS.Timeout | undefined;
  private closed = false;
  private attempt = 0;
  private readonly listeners = new Set<(up: boolean) => void>();
  /** Queries sent to Neo4j by read() and write() since start (tests use it to bound round trips). */
  queriesSent = 0;
  /** Reads of the graph's version (graphVersion()), since start. */
  versionReads = 0;
  /** Write transactions run again after a transient error, since start. */
  writeRetries = 0;

  /** Queries of read() and write() running now, and the most that ran at once (tests and benchmarks reset it). */
  inFlight = 0;
  peakInFlight = 0;
  readonly pool: Neo4jPool;
  readonly admission: Admission;
  /** See DatabaseOptions.onQuery; may be set and unset while the database is open. */
  onQuery: ((query: SentQuery) => void) | undefined;

  constructor(
    readonly connection: Neo4jConnection,
    private readonly options: DatabaseOptions,
  ) {
    this.pool = { ...DEFAULT_NEO4J_POOL, ...options.pool };
    this.onQuery = options.onQuery;
    this.admission = new Admission({
      limit: this.pool.maxConcurrentQueries,
      maxQueued: this.pool.maxQueued,
      queueTimeoutMs: this.pool.queueTimeoutMs,
    });
    coalesceBoltWrites();
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      connectionTimeout: 2_000,
      connectionAcquisitionTimeout: this.pool.acquisitionTimeoutMs,
      maxTransactionRetryTime: 1_000,
      maxConnectionPoolSize: this.pool.size,
      userAgent: 'geo-knowledge-graph/0.1',
      logging: { level: 'error', logger: () => {} },
      // Nothing reads Neo4j's notifications; asked for, a query's summary brings one map per warning
      // (an unknown property key of a record's row each time: ~12 per query, 3 KB to decode).
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
  }

  /** A new cap for the queries of one request (NEO4J_QUERIES_PER_REQUEST at once). */
  requestGate(): RequestGate {
    return new RequestGate(this.pool.queriesPerRequest);
  }

  get isUp(): boolean {
    return this.up === true;
  }

  get status(): { up: boolean; error?: string } {
    return this.up ? { up: true } : { up: false, error: this.lastError };
  }

  onStateChange(listener: (up: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setUp(up: boolean, error?: string): void {
    const changed = up !== this.up;
    this.up = up;
    if (error) this.lastError = error;
    if (!changed) return;
    if (up) this.options.logger?.info({ uri: this.connection.uri }, 'Neo4j is reachable');
    else this.options.logger?.error(`${this.lastError} (${this.connection.uri}); retrying with backoff`);
    for (const l of this.listeners) l(up);
    if (!up) this.scheduleCheck();
  }

  /** Checks connectivity once and updates the state. */
  async check(): Promise<boolean> {
    // An auto-commit query is not retried by the driver, so a dead server is reported at once.
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1 AS ok');
      this.attempt = 0;
      this.setUp(true);
    } catch (err) {
      // Every pooled connection in use means Neo4j is busy, not down.
      if (!isAcquisitionTimeout(err)) this.setUp(false, describeConnectError(err));
    } finally {
      await session.close().catch(() => {});
    }
    return this.up === true;
  }

  /** Backoff 0.5s, 1s, 2s, 4s, then every 5s while Neo4j is down; also checks every 5s while up. */
  startMonitoring(): void {
    if (this.monitor || this.closed) return;
    void this.check().then(() => this.scheduleCheck());
  }

  private scheduleCheck(): void {
    if (this.closed) return;
    if (this.monitor) clearTimeout(this.monitor);
    const delay = this.up ? 5_000 : Math.min(5_000, 500 * 2 ** this.attempt++);
    this.monitor = setTimeout(() => {
      this.monitor = undefined;
      void this.check().then(() => {
        if (!this.monitor) this.scheduleCheck();
      });
    }, delay);
    this.monitor.unref();
  }

  private guard(): void {
    if (this.closed) throw new DatabaseUnavailableError('the server is shutting down');
    if (this.up === false) throw new DatabaseUnavailableError(`the database is unavailable: ${this.lastError}`);
  }

  private async run<T extends RecordShape>(
    mode: Mode,
    name: string,
    cypher: string,
    params: Record<string, unknown>,
    opts: QueryOptions,
  ): Promise<T[]> {
    this.guard();
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const { gate, signal } = opts;
    try {
      timeLeft(opts); // before waiting for a slot
      await gate?.acquire();
      try {
        await this.admission.acquire(gate, signal);
        try {
          return await this.send<T>(mode, name, cypher, params, opts);
        } finally {
          this.admission.release();
        }
      } finally {
        gate?.release();
      }
    } catch (err) {
      // A client that went away makes the driver fail in several ways (closed session, RESET …).
      if (signal?.aborted) throw abortReason(signal);
      const mapped = mapDriverError(err);
      // The operation's deadline stops all of it, not only this query's field.
      if (mapped instanceof QueryTimeoutError && mapped.limit === 'deadline') opts.deadline?.abort?.(mapped);
      if (mapped instanceof DatabaseUnavailableError) this.setUp(false, mapped.message);
      if (mapped instanceof DatabaseBusyError && gate) {
        gate.refuse(mapped);
        this.admission.drop(gate, mapped);
      }
      throw mapped;
    }
  }

  /** One query on an admitted slot. */
  private async send<T extends RecordShape>(
    mode: Mode,
    name: string,
    cypher: string,
    params: Record<string, unknown>,
    opts: QueryOptions,
  ): Promise<T[]> {
    const remaining = timeLeft(opts); // after the wait
    if (opts.params) params = { ...opts.params, ...params };
    this.onQuery?.({ name, mode, cypher, params });
    this.queriesSent += 1;
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    opts.gate?.started();
    const started = performance.now();
    try {
      const config = this.transactionConfig(name, remaining);
      const records =
        mode === 'READ'
          ? await this.autoCommitRead(cypher, params, config, opts.signal)
          : mode === 'WRITE'
            ? await this.writeWithVersion(cypher, params, config, opts.signal)
            : (
                await this.driver.executeQuery(cypher, params, {
                  database: this.connection.database,
                  routing: neo4j.routing.WRITE,
                  transactionConfig: config,
                  signal: opts.signal,
                })
              ).records;
      if (this.up !== true) this.setUp(true);
      return records.map((r) => r.toObject() as T);
    } catch (err) {
      // Neo4j stopped a query whose timeout was what was left of the operation: the deadline did.
      const mapped = mapDriverError(err);
      if (mapped instanceof QueryTimeoutError && !mapped.limit && remaining < this.options.queryTimeoutMs) {
        throw new QueryTimeoutError('the operation reached its deadline and was stopped', 'deadline');
      }
      throw err;
    } finally {
      this.inFlight -= 1;
      opts.gate?.finished();
      if (opts.stats) {
        opts.stats.count += 1;
        opts.stats.ms += performance.now() - started;
        opts.stats.names.push(name);
      }
    }
  }

  private transactionConfig(name: string, remaining: number): TransactionConfig {
    return {
      timeout: Math.max(1, Math.round(Math.min(this.options.queryTimeoutMs, remaining))),
      metadata: { app: 'geo-kg', query: name },
    };
  }

  /**
   * A read as one auto-commit query: RUN and PULL in one flush, one round trip (a managed transaction
   * adds BEGIN and a COMMIT round trip, and writes twice to the socket). Reads are not retried (nothing
   * to undo; a transient failure is reported). The bookmark manager of executeQuery keeps reads after
   * this server's single-statement writes causally consistent in a cluster.
   */
  private autoCommitRead(
    cypher: string,
    params: Record<string, unknown>,
    config: TransactionConfig,
    signal: AbortSignal | undefined,
  ) {
    return this.inSession(
      'READ',
      signal,
      async (session) => (await withoutStackCapture(() => session.run(cypher, params, config))).records,
    );
  }

  /**
   * Work in a session that is closed when `signal` aborts: closing sends RESET (Neo4j stops the query)
   * or rolls the open transaction back, as the driver's executeQuery does on abort. Sessions share
   * executeQuery's bookmark manager.
   */
  private async inSession<T>(
    access: 'READ' | 'WRITE',
    signal: AbortSignal | undefined,
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: access === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const abort = () => void session.close().catch(() => {});
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await work(session);
    } finally {
      signal?.removeEventListener('abort', abort);
      await session.close().catch(() => {});
    }
  }

  /** One statement and the graph version's step in one write transaction (what `write()` sends). */
  private writeWithVersion(
    text: string,
    params: Record<string, unknown>,
    config: TransactionConfig,
    signal: AbortSignal | undefined,
  ) {
    return this.inSession('WRITE', signal, (session) =>
      session.executeWrite(async (tx) => {
        const result = await tx.run(text, params);
        await bumpVersion(tx);
        return result.records;
      }, config),
    );
  }

  /**
   * The graph's version as `epoch:n`, null when there is no version node (src/cache/graph-version.ts).
   * One seek on a unique index, outside the admission (the callers share one read at a time, so at
   * most two run at once) and not counted in `queriesSent`: a cached answer does not wait behind
   * the queue of queries it does not need.
   */
  async graphVersion(timeoutMs = 2_000): Promise<string | null> {
    this.guard();
    this.versionReads += 1;
    try {
      // The same one-round-trip read as every other query: it runs before each cached request.
      const records = await this.autoCommitRead(
        cypher('version/read'),
        { id: GRAPH_VERSION_ID },
        { timeout: timeoutMs, metadata: { app: 'geo-kg', query: 'graph-version' } },
        undefined,
      );
      const row = records[0];
      if (!row) return null;
      const epoch: unknown = row.get('epoch');
      const n: unknown = row.get('n');
      return typeof epoch === 'string' && typeof n === 'number' ? `${epoch}:${n}` : null;
    } catch (err) {
      const mapped = mapDriverError(err);
      if (mapped instanceof DatabaseUnavailableError) this.setUp(false, mapped.message);
      throw mapped;
    }
  }

  /** A read transaction (routed to readers in a cluster). */
  read<T extends RecordShape = RecordShape>(
    name: string,
    cypher: string,
    params: Record<string, unknown> = {},
    opts: QueryOptions = {},
  ): Promise<T[]> {
    return this.run<T>('READ', name, cypher, params, opts);
  }

  /**
   * A write transaction of a single statement; like every write transaction it also steps the graph's
   * version on (cypher/version/bump.cypher), so cached responses computed before it are not served.
   */
  write<T extends RecordShape = RecordShape>(
    name: string,
    cypher: string,
    params: Record<string, unknown> = {},
    opts: QueryOptions = {},
  ): Promise<T[]> {
    return this.run<T>('WRITE', name, cypher, params, opts);
  }

  /** A schema statement (constraint, index; Neo4j runs them in a transaction of their own, apart from data). */
  schema(name: string, statement: string): Promise<RecordShape[]> {
    return this.run('SCHEMA', name, statement, {}, {});
  }

  /**
   * Several statements in one write transaction: all or nothing. The graph's version steps on in the
   * same transaction, after `work` (cypher/version/bump.cypher): last, so the version node's lock is
   * held only for the commit. A transient failure (deadlock, leader
   * switch) rolls the attempt back and runs `work` again after a backoff, until `retryForMs` has passed
   * or the signal aborts; then TRANSIENT_ERROR. `work` may therefore run more than once: it must only
   * talk to the transaction.
   */
  async writeTransaction<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    opts: WriteOptions = {},
  ): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? Math.max(this.options.queryTimeoutMs, 60_000);
    const deadline = performance.now() + (opts.retryForMs ?? timeoutMs);
    for (let attempt = 0; ; attempt++) {
      if (opts.signal?.aborted) throw abortReason(opts.signal);
      this.guard();
      try {
        // Writes take a slot of the admission too: Neo4j's concurrency is shared with the reads.
        await this.admission.acquire(undefined, opts.signal);
        try {
          return await this.attemptWrite(name, work, timeoutMs, opts.signal);
        } finally {
          this.admission.release();
        }
      } catch (err) {
        if (opts.signal?.aborted) throw abortReason(opts.signal);
        if (!isTransientError(err)) {
          const mapped = mapDriverError(err);
          if (mapped instanceof DatabaseUnavailableError) this.setUp(false, mapped.message);
          throw mapped;
        }
        const delay = retryDelay(attempt);
        if (performance.now() + delay > deadline) {
          this.options.logger?.warn({ query: name, attempts: attempt + 1, code: err.code }, 'write gave up');
          throw new TransientDatabaseError(
            `the database was busy (${err.code.split('.').at(-1)}); nothing was written, try again`,
          );
        }
        this.writeRetries += 1;
        this.options.logger?.debug({ query: name, attempt: attempt + 1, code: err.code, delay }, 'write retried');
        await pause(delay, opts.signal);
      }
    }
  }

  private attemptWrite<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    return this.inSession('WRITE', signal, async (session) => {
      const tx = session.beginTransaction({ timeout: timeoutMs, metadata: { app: 'geo-kg', query: name } });
      try {
        const managed = ManagedTransaction.fromTransaction(tx);
        const result = await work(managed);
        await bumpVersion(managed);
        await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.monitor) clearTimeout(this.monitor);
    await this.driver.close();
  }
}

/** The id of the one `(:GraphVersion)` node (cypher/version/*.cypher). */
export const GRAPH_VERSION_ID = 'graph';

/** One step on for the graph's version, in the transaction of the write (cypher/version/bump.cypher). */
const bumpVersion = (tx: ManagedTransaction) => tx.run(cypher('version/bump'), { id: GRAPH_VERSION_ID });

/** A whole number as a Cypher INTEGER (JavaScript numbers travel as floats, which SKIP and LIMIT refuse). */
export const int = (n: number) => neo4j.int(n);

/**
 * Calls `fn` with V8's stack capture off. The driver captures a stack for every query it starts
 * (`new Error().stack`, formatted through the source maps: ~9 % of a look-up's CPU), only to put it on
 * an error the query may later fail with; ours are mapped to codes and never shown with a stack.
 */
function withoutStackCapture<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
