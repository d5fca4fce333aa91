import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OperationGuard } from '../../src/cost/guard.js';

const limits = { operationTimeoutMs: 5, maxResultItems: 1_000_000, maxResultBytes: 1_000_000_000 };

describe('OperationGuard', () => {
  it('stops at the deadline even when execution never yields to the timer', () => {
    const guard = new OperationGuard(limits);
    const until = Date.now() + 20;
    while (Date.now() < until) {
      // synchronous work: the deadline's timer cannot fire
    }
    expect(guard.stopped).toBeUndefined();
    let error: unknown;
    try {
      guard.count(['a list']);
    } catch (err) {
      error = err;
    }
    expect((error as { extensions?: unknown })?.extensions).toEqual({ code: 'QUERY_TIMEOUT', limit: 'deadline' });
    expect(guard.signal.aborted).toBe(true);
    guard.dispose();
  });

  it('looks at the clock every few scalars too', () => {
    const guard = new OperationGuard(limits);
    const until = Date.now() + 20;
    while (Date.now() < until) {
      // synchronous work
    }
    expect(() => {
      for (let i = 0; i < 64; i++) guard.count('x');
    }).toThrow(/ran longer than 5 ms/);
    guard.dispose();
  });

  it('stops when the request goes away, with its reason', () => {
    const request = new AbortController();
    const guard = new OperationGuard({ ...limits, operationTimeoutMs: 60_000 }, request.signal);
    request.abort(new Error('client went away'));
    expect(guard.signal.aborted).toBe(true);
    expect((guard.stopped as Error).message).toBe('client went away');
  });

  it('keeps nothing of a disposed guard on a long-lived request signal', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = new AbortController(); // lives as long as the process, as a server's signal can
    const run = (n: number) => {
      for (let i = 0; i < n; i++)
        new OperationGuard({ ...limits, operationTimeoutMs: 60_000 }, server.signal).dispose();
    };
    run(2_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    run(30_000);
    gc();
    // AbortSignal.any kept each dependent signal alive with the source (Node 20): several MB here
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1_000_000);
  });
});
