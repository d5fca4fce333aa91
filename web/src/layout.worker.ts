/**
 * ForceAtlas2 off the main thread. A fixed number of iterations from given positions, so the same
 * view always gets the same layout; nodes marked fixed (already placed, or pinned) do not move.
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';

// A CommonJS package: its export is `default` for the bundler's namespace and for TypeScript alike.
interface ForceAtlas2 {
  assign(g: UndirectedGraph, params: { iterations: number; settings: object; getEdgeWeight: null }): void;
  inferSettings(g: UndirectedGraph): object;
}
const forceAtlas2 = ((fa2 as unknown as { default?: ForceAtlas2 }).default ?? fa2) as ForceAtlas2;

export interface LayoutRequest {
  id: number;
  nodes: { key: string; x: number; y: number; size: number; fixed: boolean }[];
  edges: [string, string][];
  iterations: number;
}

export interface LayoutAnswer {
  id: number;
  positions: Record<string, [number, number]>;
  ms: number;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (m: LayoutAnswer) => void;
};

scope.onmessage = (e) => {
  const started = performance.now();
  const { id, nodes, edges, iterations } = e.data;
  const g = new UndirectedGraph();
  for (const n of nodes) g.addNode(n.key, { x: n.x, y: n.y, size: n.size, fixed: n.fixed });
  for (const [s, t] of edges) if (s !== t && g.hasNode(s) && g.hasNode(t)) g.mergeEdge(s, t);
  const settings = {
    ...forceAtlas2.inferSettings(g),
    barnesHutOptimize: g.order > 400,
    adjustSizes: g.order <= 400,
    slowDown: 2,
  };
  forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: null });
  const positions: Record<string, [number, number]> = {};
  g.forEachNode((key, a) => {
    positions[key] = [a.x as number, a.y as number];
  });
  scope.postMessage({ id, positions, ms: performance.now() - started });
};
