/** A seeded PRNG (mulberry32) with the few draws the generator needs; the same seed gives the same corpus. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** An index drawn with weight 1 / (i + 1)^s: a few items get most draws (Zipf). */
  zipfIndex(n: number, s: number): number {
    return zipfTable(n, s).draw(this.next());
  }

  /** k distinct items, each drawn with weight 1 / (rank + 1)^s of its position in `items`. */
  zipfDistinct<T>(items: readonly T[], k: number, s: number): T[] {
    const chosen = new Set<number>();
    const want = Math.min(k, items.length);
    for (let tries = 0; chosen.size < want && tries < want * 20; tries++) chosen.add(this.zipfIndex(items.length, s));
    return [...chosen].map((i) => items[i] as T);
  }
}

const tables = new Map<string, { draw(u: number): number }>();

function zipfTable(n: number, s: number) {
  const key = `${n}:${s}`;
  let table = tables.get(key);
  if (!table) {
    const cumulative = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += 1 / (i + 1) ** s;
      cumulative[i] = total;
    }
    table = {
      draw(u: number) {
        const target = u * total;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((cumulative[mid] as number) < target) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      },
    };
    tables.set(key, table);
  }
  return table;
}
