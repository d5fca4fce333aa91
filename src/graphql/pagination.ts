import { InputError } from '../errors.js';
import { type Page, type SortKey, sortKey } from '../repositories/lists.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * A cursor is where an item stands in its list's order ([key, rank, id], see the page queries),
 * with the order's name: the next page starts after it whatever was added or removed before it
 * meanwhile (keyset pagination, never an offset).
 */
const encode = (order: string, key: SortKey) => Buffer.from(JSON.stringify([order, ...key])).toString('base64url');

function decode(cursor: string, order: string): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw new InputError('"after" is not a cursor of this list');
  const [cursorOrder, ...rest] = parsed;
  const key = sortKey.safeParse(rest);
  if (!key.success) throw new InputError('"after" is not a cursor of this list');
  if (cursorOrder !== order)
    throw new InputError(`"after" is a cursor of the order ${String(cursorOrder)}, not ${order}`);
  return key.data;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Runs a page query for one more item than asked, to know whether another page follows. */
export async function connection<T>(
  args: PageArgs,
  order: string,
  load: (after: SortKey | null, limit: number) => Promise<Page<T>>,
) {
  if (args.last != null || args.before != null) throw new InputError('paginate forward with "first" and "after"');
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const after = args.after ? decode(args.after, order) : null;
  const page = await load(after, first + 1);
  const edges = page.items.slice(0, first).map((item) => ({ cursor: encode(order, item.sortKey), node: item.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.items.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.total,
  };
}

/** A bounded integer argument, or a BAD_USER_INPUT error naming it. */
export function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`"${name}" must be an integer from ${min} to ${max}`);
  }
  return value;
}
