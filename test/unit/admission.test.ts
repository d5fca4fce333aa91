import { describe, expect, it } from 'vitest';
import { Admission, DatabaseBusyError, RequestGate } from '../../src/db/admission.js';

/** Follows a promise from now on (so a rejection is always handled); `state()` after the event loop turned. */
function track(p: Promise<unknown>) {
  let state = 'pending';
  p.then(
    () => {
      state = 'admitted';
    },
    (e: Error) => {
      state = e instanceof DatabaseBusyError ? 'busy' : e.name;
    },
  );
  return async () => {
    await new Promise((r) => setImmediate(r));
    return state;
  };
}
const settled = (p: Promise<unknown>) => track(p)();

/** A request that holds `n` slots of its gate (as its queries would while they wait or run). */
function request(n: number, limit = 4): RequestGate {
  const gate = new RequestGate(limit);
  for (let i = 0; i < n; i++) void gate.acquire();
  return gate;
}

describe('Admission: the process-wide query limit with a bounded, fair queue', () => {
  it('gives a freed slot to the lightest request, then the oldest', async () => {
    const a = new Admission({ limit: 1, maxQueued: 10, queueTimeoutMs: 60_000 });
    await a.acquire();
    const heavyWaits = track(a.acquire(request(4)));
    const lightWaits = track(a.acquire(request(1)));
    a.release();
    expect(await lightWaits()).toBe('admitted');
    expect(await heavyWaits()).toBe('pending');
    a.release();
    expect(await heavyWaits()).toBe('admitted');
    a.release();
    expect(a.active).toBe(0);
  });

  it('refuses at once when the queue is full, unless a lighter request displaces the heaviest waiter', async () => {
    const a = new Admission({ limit: 1, maxQueued: 1, queueTimeoutMs: 60_000 });
    await a.acquire();
    const queued = track(a.acquire(request(4)));
    expect(await settled(a.acquire(request(4)))).toBe('busy');
    const light = track(a.acquire(request(1)));
    expect(await queued()).toBe('busy');
    a.release();
    expect(await light()).toBe('admitted');
    expect(a.refused).toBe(2);
  });

  it('refuses a query that waited longer than the queue timeout, and one whose client went away', async () => {
    const a = new Admission({ limit: 1, maxQueued: 10, queueTimeoutMs: 20 });
    await a.acquire();
    await expect(a.acquire()).rejects.toBeInstanceOf(DatabaseBusyError);
    const abort = new AbortController();
    const waiting = a.acquire(undefined, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(a.queued).toBe(0);
  });

  it('drops the queued queries of a request that was refused', async () => {
    const a = new Admission({ limit: 1, maxQueued: 10, queueTimeoutMs: 60_000 });
    await a.acquire();
    const gate = request(2);
    const one = track(a.acquire(gate));
    const two = track(a.acquire(gate));
    const err = new DatabaseBusyError('busy');
    gate.refuse(err);
    a.drop(gate, err);
    expect([await one(), await two()]).toEqual(['busy', 'busy']);
    expect(a.queued).toBe(0);
  });
});

describe('RequestGate: the queries of one request', () => {
  it('lets `limit` queries hold a slot, queues the rest, and refuses them all once one was busy', async () => {
    const gate = new RequestGate(2);
    await gate.acquire();
    await gate.acquire();
    const third = track(gate.acquire());
    expect(await third()).toBe('pending');
    gate.release();
    expect(await third()).toBe('admitted');
    expect(gate.holding).toBe(2);
    const fourth = track(gate.acquire());
    gate.refuse(new DatabaseBusyError('busy'));
    expect(await fourth()).toBe('busy');
    expect(await settled(gate.acquire())).toBe('busy');
  });
});
