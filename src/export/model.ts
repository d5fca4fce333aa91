/**
 * From a GraphQL answer (the fragments of operations.ts) to the flat, typed graph every export format
 * writes. Runs in Node (HTTP, command line) and in the browser (the page's current view).
 */

export interface ExportNodeAnswer {
  id: string;
  key: string;
  label: string;
  type: string;
  kind: string | null;
  node: {
    __typename: string;
    name?: string;
    nameDe?: string;
    wikidataId?: string | null;
    labelDe?: string;
    eventType?: string;
    status?: string;
    goldstein?: number;
    cameo?: { code: string };
    date?: {
      value: string | null;
      precision: string;
      earliest: string | null;
      latest: string | null;
      text: string | null;
    };
  };
}

export interface ExportEdgeAnswer {
  id: string;
  kind: string;
  sourceKey: string;
  targetKey: string;
  role: string | null;
  stance: string | null;
  claims: { key: string; stance: string; retracted: boolean; assertedBy: { key: string } | null }[];
  evidence: { id: string; quote: string }[];
}

export interface GraphAnswer {
  nodes: ExportNodeAnswer[];
  edges: ExportEdgeAnswer[];
}

export type AttributeType = 'string' | 'double' | 'int' | 'boolean';
export type Scalar = string | number | boolean | null;

export interface Column {
  name: string;
  type: AttributeType;
  /** A list: joined by LIST_SEPARATOR in GraphML, GEXF and CSV; an array in node-link JSON. */
  list?: boolean;
}

export const LIST_SEPARATOR = ' | ';

/** The node attributes of every format, in this order. `key` is also the node id. */
export const NODE_COLUMNS: Column[] = [
  { name: 'key', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'nameDe', type: 'string' },
  { name: 'wikidataId', type: 'string' },
  { name: 'eventType', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'datePrecision', type: 'string' },
  { name: 'dateEarliest', type: 'string' },
  { name: 'dateLatest', type: 'string' },
  { name: 'dateText', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'cameo', type: 'string' },
  { name: 'goldstein', type: 'double' },
  { name: 'degree', type: 'int' },
];

/** The edge attributes of every format, in this order (source and target are the node keys). */
export const EDGE_COLUMNS: Column[] = [
  { name: 'id', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'stance', type: 'string' },
  { name: 'claims', type: 'int' },
  { name: 'claimIds', type: 'string', list: true },
  { name: 'assertedBy', type: 'string', list: true },
  { name: 'claimStances', type: 'string', list: true },
  { name: 'evidenceIds', type: 'string', list: true },
  { name: 'evidenceQuotes', type: 'string', list: true },
];

export interface ExportNode {
  id: string;
  attributes: Record<string, Scalar | string[]>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  attributes: Record<string, Scalar | string[]>;
}

export interface ExportGraph {
  /** What the export shows, e.g. "neighbourhood of turkey, depth 2". */
  description: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/**
 * Nodes keyed by `key` (stable, readable: "turkey"), edges by their id (KIND:from->to). Answers of
 * several operations (a view of several expansions) merge: a node or edge seen twice is written once.
 */
export function toExportGraph(
  answers: GraphAnswer[],
  description: string,
  keep?: (key: string) => boolean,
): ExportGraph {
  const nodes = new Map<string, ExportNode>();
  const edges = new Map<string, ExportEdge>();
  for (const answer of answers) {
    for (const n of answer.nodes) {
      if (nodes.has(n.key) || (keep && !keep(n.key))) continue;
      const d = n.node.date;
      nodes.set(n.key, {
        id: n.key,
        attributes: {
          key: n.key,
          label: n.label,
          type: n.type,
          kind: n.kind,
          name: n.node.name ?? n.label,
          nameDe: n.node.nameDe ?? n.node.labelDe ?? null,
          wikidataId: n.node.wikidataId ?? null,
          eventType: n.node.eventType ?? null,
          date: d?.value ?? null,
          datePrecision: d?.precision ?? null,
          dateEarliest: d?.earliest ?? null,
          dateLatest: d?.latest ?? null,
          dateText: d?.text ?? null,
          status: n.node.status ?? null,
          cameo: n.node.cameo?.code ?? null,
          goldstein: n.node.goldstein ?? null,
          degree: 0,
        },
      });
    }
  }
  for (const answer of answers) {
    for (const e of answer.edges) {
      if (edges.has(e.id) || !nodes.has(e.sourceKey) || !nodes.has(e.targetKey)) continue;
      edges.set(e.id, {
        id: e.id,
        source: e.sourceKey,
        target: e.targetKey,
        attributes: {
          id: e.id,
          kind: e.kind,
          role: e.role,
          stance: e.stance,
          claims: e.claims.length,
          claimIds: e.claims.map((c) => c.key),
          assertedBy: e.claims.map((c) => c.assertedBy?.key ?? ''),
          claimStances: e.claims.map((c) => (c.retracted ? `${c.stance} (retracted)` : c.stance)),
          evidenceIds: e.evidence.map((v) => v.id),
          evidenceQuotes: e.evidence.map((v) => v.quote),
        },
      });
    }
  }
  for (const e of edges.values()) {
    for (const end of [e.source, e.target]) {
      const a = nodes.get(end)?.attributes;
      if (a) a.degree = (a.degree as number) + 1;
    }
  }
  return { description, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A list attribute as one string, for the formats that hold only scalars. */
export function flat(value: Scalar | string[] | undefined): Scalar {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
}
