import { describe, expect, it } from 'vitest';
import { DyadSides, SideSizeCache } from '../../src/cost/sides.js';
import type { SideSize, StatsRepository } from '../../src/repositories/stats.js';

const size = (id: string, affiliates: boolean, n: number): SideSize => ({
  id,
  affiliates,
  size: n,
  events: n,
  relations: n,
  parties: n,
});

/** A stats repository that answers side sizes from a table and counts its queries (no Cypher is checked here). */
function stats(table: Record<string, number>) {
  const calls: { id: string; affiliates: boolean }[][] = [];
  const repo = {
    sideSizes: async (sides: { id: string; affiliates: boolean }[]) => {
      calls.push(sides);
      return sides.map((s) => size(s.id, s.affiliates, table[s.id] ?? 0));
    },
  } as unknown as StatsRepository;
  return { repo, calls };
}

describe('dyad side sizes between measurements of the fan-out', () => {
  it('reads a side once per measurement epoch, and again after the next measurement', async () => {
    const cache = new SideSizeCache();
    const { repo, calls } = stats({ russia: 40, turkey: 12 });
    const first = new DyadSides(cache, 1);
    expect(first.side('russia', true)).toBeUndefined();
    expect(first.side('Turkey', true)).toBeUndefined(); // a key typed with capitals is that key
    await first.measure(repo);
    expect(calls).toEqual([
      [
        { id: 'russia', affiliates: true },
        { id: 'turkey', affiliates: true },
      ],
    ]);
    expect(first.side('russia', true)?.events).toBe(40);

    const sameEpoch = new DyadSides(cache, 1);
    expect(sameEpoch.side('turkey', true)?.size).toBe(12);
    expect(sameEpoch.side('turkey', false)).toBeUndefined(); // without affiliates is another side
    expect(sameEpoch.missing).toBe(1);

    const nextEpoch = new DyadSides(cache, 2);
    expect(nextEpoch.side('russia', true)).toBeUndefined();
    expect(nextEpoch.missing).toBe(1);
  });

  it('counts what links two actors only when asked to (exact), once per epoch', async () => {
    const cache = new SideSizeCache();
    const calls: string[] = [];
    const repo = {
      sideSizes: async () => [],
      dyadSize: async (a: string, b: string) => {
        calls.push(`${a}-${b}`);
        return { events: 3, relations: 2, disputes: 1 };
      },
    } as unknown as StatsRepository;
    const sides = new DyadSides(cache, 1);
    expect(sides.pair('russia', 'turkey', true)).toBeUndefined();
    expect(sides.missing).toBe(0);
    expect(sides.metDyad).toBe(true);
    sides.exact = true;
    expect(sides.pair('russia', 'turkey', true)).toBeUndefined();
    expect(sides.missing).toBe(1);
    await sides.measure(repo);
    expect(sides.pair('russia', 'turkey', true)).toEqual({ events: 3, relations: 2, disputes: 1 });
    const next = new DyadSides(cache, 1);
    next.exact = true;
    expect(next.pair('russia', 'turkey', true)?.events).toBe(3);
    expect(next.pair('russia', 'turkey', false)).toBeUndefined();
    expect(calls).toEqual(['russia-turkey']);
  });

  it('asks for nothing when an id is not valid (execution reports it)', () => {
    const sides = new DyadSides(new SideSizeCache(), 1);
    expect(sides.side('???', true)).toBeUndefined();
    expect(sides.side(42, true)).toBeUndefined();
    expect(sides.missing).toBe(0);
  });
});
