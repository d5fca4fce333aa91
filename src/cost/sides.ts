import { ACTOR_TYPE_NAMES } from '../domain/entities.js';
import { keyOf } from '../graphql/ids.js';
import type { DyadSize, SideSize, StatsRepository } from '../repositories/stats.js';

export type { DyadSize, SideSize };

interface SideRequest {
  id: string;
  affiliates: boolean;
}
interface PairRequest {
  a: string;
  b: string;
  affiliates: boolean;
}

const sideKey = (s: SideRequest) => `side ${s.affiliates ? '+' : '-'}${s.id}`;
const pairKey = (p: PairRequest) => `pair ${p.affiliates ? '+' : '-'}${p.a} ${p.b}`;

/** At most this many sizes are kept between measurements of the fan-out. */
const KEPT = 2_000;

/**
 * At most this many dyads of one operation are counted: a count costs about what the dyad does
 * (~0.5 s of Neo4j for two hubs of the 1M corpus), so an operation naming more dyads over the limit
 * is refused by the bound from their sides, without counting any.
 */
export const MAX_COUNTED_DYADS = 2;

/**
 * Sizes measured by earlier requests, valid as long as the fan-out maxima they go with: both are
 * measured again after every write of this server, and within about a minute of another server's
 * (FanoutStats), so a dyad's estimate is as fresh as any other list's. `epoch` is FanoutStats.measuredAt.
 */
export class SideSizeCache {
  private epoch = -1;
  private readonly sizes = new Map<string, SideSize | DyadSize>();

  get<T extends SideSize | DyadSize>(key: string, epoch: number): T | undefined {
    return epoch === this.epoch ? (this.sizes.get(key) as T | undefined) : undefined;
  }

  set(key: string, size: SideSize | DyadSize, epoch: number): void {
    if (epoch !== this.epoch) {
      this.sizes.clear();
      this.epoch = epoch;
    }
    if (this.sizes.size >= KEPT) this.sizes.delete(this.sizes.keys().next().value as string);
    this.sizes.set(key, size);
  }
}

const actorKey = (rawId: unknown): string | undefined => {
  if (typeof rawId !== 'string') return undefined;
  try {
    return keyOf(rawId, ACTOR_TYPE_NAMES);
  } catch {
    return undefined; // execution reports the bad id; the estimate falls back to the largest degree
  }
};

/**
 * The sizes the dyads of one operation have: a dyad's lists are bounded by its own two sides (each
 * an actor, with or without those who act for it), where the largest degree anywhere would refuse
 * any dyad of a hub; and, when that bound is over the limit (two hubs), by what links the two
 * counted (`exact`): the work of the dyad itself, asked for only when needed. The estimate asks with
 * `side` and `pair`; what it asked for and neither this request nor the cache has is `missing`, for
 * `measure` to read.
 */
export class DyadSides {
  private readonly measured = new Map<string, SideSize | DyadSize>();
  private readonly wantedSides = new Map<string, SideRequest>();
  private readonly wantedPairs = new Map<string, PairRequest>();
  /** Count what links each dyad's sides (set when the bound from the sides is over the limit). */
  exact = false;
  /** The estimate met a dyad with valid ids. */
  metDyad = false;

  constructor(
    private readonly cache?: SideSizeCache,
    private readonly epoch = 0,
  ) {}

  private known<T extends SideSize | DyadSize>(key: string): T | undefined {
    return (this.measured.get(key) as T | undefined) ?? this.cache?.get<T>(key, this.epoch);
  }

  /** A side's sizes, or undefined (and noted as missing) when not measured; an id that is not valid gives undefined. */
  side(rawId: unknown, affiliates: boolean): SideSize | undefined {
    const id = actorKey(rawId);
    if (id === undefined) return undefined;
    const request = { id, affiliates };
    const found = this.known<SideSize>(sideKey(request));
    if (!found) this.wantedSides.set(sideKey(request), request);
    return found;
  }

  /** What links two actors, counted, when `exact` (else undefined, and nothing is asked for). */
  pair(rawA: unknown, rawB: unknown, affiliates: boolean): DyadSize | undefined {
    const [a, b] = [actorKey(rawA), actorKey(rawB)];
    if (a === undefined || b === undefined) return undefined;
    this.metDyad = true;
    if (!this.exact) return undefined;
    const request = { a, b, affiliates };
    const found = this.known<DyadSize>(pairKey(request));
    if (!found) this.wantedPairs.set(pairKey(request), request);
    return found;
  }

  get missing(): number {
    return this.wantedSides.size + this.wantedPairs.size;
  }

  /** Reads the missing sides in one query, and each missing pair in one (none when too many are missing). */
  async measure(stats: StatsRepository): Promise<void> {
    const sides = [...this.wantedSides.values()];
    const pairs = this.wantedPairs.size <= MAX_COUNTED_DYADS ? [...this.wantedPairs.values()] : [];
    this.wantedSides.clear();
    this.wantedPairs.clear();
    const keep = (key: string, size: SideSize | DyadSize) => {
      this.measured.set(key, size);
      this.cache?.set(key, size, this.epoch);
    };
    const [measuredSides, measuredPairs] = await Promise.all([
      sides.length > 0 ? stats.sideSizes(sides) : [],
      Promise.all(pairs.map((p) => stats.dyadSize(p.a, p.b, p.affiliates))),
    ]);
    for (const size of measuredSides) keep(sideKey(size), size);
    for (const [i, p] of pairs.entries()) keep(pairKey(p), measuredPairs[i] as DyadSize);
  }
}
