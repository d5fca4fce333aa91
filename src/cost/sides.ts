import { ACTOR_TYPE_NAMES } from '../domain/entities.js';
import { keyOf } from '../graphql/ids.js';
import type { SideSize, StatsRepository } from '../repositories/stats.js';

export type { SideSize };

interface SideRequest {
  id: string;
  affiliates: boolean;
}

const sideKey = (s: SideRequest) => `${s.affiliates ? '+' : '-'}${s.id}`;

/**
 * The sizes of the dyad sides one operation names (an actor, with or without those who act for it),
 * measured for this request: a dyad's lists are bounded by its own two sides, where the largest
 * degree anywhere would refuse any dyad of a hub. The estimate asks with `get`; what it asked for
 * and was not measured yet is in `missing`, for `measure` to read in one query.
 */
export class DyadSides {
  private readonly measured = new Map<string, SideSize>();
  private readonly wanted = new Map<string, SideRequest>();

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
    const found = this.measured.get(sideKey(request));
    if (!found) this.wanted.set(sideKey(request), request);
    return found;
  }

  get missing(): number {
    return this.wanted.size;
  }

  /** Reads every missing side in one query. */
  async measure(stats: StatsRepository): Promise<void> {
    const requests = [...this.wanted.values()];
    this.wanted.clear();
    for (const size of await stats.sideSizes(requests)) this.measured.set(sideKey(size), size);
  }
}
