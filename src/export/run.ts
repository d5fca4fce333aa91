/**
 * Runs an export through the GraphQL layer (the same operation a client would send, so the cost
 * model, the limits and the error codes are the API's) and turns the answer into an ExportGraph.
 */
import { type ExportGraph, type GraphAnswer, toExportGraph } from './model.js';
import { EXPORT_NEIGHBORHOOD, EXPORT_PATH } from './operations.js';

export type ExportRequest =
  | { kind: 'neighborhood'; focus: string; depth: unknown; limit: unknown; kinds?: string[] }
  | { kind: 'path'; from: string; to: string; maxHops: unknown; kinds?: string[] };

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [k: string]: unknown };
}

export class ExportError extends Error {
  constructor(
    readonly errors: GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  TRANSIENT_ERROR: 503,
  QUERY_TIMEOUT: 504,
  INTERNAL_SERVER_ERROR: 500,
};

const badInput = (message: string) => new ExportError([{ message, extensions: { code: 'BAD_USER_INPUT' } }], 400);

/** An integer as a number; anything else unchanged, so GraphQL refuses it with its own error. */
const intOrRaw = (v: string | null, fallback: number): unknown =>
  v === null ? fallback : /^-?\d+$/.test(v) ? Number(v) : v;

/** `?focus=turkey&depth=2&kinds=MEMBER_OF,PARTY_TO&limit=200` or `?from=putin&to=nato&maxHops=4`. */
export function parseExportQuery(params: URLSearchParams): ExportRequest {
  const kindsText = params.get('kinds');
  const kinds = kindsText
    ? kindsText
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
    : undefined;
  const focus = params.get('focus');
  const from = params.get('from');
  const to = params.get('to');
  if (focus && (from || to)) throw badInput('give either "focus" or "from" and "to", not both');
  if (focus) {
    return {
      kind: 'neighborhood',
      focus,
      depth: intOrRaw(params.get('depth'), 1),
      limit: intOrRaw(params.get('limit'), 200),
      kinds,
    };
  }
  if (from && to) return { kind: 'path', from, to, maxHops: intOrRaw(params.get('maxHops'), 4), kinds };
  throw badInput('give "focus" (with "depth", "kinds", "limit") or "from" and "to" (with "maxHops", "kinds")');
}

/** A name for the file: "turkey-depth2", "path-putin-nato". */
export function stemOf(req: ExportRequest): string {
  return req.kind === 'neighborhood' ? `${req.focus}-depth${String(req.depth)}` : `path-${req.from}-${req.to}`;
}

export function operationOf(req: ExportRequest): { query: string; variables: Record<string, unknown> } {
  return req.kind === 'neighborhood'
    ? { query: EXPORT_NEIGHBORHOOD, variables: { id: req.focus, depth: req.depth, limit: req.limit, kinds: req.kinds } }
    : { query: EXPORT_PATH, variables: { from: req.from, to: req.to, maxHops: req.maxHops, kinds: req.kinds } };
}

/** Sends a GraphQL request (POST JSON) and gives its parsed body. */
export type GraphQLSender = (body: { query: string; variables: Record<string, unknown> }) => Promise<{
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorShape[];
}>;

export async function runExport(send: GraphQLSender, req: ExportRequest): Promise<ExportGraph> {
  const body = await send(operationOf(req));
  if (body.errors?.length) {
    const code = body.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new ExportError(body.errors, STATUS[code] ?? 400);
  }
  const answer = (req.kind === 'neighborhood' ? body.data?.neighborhood : body.data?.shortestPath) as
    | GraphAnswer
    | null
    | undefined;
  if (!answer) {
    const message =
      req.kind === 'neighborhood'
        ? `no node "${req.focus}"`
        : `no path from "${req.from}" to "${req.to}" within ${String(req.maxHops)} hops`;
    throw new ExportError([{ message, extensions: { code: 'NOT_FOUND' } }], 404);
  }
  const description =
    req.kind === 'neighborhood'
      ? `neighbourhood of ${req.focus}, depth ${String(req.depth)}${req.kinds ? `, kinds ${req.kinds.join(',')}` : ''}`
      : `shortest path from ${req.from} to ${req.to}`;
  return toExportGraph([answer], description);
}
