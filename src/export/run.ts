/**
 * Runs an export through the GraphQL layer (the operations a client would send, so the cost model,
 * the limits and the error codes are the API's) and turns the answers into an ExportGraph. The graph
 * comes in one operation, the claims and evidence of its edges in batches of EVIDENCE_BATCH.
 */
import { errorJson } from '../error-codes.js';
import { type ExportEdgeAnswer, type ExportGraph, type ExportNodeAnswer, toExportGraph } from './model.js';
import { EVIDENCE_BATCH, EXPORT_NEIGHBORHOOD, EXPORT_PATH, exportEdgeEvidence } from './operations.js';

export type ExportRequest =
  | { kind: 'neighborhood'; focus: string; depth: unknown; limit: unknown; kinds?: string[] }
  | { kind: 'path'; from: string; to: string; maxHops: unknown; kinds?: string[] };

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [k: string]: unknown };
}

export class ExportError extends Error {
  /** Seconds, from the refused operation's Retry-After (RATE_LIMITED, DATABASE_BUSY). */
  retryAfter?: string;

  constructor(
    readonly errors: GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_BUSY: 503,
  TRANSIENT_ERROR: 503,
  QUERY_TIMEOUT: 504,
  INTERNAL_SERVER_ERROR: 500,
};

const badInput = (message: string) => new ExportError([errorJson('BAD_USER_INPUT', message)], 400);

/** An integer as a number; anything else unchanged, so GraphQL refuses it with its own error. */
const intOrRaw = (v: string | null, fallback: number): unknown =>
  v === null ? fallback : /^-?\d+$/.test(v) ? Number(v) : v;

/** `?focus=turkey&depth=2&kinds=MEMBER_OF,PARTY_TO&limit=50` or `?from=putin&to=nato&maxHops=4`. */
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
    // The API's own defaults: depth 1, at most 50 nodes besides the focus.
    return {
      kind: 'neighborhood',
      focus,
      depth: intOrRaw(params.get('depth'), 1),
      limit: intOrRaw(params.get('limit'), 50),
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

export function describe(req: ExportRequest, truncated = false): string {
  return req.kind === 'neighborhood'
    ? `neighbourhood of ${req.focus}, depth ${String(req.depth)}${req.kinds ? `, kinds ${req.kinds.join(',')}` : ''}${truncated ? `, only the nearest ${String(req.limit)} nodes (raise limit for more)` : ''}`
    : `shortest path from ${req.from} to ${req.to}`;
}

/** Sends a GraphQL request (POST JSON) and gives its parsed body. */
export type GraphQLSender = (body: { query: string; variables: Record<string, unknown> }) => Promise<{
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorShape[];
}>;

async function ask(send: GraphQLSender, query: string, variables: Record<string, unknown>) {
  const body = await send({ query, variables });
  if (body.errors?.length) {
    const code = body.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new ExportError(body.errors, STATUS[code] ?? 400);
  }
  return body.data ?? {};
}

interface GraphPart {
  nodes: ExportNodeAnswer[];
  edges: Omit<ExportEdgeAnswer, 'claims' | 'evidence'>[];
  truncated?: boolean;
}

/** The nodes and edges of one request. */
export async function fetchPart(send: GraphQLSender, req: ExportRequest): Promise<GraphPart> {
  const data =
    req.kind === 'neighborhood'
      ? await ask(send, EXPORT_NEIGHBORHOOD, { id: req.focus, depth: req.depth, limit: req.limit, kinds: req.kinds })
      : await ask(send, EXPORT_PATH, { from: req.from, to: req.to, maxHops: req.maxHops, kinds: req.kinds });
  const part = (req.kind === 'neighborhood' ? data.neighborhood : data.shortestPath) as GraphPart | null | undefined;
  if (!part) {
    const message =
      req.kind === 'neighborhood'
        ? `no node "${req.focus}"`
        : `no path from "${req.from}" to "${req.to}" within ${String(req.maxHops)} hops`;
    throw new ExportError([errorJson('NOT_FOUND', message)], 404);
  }
  return part;
}

/** Adds the claims and evidence of every edge, EVIDENCE_BATCH edges per operation. */
export async function withEvidence(send: GraphQLSender, edges: GraphPart['edges']): Promise<ExportEdgeAnswer[]> {
  const found = new Map<string, Pick<ExportEdgeAnswer, 'claims' | 'evidence'>>();
  for (let i = 0; i < edges.length; i += EVIDENCE_BATCH) {
    const batch = edges.slice(i, i + EVIDENCE_BATCH);
    const variables: Record<string, unknown> = {};
    batch.forEach((e, j) => {
      variables[`f${j}`] = e.sourceKey;
      variables[`t${j}`] = e.targetKey;
      variables[`k${j}`] = [e.kind];
    });
    const data = await ask(send, exportEdgeEvidence(batch.length), variables);
    for (const value of Object.values(data)) {
      for (const e of (value as { edges: (ExportEdgeAnswer & { id: string })[] } | null)?.edges ?? []) {
        found.set(e.id, { claims: e.claims, evidence: e.evidence });
      }
    }
  }
  return edges.map((e) => ({ ...e, claims: found.get(e.id)?.claims ?? [], evidence: found.get(e.id)?.evidence ?? [] }));
}

/**
 * The graph of several requests (a view: its focus, expansions and path), each node and edge once,
 * only the nodes `keep` accepts, with the claims and evidence of every edge kept.
 */
export async function exportGraph(
  send: GraphQLSender,
  requests: ExportRequest[],
  description: string,
  keep?: (key: string) => boolean,
): Promise<ExportGraph> {
  const parts: GraphPart[] = [];
  for (const req of requests) parts.push(await fetchPart(send, req));
  const nodes = new Map<string, ExportNodeAnswer>();
  for (const p of parts) for (const n of p.nodes) if (!keep || keep(n.key)) nodes.set(n.key, n);
  const edges = new Map<string, GraphPart['edges'][number]>();
  for (const p of parts) {
    for (const e of p.edges) if (nodes.has(e.sourceKey) && nodes.has(e.targetKey)) edges.set(e.id, e);
  }
  const full = await withEvidence(send, [...edges.values()]);
  const truncated = parts.some((p) => p.truncated);
  return toExportGraph(
    [{ nodes: [...nodes.values()], edges: full }],
    requests.length === 1 && requests[0] ? describe(requests[0], truncated) : description,
  );
}
