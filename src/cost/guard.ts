import type { GraphQLError } from 'graphql';
import { apiError } from '../error-codes.js';

/** The ceilings on what one operation may do while it runs (the cost estimate refuses before it runs). */
export interface RuntimeLimits {
  /** Wall-clock time of the whole operation, from its arrival to its answer. */
  operationTimeoutMs: number;
  /** Items in all lists of the answer together. */
  maxResultItems: number;
  /** Approximate size of the answer: the text of its string fields plus a few bytes per list item. */
  maxResultBytes: number;
}

/** Mutations write in one transaction that may take longer than a read. */
export const WRITE_OPERATION_TIMEOUT_MS = 120_000;

/** What a list item adds to the answer besides its strings: braces, keys, numbers. */
const BYTES_PER_ITEM = 64;

const limitError = (limit: string, message: string) => apiError('LIMIT_EXCEEDED', message, { limit });

/**
 * One per request: the operation's deadline and the count of what it has resolved. Passing a
 * ceiling, or the deadline, aborts `signal`: graphql execution stops at the next field and the
 * Neo4j queries of the request are cancelled; the client gets the reason as a coded error.
 */
export class OperationGuard {
  private readonly controller = new AbortController();
  readonly signal: AbortSignal;
  /** Epoch milliseconds after which no query of this operation may run. */
  deadlineAt: number;
  items = 0;
  bytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private unlink: (() => void) | undefined;

  constructor(
    private readonly limits: RuntimeLimits,
    requestSignal?: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    // Forwarded by a listener that dispose() removes: Node 20's AbortSignal.any keeps every dependent
    // signal (and what its listeners hold) alive as long as a source lives, ~9 KB per request.
    if (requestSignal?.aborted) this.controller.abort(requestSignal.reason);
    else if (requestSignal) {
      const forward = () => this.abort(requestSignal.reason as Error);
      requestSignal.addEventListener('abort', forward, { once: true });
      this.unlink = () => requestSignal.removeEventListener('abort', forward);
    }
    this.deadlineAt = Date.now() + limits.operationTimeoutMs;
    this.arm(limits.operationTimeoutMs);
  }

  /** Gives the operation `ms` from now (mutations get longer than reads). */
  arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.deadlineAt = Date.now() + ms;
    this.ms = ms;
    this.timer = setTimeout(() => this.abort(this.timeoutError()), ms);
    this.timer.unref();
  }

  private ms = 0;
  private counted = 0;
  private timeoutError(): GraphQLError {
    return apiError('QUERY_TIMEOUT', `the operation ran longer than ${this.ms} ms and was stopped`, {
      limit: 'deadline',
    });
  }

  /**
   * Counts a resolved value: list items, and the length of strings. It also looks at the clock, since
   * the deadline's timer cannot fire while execution completes cached values without yielding.
   */
  count(value: unknown): void {
    if ((Array.isArray(value) || ++this.counted % 64 === 0) && Date.now() > this.deadlineAt) {
      this.fail(this.timeoutError());
    }
    if (Array.isArray(value)) {
      this.items += value.length;
      this.bytes += value.length * BYTES_PER_ITEM;
      if (this.items > this.limits.maxResultItems) {
        this.fail(
          limitError(
            'items',
            `the answer would hold more than ${this.limits.maxResultItems} list items; ask for less (smaller pages, fewer nested lists)`,
          ),
        );
      }
    } else if (typeof value === 'string') {
      this.bytes += value.length;
    } else return;
    if (this.bytes > this.limits.maxResultBytes) {
      this.fail(
        limitError(
          'bytes',
          `the answer would be larger than ${this.limits.maxResultBytes} bytes; ask for less (fewer fields, smaller pages)`,
        ),
      );
    }
  }

  private fail(error: GraphQLError): never {
    this.abort(error);
    throw error;
  }

  abort(reason: Error): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
    this.dispose();
  }

  /** The reason the operation was stopped, if it was. */
  get stopped(): Error | undefined {
    return this.controller.signal.aborted ? (this.controller.signal.reason as Error) : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.unlink?.();
    this.unlink = undefined;
  }
}
