/**
 * The export formats, written by well-kept libraries (never by concatenating XML): GraphML with
 * fast-xml-parser's XMLBuilder, GEXF with graphology-gexf, node-link JSON, CSV with csv-stringify.
 * Pure functions of an ExportGraph: the server and the page share them.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { XMLBuilder } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import { type Column, EDGE_COLUMNS, type ExportGraph, flat, NODE_COLUMNS, type Scalar } from './model.js';

export const FORMATS = ['graphml', 'gexf', 'json', 'nodes.csv', 'edges.csv'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  'nodes.csv': 'text/csv; charset=utf-8; header=present',
  'edges.csv': 'text/csv; charset=utf-8; header=present',
};

export const isFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);

/** Optional drawing hints (the page's layout); ignored by the formats that have none. */
export interface Viz {
  x: number;
  y: number;
  size: number;
  color: string;
}

export function serialize(graph: ExportGraph, format: Format, viz?: Map<string, Viz>): string {
  switch (format) {
    case 'graphml':
      return toGraphML(graph);
    case 'gexf':
      return toGexf(graph, viz);
    case 'json':
      return toNodeLink(graph);
    case 'nodes.csv':
      return toCsv(
        NODE_COLUMNS.map((c) => c.name),
        graph.nodes.map((n) => NODE_COLUMNS.map((c) => flat(n.attributes[c.name]))),
      );
    case 'edges.csv':
      return toCsv(
        ['source', 'target', ...EDGE_COLUMNS.map((c) => c.name)],
        graph.edges.map((e) => [e.source, e.target, ...EDGE_COLUMNS.map((c) => flat(e.attributes[c.name]))]),
      );
  }
}

function toCsv(header: string[], rows: Scalar[][]): string {
  return stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : v)))], { eof: true });
}

const GRAPHML_TYPES: Record<Column['type'], string> = {
  string: 'string',
  double: 'double',
  int: 'int',
  boolean: 'boolean',
};

function dataOf(columns: Column[], prefix: string, attributes: Record<string, Scalar | string[]>) {
  return columns.flatMap((c) => {
    const v = flat(attributes[c.name]);
    return v === null || v === '' ? [] : [{ '@_key': `${prefix}_${c.name}`, '#text': String(v) }];
  });
}

/** GraphML 1.0, directed, every attribute declared with its type (networkx, igraph, yEd, Gephi). */
function toGraphML(graph: ExportGraph): string {
  const keys = [
    { '@_id': 'g_description', '@_for': 'graph', '@_attr.name': 'description', '@_attr.type': 'string' },
    ...NODE_COLUMNS.map((c) => ({
      '@_id': `n_${c.name}`,
      '@_for': 'node',
      '@_attr.name': c.name,
      '@_attr.type': GRAPHML_TYPES[c.type],
    })),
    ...EDGE_COLUMNS.map((c) => ({
      '@_id': `e_${c.name}`,
      '@_for': 'edge',
      '@_attr.name': c.name,
      '@_attr.type': GRAPHML_TYPES[c.type],
    })),
  ];
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys,
      graph: {
        '@_id': 'G',
        '@_edgedefault': 'directed',
        data: [{ '@_key': 'g_description', '#text': graph.description }],
        node: graph.nodes.map((n) => ({ '@_id': n.id, data: dataOf(NODE_COLUMNS, 'n', n.attributes) })),
        edge: graph.edges.map((e) => ({
          '@_id': e.id,
          '@_source': e.source,
          '@_target': e.target,
          data: dataOf(EDGE_COLUMNS, 'e', e.attributes),
        })),
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' });
  return builder.build(doc) as string;
}

/** GEXF 1.2 (Gephi): label, typed attributes, and the page's positions, sizes and colours when given. */
function toGexf(graph: ExportGraph, viz?: Map<string, Viz>): string {
  const g = new MultiDirectedGraph();
  g.setAttribute('description', graph.description);
  g.setAttribute('creator', 'geo-knowledge-graph explorer');
  for (const n of graph.nodes) {
    const attributes = Object.fromEntries(NODE_COLUMNS.map((c) => [c.name, flat(n.attributes[c.name])]));
    g.addNode(n.id, { attributes, label: String(n.attributes.label ?? n.id), viz: viz?.get(n.id) });
  }
  for (const e of graph.edges) {
    const attributes = Object.fromEntries(EDGE_COLUMNS.map((c) => [c.name, flat(e.attributes[c.name])]));
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, { attributes, label: String(e.attributes.kind) });
  }
  return writeGexf(g, {
    version: '1.2',
    formatNode: (_key: string, a: Record<string, unknown>) => ({
      label: a.label,
      attributes: a.attributes,
      viz: a.viz,
    }),
    formatEdge: (_key: string, a: Record<string, unknown>) => ({ label: a.label, attributes: a.attributes }),
  });
}

/** Node-link JSON as networkx's node_link_data writes it (edges under "links", as d3 expects). */
function toNodeLink(graph: ExportGraph): string {
  return `${JSON.stringify(
    {
      directed: true,
      multigraph: true,
      graph: { description: graph.description },
      nodes: graph.nodes.map((n) => ({ id: n.id, ...n.attributes })),
      links: graph.edges.map((e) => ({ source: e.source, target: e.target, key: e.id, ...e.attributes })),
    },
    null,
    2,
  )}\n`;
}

/** A file name that says what the export holds: "turkey-depth2.gexf". */
export function fileName(stem: string, format: Format): string {
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
  return `${safe}.${format}`;
}
