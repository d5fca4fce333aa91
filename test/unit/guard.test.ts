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
});
