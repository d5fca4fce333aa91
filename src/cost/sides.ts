import { ACTOR_TYPE_NAMES } from '../domain/entities.js';
import { keyOf } from '../graphql/ids.js';
import type { SideSize, StatsRepository } from '../repositories/stats.js';

export type { SideSize };

interface SideRequest {
  id: string;
  affiliates: boolean;
}

const sideKey = (s: SideRequest) => `${s.affiliates ? '+' : '-'}${s.id}`;

/** At most this many sides are kept between measurements of the fan-out. */
const KEPT_SIDES = 2_000;

/**
 * Side sizes measured by earlier requests, valid as long as the fan-out maxima they go with: both are
 * measured again after every write of this server and at most a minute apart otherwise (FanoutStats),
 * so a dyad's estimate is as fresh as any other list's. `epoch` is FanoutStats.measuredAt.
 */
export class SideSizeCache {
  private epoch = -1;
  private readonly sides = new Map<string, SideSize>();

  get(key: string, epoch: number): SideSize | undefined {
    if (epoch !== this.epoch) return undefined;
    return this.sides.get(key);
  }

  set(key: string, size: SideSize, epoch: number): void {
    if (epoch !== this.epoch) {
      this.sides.clear();
      this.epoch = epoch;
    }
    if (this.sides.size >= KEPT_SIDES) this.sides.delete(this.sides.keys().next().value as string);
    this.sides.set(key, size);
  }
}

/**
 * The sizes of the dyad sides one operation names (an actor, with or without those who act for it):
 * a dyad's lists are bounded by its own two sides, where the largest degree anywhere would refuse
 * any dyad of a hub. The estimate asks with `get`; what it asked for and neither this request nor
 * the cache has is in `missing`, for `measure` to read in one query.
 */
export class DyadSides {
  private readonly measured = new Map<string, SideSize>();
  private readonly wanted = new Map<string, SideRequest>();

  constructor(
    private readonly cache?: SideSizeCache,
    private readonly epoch = 0,
  ) {}

  /** The side's sizes, or undefined (and noted as missing) when not measured; an id that is not valid gives undefined. */
  get(rawId: unknown, affiliates: boolean): SideSize | undefined {
    if (typeof rawId !== 'string') return undefined;
    let id: string;
    try {
      id = keyOf(rawId, ACTOR_TYPE_NAMES);
    } catch {
      return undefined; // execution reports the bad id; the estimate falls back to the largest degree
    }
    const request = { id, affiliates };
    const key = sideKey(request);
    const found = this.measured.get(key) ?? this.cache?.get(key, this.epoch);
    if (!found) this.wanted.set(key, request);
    return found;
  }

  get missing(): number {
    return this.wanted.size;
  }

  /** Reads every missing side in one query. */
  async measure(stats: StatsRepository): Promise<void> {
    const requests = [...this.wanted.values()];
    this.wanted.clear();
    for (const size of await stats.sideSizes(requests)) {
      this.measured.set(sideKey(size), size);
      this.cache?.set(sideKey(size), size, this.epoch);
    }
  }
}
