/** POST JSON to /graphql, the way any client of the public API does; errors become one readable message. */

export type FailureKind = 'unreachable' | 'refused' | 'unavailable' | 'timeout' | 'input' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Cost {
  estimated: number;
  max: number;
  items: number;
  bytes: number;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; cost?: number; maxCost?: number; limit?: string } }[];
  extensions?: { cost?: Cost };
}

let lastCost: Cost | undefined;
const costListeners: ((c: Cost) => void)[] = [];
export const onCost = (f: (c: Cost) => void) => costListeners.push(f);
export const getLastCost = () => lastCost;

const cache = new Map<string, Promise<unknown>>();

/** Sends an operation; identical read operations in one page session are answered from a cache. */
export function gql<T>(query: string, variables: Record<string, unknown>, { cached = true } = {}): Promise<T> {
  const key = JSON.stringify([query, variables]);
  const hit = cached ? cache.get(key) : undefined;
  if (hit) return hit as Promise<T>;
  const p = send<T>(query, variables);
  if (cached) {
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

async function send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(
      'unreachable',
      'The server cannot be reached: the network request failed. Check that the server is running, then try again.',
    );
  }
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(
      res.status >= 500 ? 'unavailable' : 'server',
      `The server answered ${res.status} ${res.statusText} without a GraphQL response.`,
    );
  }
  if (body.extensions?.cost) {
    lastCost = body.extensions.cost;
    for (const f of costListeners) f(lastCost);
  }
  const first = body.errors?.[0];
  if (first) throw describe(first);
  if (body.data == null) throw new ApiError('server', 'The server sent no data.');
  return body.data;
}

function describe(e: NonNullable<GraphQLBody<unknown>['errors']>[number]): ApiError {
  const code = e.extensions?.code ?? 'UNKNOWN';
  switch (code) {
    case 'LIMIT_EXCEEDED': {
      const x = e.extensions ?? {};
      const detail =
        x.limit === 'cost' && x.cost !== undefined
          ? ` It would cost ${x.cost} and the limit is ${x.maxCost}.`
          : ` (${e.message})`;
      return new ApiError(
        'refused',
        `The server refused this query as too large.${detail} Lower the depth or choose fewer relationship kinds.`,
        code,
      );
    }
    case 'DATABASE_UNAVAILABLE':
    case 'TRANSIENT_ERROR':
      return new ApiError(
        'unavailable',
        `The database is unavailable right now: ${e.message}. Try again in a moment.`,
        code,
      );
    case 'QUERY_TIMEOUT':
      return new ApiError('timeout', `The query took too long and was stopped: ${e.message}.`, code);
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return new ApiError('input', `The server did not accept the request: ${e.message}`, code);
    default:
      return new ApiError('server', `The server reported an error (${code}): ${e.message}`, code);
  }
}
