import { InputError } from '../errors.js';
import type { Page } from '../repositories/lists.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');

function decode(cursor: string): number {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new InputError('"after" is not a cursor of this list');
  return Number(m[1]);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Offset and limit from Relay arguments; first is capped at MAX_PAGE_SIZE (an error beyond it). */
export function pageWindow(args: PageArgs): { offset: number; limit: number } {
  if (args.last != null || args.before != null) throw new InputError('paginate forward with "first" and "after"');
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { offset: args.after ? decode(args.after) + 1 : 0, limit: first };
}

/** Runs a page query for one more item than asked, to know whether another page follows. */
export async function connection<T>(args: PageArgs, load: (offset: number, limit: number) => Promise<Page<T>>) {
  const { offset, limit } = pageWindow(args);
  const page = await load(offset, limit + 1);
  const items = page.items.slice(0, limit);
  const edges = items.map((node, i) => ({ cursor: encode(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.items.length > limit,
      hasPreviousPage: offset > 0,
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
