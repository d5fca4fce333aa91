import type { Direction, NodeLabel } from '../domain/edges.js';
import type { DyadSize, MeasureName, SideSize, StatKey } from '../repositories/stats.js';

/** What a fan-out may read to say how many items a list holds at most. */
export interface FanoutInput {
  /** The list field's own arguments (with defaults). */
  args: Record<string, unknown>;
  /** The arguments of the nearest enclosing field that has any (a connection's `first`, a traversal's `limit`). */
  parentArgs: Record<string, unknown>;
  /** The largest degree the graph holds for a key (measured, see FanoutStats). */
  degree(key: StatKey): number;
  /** A dyad side's sizes measured for this request (the actor's id as given, with or without affiliates); undefined when not measured. */
  side?(id: unknown, affiliates: boolean): SideSize | undefined;
  /** What links two actors, counted, when the estimate measured it (see cost/sides.ts). */
  pair?(a: unknown, b: unknown, affiliates: boolean): DyadSize | undefined;
}

/** How many items a list field can return, and the degree measurements that bound it. */
export interface Fanout {
  keys: readonly StatKey[];
  items(input: FanoutInput): number;
}

const numberArg = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback;

/** As many items as the node at the parent has relationships of these types in this direction. */
export function degree(label: NodeLabel, types: readonly string[], direction: Direction): Fanout {
  const key = { label, types, direction };
  return { keys: [key], items: (i) => i.degree(key) };
}

/** The value of one of the named measures (repositories/stats.ts MEASURES). */
export function measure(name: MeasureName): Fanout {
  const key = { measure: name };
  return { keys: [key], items: (i) => i.degree(key) };
}

/** Relationship-backed lists whose direction is an argument (`direction: OUT | IN | BOTH`). */
export function degreeByDirectionArg(label: NodeLabel, types: readonly string[]): Fanout {
  const keys = { OUT: { label, types, direction: 'OUT' }, IN: { label, types, direction: 'IN' } } as const;
  const both = { label, types, direction: 'BOTH' } as const;
  return {
    keys: [keys.OUT, keys.IN, both],
    items: (i) => {
      const d = i.args.direction;
      return i.degree(d === 'OUT' ? keys.OUT : d === 'IN' ? keys.IN : both);
    },
  };
}

/** The value of the field's own size argument (`first`, `limit`). */
export const ownArg = (name: string, fallback: number): Fanout => ({
  keys: [],
  items: (i) => numberArg(i.args[name], fallback),
});

/** The enclosing field's size argument, plus `plus` (a neighbourhood holds its start besides `limit`). */
export const parentArg = (name: string, fallback: number, plus = 0): Fanout => ({
  keys: [],
  items: (i) => numberArg(i.parentArgs[name], fallback) + plus,
});

type SideMeasure = 'size' | 'events' | 'relations' | 'parties';
const sidesOf = (i: FanoutInput) => {
  const affiliates = i.parentArgs.includeAffiliates !== false;
  return [i.side?.(i.parentArgs.a, affiliates), i.side?.(i.parentArgs.b, affiliates)] as const;
};

/**
 * A list of what links a dyad's two sides (the enclosing field's `a` and `b`): every item touches
 * both sides, so it holds no more than the smaller side's sum of the measure (`otherwise` until the
 * sides are measured, or when an id is not valid); and no more than the `counted` links, when counted.
 */
export const bothSides = (measure: SideMeasure, counted: keyof DyadSize, otherwise: Fanout): Fanout => ({
  keys: otherwise.keys,
  items: (i) => {
    const [a, b] = sidesOf(i);
    const bound = a && b ? Math.min(a[measure], b[measure]) : otherwise.items(i);
    const exact = i.pair?.(i.parentArgs.a, i.parentArgs.b, i.parentArgs.includeAffiliates !== false);
    return exact ? Math.min(bound, exact[counted]) : bound;
  },
});

/** A list of one side of a dyad (`a` or `b`), bounded by that side's measure. */
export const oneSide = (which: 'a' | 'b', measure: SideMeasure, otherwise: Fanout): Fanout => ({
  keys: otherwise.keys,
  items: (i) => {
    const side = sidesOf(i)[which === 'a' ? 0 : 1];
    return side ? side[measure] : otherwise.items(i);
  },
});

export const constant = (n: number): Fanout => ({ keys: [], items: () => n });

export const product = (...factors: Fanout[]): Fanout => ({
  keys: factors.flatMap((f) => f.keys),
  items: (i) => factors.reduce((p, f) => p * f.items(i), 1),
});

export const largest = (...options: Fanout[]): Fanout => ({
  keys: options.flatMap((f) => f.keys),
  items: (i) => Math.max(...options.map((f) => f.items(i))),
});

export const smallest = (...options: Fanout[]): Fanout => ({
  keys: options.flatMap((f) => f.keys),
  items: (i) => Math.min(...options.map((f) => f.items(i))),
});

/** Edges among `nodes` nodes: each of their n(n−1)/2 pairs holds at most `perPair` of them. */
export const amongPairs = (nodes: Fanout, perPair: Fanout): Fanout => ({
  keys: [...nodes.keys, ...perPair.keys],
  items: (i) => {
    const n = nodes.items(i);
    return ((n * (n - 1)) / 2) * perPair.items(i);
  },
});

export const sum = (...parts: Fanout[]): Fanout => ({
  keys: parts.flatMap((f) => f.keys),
  items: (i) => parts.reduce((s, f) => s + f.items(i), 0),
});

/**
 * `then` when a boolean argument — of the enclosing field, or with `own` of the list field itself —
 * holds (or is not given and defaults to true), else `otherwise`.
 */
export const whenFlag = (name: string, then: Fanout, otherwise: Fanout, own = false): Fanout => ({
  keys: [...then.keys, ...otherwise.keys],
  items: (i) => ((own ? i.args : i.parentArgs)[name] === false ? otherwise : then).items(i),
});

export const statKeyId = (k: StatKey) =>
  'measure' in k ? k.measure : `${k.label}:${[...k.types].sort().join('|')}:${k.direction}`;
