/**
 * Who may run a Neo4j query now. Two gates, both passed by every read (Database.run):
 * - a RequestGate per request caps the queries one request runs at once (30 aliases of `search`
 *   run 4 at a time, not 30), so a single request cannot take the connection pool;
 * - the process-wide Admission lets at most `limit` queries (fewer than the pool's connections) run,
 *   queues a bounded number more for a bounded time, and refuses the rest with DATABASE_BUSY, so the
 *   driver's own pool never is the thing that times out.
 * A freed slot goes first to requests that do not use all their slots, then to those that fan out
 * (as many queries at once as their RequestGate allows: 30 aliases of `search`); within each, to the
 * oldest request. So a one-entity look-up overtakes the queued queries of a 30-alias request, and a
 * request that goes level by level is finished before newer ones start: none of them starves.
 * When the queue is full, a newcomer that does not fan out displaces the newest queued query of a
 * request that does. A request refused as busy leaves the queue at once.
 */

/** Neo4j has no free capacity for this query now; the client may try again after `retryAfterSeconds`. */
export class DatabaseBusyError extends Error {
  readonly code = 'DATABASE_BUSY';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** Orders requests (and queries without one) by age. */
let arrivals = 0;

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/** The queries of one request: at most `limit` at once; after one was refused as busy, the rest fail at once. */
export class RequestGate {
  /** Queries holding one of this request's slots (running, or waiting for admission). */
  holding = 0;
  /** Queries of this request that are running in Neo4j. */
  running = 0;
  /** The most queries of this request that ran at once. */
  peak = 0;
  private readonly waiting: Waiter[] = [];
  private refused: DatabaseBusyError | undefined;
  readonly seq = arrivals++;

  constructor(readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.refused) throw this.refused;
    if (this.holding < this.limit) {
      this.holding += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (this.refused) {
      this.release();
      throw this.refused;
    }
  }

  /** Hands the slot to the next waiting query of this request, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.holding -= 1;
  }

  /** Neo4j is busy: the queries still waiting in this request are refused too (the answer is an error anyway). */
  refuse(err: DatabaseBusyError): void {
    this.refused ??= err;
    for (const w of this.waiting.splice(0)) w.reject(err);
  }

  started(): void {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
  }

  finished(): void {
    this.running -= 1;
  }
}

export interface AdmissionOptions {
  /** Queries that may run at once (below the pool size, so the pool never runs dry). */
  limit: number;
  /** Queries that may wait for a slot; beyond: DATABASE_BUSY at once. */
  maxQueued: number;
  /** How long a query may wait for a slot; beyond: DATABASE_BUSY. */
  queueTimeoutMs: number;
}

interface Queued extends Waiter {
  gate: RequestGate | undefined;
  seq: number;
  timer: NodeJS.Timeout;
  onAbort?: () => void;
  signal?: AbortSignal;
}

/** 1 for a request that fans out (holds every slot of its gate), else 0. */
const fansOut = (gate: RequestGate | undefined) => (gate && gate.holding >= gate.limit ? 1 : 0);
const load = (q: Queued) => fansOut(q.gate);
/** Whether `a` goes before `b`: a request that does not fan out first, then the older request. */
const before = (a: Queued, b: Queued) => load(a) < load(b) || (load(a) === load(b) && a.seq < b.seq);

/** The process-wide limit on queries running in Neo4j, with a bounded, fair queue. */
export class Admission {
  active = 0;
  private readonly queue: Queued[] = [];
  /** Queries refused as busy since start. */
  refused = 0;

  constructor(private readonly options: AdmissionOptions) {}

  get queued(): number {
    return this.queue.length;
  }

  private busy(why: string): DatabaseBusyError {
    this.refused += 1;
    return new DatabaseBusyError(`the database is busy (${why}); try again shortly`);
  }

  acquire(gate?: RequestGate, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new DOMException('the request was cancelled', 'AbortError'));
    if (this.active < this.options.limit && this.queue.length === 0) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxQueued) {
      const mine = fansOut(gate);
      let worst: Queued | undefined;
      for (const q of this.queue) if (load(q) > mine && (!worst || load(q) >= load(worst))) worst = q;
      if (!worst) return Promise.reject(this.busy(`${this.queue.length} queries are waiting`));
      this.remove(worst);
      worst.reject(this.busy('its place in the queue went to a lighter request'));
    }
    return new Promise<void>((resolve, reject) => {
      const q: Queued = {
        resolve,
        reject,
        gate,
        seq: gate?.seq ?? arrivals++,
        signal,
        timer: setTimeout(() => {
          this.remove(q);
          reject(this.busy(`no query slot became free within ${this.options.queueTimeoutMs} ms`));
        }, this.options.queueTimeoutMs),
      };
      if (signal) {
        q.onAbort = () => {
          this.remove(q);
          reject(new DOMException('the request was cancelled', 'AbortError'));
        };
        signal.addEventListener('abort', q.onAbort, { once: true });
      }
      this.queue.push(q);
    });
  }

  private remove(q: Queued): void {
    const i = this.queue.indexOf(q);
    if (i >= 0) this.queue.splice(i, 1);
    clearTimeout(q.timer);
    if (q.onAbort) q.signal?.removeEventListener('abort', q.onAbort);
  }

  /** Refuses the queued queries of a request that has been refused (its answer is an error anyway). */
  drop(gate: RequestGate, err: DatabaseBusyError): void {
    for (const q of this.queue.filter((w) => w.gate === gate)) {
      this.remove(q);
      q.reject(err);
    }
  }

  /** Hands the slot to the first waiting query in that order, or frees it. */
  release(): void {
    let next: Queued | undefined;
    for (const q of this.queue) if (!next || before(q, next)) next = q;
    if (!next) {
      this.active -= 1;
      return;
    }
    this.remove(next);
    next.resolve();
  }
}
