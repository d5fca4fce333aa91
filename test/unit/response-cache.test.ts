import { describe, expect, it } from 'vitest';
import { GraphVersionReader } from '../../src/cache/graph-version.js';
import { entryBytes, ResponseCache } from '../../src/cache/response-cache.js';

describe('ResponseCache', () => {
  it('never holds more than its bytes, whatever is put in; the least recently used go first', () => {
    const cache = new ResponseCache(10_000);
    const answer = (i: number) => JSON.stringify({ data: { i, pad: 'x'.repeat(500) } });
    for (let i = 0; i < 1_000; i++) {
      cache.set('e:1', `k${i}`, answer(i));
      expect(cache.bytes).toBeLessThanOrEqual(10_000);
    }
    expect(cache.size).toBe(Math.floor(10_000 / entryBytes(answer(999))));
    expect(cache.get('e:1', 'k999')).toBe(answer(999));
    expect(cache.get('e:1', 'k0')).toBeUndefined();
    // A look-up makes an entry the most recently used: it outlives those put in before it.
    const oldest = 1_000 - cache.size;
    expect(cache.get('e:1', `k${oldest}`)).toBe(answer(oldest));
    cache.set('e:1', 'new', answer(-1));
    expect(cache.get('e:1', `k${oldest}`)).toBe(answer(oldest));
    expect(cache.get('e:1', `k${oldest + 1}`)).toBeUndefined();
  });

  it('does not store an answer larger than a quarter of it', () => {
    const cache = new ResponseCache(10_000);
    expect(cache.set('e:1', 'big', 'x'.repeat(2_000))).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('forgets everything at a newer version, refuses answers computed under an older one', () => {
    const cache = new ResponseCache(100_000);
    cache.set('e:1', 'k', 'one');
    expect(cache.get('e:1', 'k')).toBe('one');
    expect(cache.get('e:2', 'k')).toBeUndefined();
    expect(cache.size).toBe(0);
    // A request that read version 1 before the write finishes after it: its answer is not kept.
    expect(cache.set('e:1', 'k', 'old')).toBe(false);
    expect(cache.get('e:2', 'k')).toBeUndefined();
    expect(cache.get('e:1', 'k')).toBeUndefined();
    // A version node made again (another epoch) is a new version too.
    cache.set('e:2', 'k', 'two');
    expect(cache.get('f:1', 'k')).toBeUndefined();
  });
});

describe('GraphVersionReader', () => {
  it('gives a request only a read that started after it arrived; requests that arrive together share one', async () => {
    let version = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const reader = new GraphVersionReader(
      () =>
        new Promise<string>((resolve) => {
          const at = version;
          started.push(at);
          releases.push(() => resolve(`e:${at}`));
        }),
    );
    const first = reader.current(); // starts read #1 at version 0
    version = 1; // a write commits while read #1 runs
    const second = reader.current(); // arrived after read #1 started: must not share it
    const third = reader.current(); // shares read #2 with the second
    expect(started).toEqual([0]);
    releases[0]?.();
    expect(await first).toBe('e:0');
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1]);
    releases[1]?.();
    expect(await second).toBe('e:1');
    expect(await third).toBe('e:1');
    expect(started).toHaveLength(2);
  });

  it('starts the next read even when the one before failed', async () => {
    let calls = 0;
    const reader = new GraphVersionReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return 'e:1';
    });
    const a = reader.current();
    const b = reader.current();
    await expect(a).rejects.toThrow('down');
    expect(await b).toBe('e:1');
  });
});
