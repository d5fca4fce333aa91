/**
 * The drawing: a graphology graph rendered by sigma (WebGL), laid out by ForceAtlas2 in a web worker.
 * Adding nodes never scatters the others: nodes already placed are held fixed while new ones settle.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { LayoutAnswer, LayoutRequest } from './layout.worker.js';

export interface ViewNode {
  key: string;
  label: string;
  type: string;
  kind: string | null;
  date?: { value: string | null; precision: string; earliest: string | null; latest: string | null; display: string };
  status?: string;
  goldstein?: number;
}

export interface ViewEdge {
  id: string;
  kind: string;
  sourceKey: string;
  targetKey: string;
  role: string | null;
  stance: string | null;
}

/** Colour groups: the GraphQL type, and for organisations their kind (government body, council …). */
export const GROUPS: { id: string; name: string; color: string }[] = [
  { id: 'State', name: 'State', color: '#1f6fb4' },
  { id: 'Person', name: 'Person', color: '#c62828' },
  { id: 'Alliance', name: 'Alliance', color: '#2e7d32' },
  { id: 'GOVERNMENT_BODY', name: 'Government body', color: '#7b1fa2' },
  { id: 'COUNCIL', name: 'Council', color: '#00838f' },
  { id: 'MILITARY', name: 'Military', color: '#6d4c41' },
  { id: 'MEDIA', name: 'Media', color: '#827717' },
  { id: 'ORGANIZATION', name: 'Organisation', color: '#546e7a' },
  { id: 'Coalition', name: 'Coalition', color: '#e65100' },
  { id: 'ArmedGroup', name: 'Armed group', color: '#ad1457' },
  { id: 'Place', name: 'Place', color: '#0097a7' },
  { id: 'Materiel', name: 'Materiel', color: '#8d6e63' },
  { id: 'Event', name: 'Event', color: '#f9a825' },
  { id: 'Dispute', name: 'Dispute', color: '#283593' },
];
const COLOR = new Map(GROUPS.map((g) => [g.id, g.color]));
export const groupOf = (type: string, kind: string | null) =>
  type === 'Organization' ? (kind ?? 'ORGANIZATION') : type;
export const colorOf = (type: string, kind: string | null) => COLOR.get(groupOf(type, kind)) ?? '#757575';

/** The second click of a double click, as the browser counts it (not a third, nor a tap). */
const isSecondClick = (e: MouseEvent | TouchEvent) => e instanceof MouseEvent && e.detail === 2;

/** A number in [0, 1) from a string: positions that depend only on the key, never on chance. */
function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

export interface Handlers {
  clickNode: (key: string) => void;
  doubleClickNode: (key: string) => void;
  clickEdge: (id: string) => void;
  clickStage: () => void;
  dragged: (key: string, x: number, y: number) => void;
}

export class GraphView {
  readonly graph = new MultiDirectedGraph({ allowSelfLoops: false });
  readonly sigma: Sigma;
  private readonly worker: Worker;
  private layoutId = 0;
  private readonly pending = new Map<number, (a: LayoutAnswer) => void>();
  hidden = new Set<string>();
  pinned = new Set<string>();
  selectedNode: string | null = null;
  selectedEdge: string | null = null;
  pathNodes = new Set<string>();
  pathEdges = new Set<string>();
  layouts = 0;
  private dragging: string | null = null;

  constructor(container: HTMLElement, handlers: Handlers) {
    this.worker = new Worker('/explore/layout.worker.js', { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<LayoutAnswer>) => {
      this.pending.get(e.data.id)?.(e.data);
      this.pending.delete(e.data.id);
    };
    this.sigma = new Sigma(this.graph, container, {
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      defaultEdgeType: 'arrow',
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      edgeLabelSize: 11,
      zIndex: true,
      minCameraRatio: 0.05,
      maxCameraRatio: 10,
      nodeReducer: (key, data) => {
        const out = { ...data };
        if (this.hidden.has(key)) return { ...out, hidden: true };
        const dim = this.pathNodes.size > 0 && !this.pathNodes.has(key);
        if (dim) Object.assign(out, { color: '#d6d6d6', label: '', zIndex: 0 });
        if (this.pinned.has(key)) Object.assign(out, { label: `📌 ${data.label}` });
        if (key === this.selectedNode || this.pathNodes.has(key))
          Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
        return out;
      },
      edgeReducer: (id, data) => {
        const [s, t] = this.graph.extremities(id);
        if (this.hidden.has(s) || this.hidden.has(t)) return { ...data, hidden: true };
        if (id === this.selectedEdge)
          return { ...data, color: '#111', size: 3.5, label: data.kind, forceLabel: true, zIndex: 2 };
        if (this.pathEdges.has(id))
          return { ...data, color: '#d32f2f', size: 4, label: data.kind, forceLabel: true, zIndex: 2 };
        if (this.pathNodes.size > 0) return { ...data, color: '#eee', label: '' };
        if (this.selectedNode && (s === this.selectedNode || t === this.selectedNode))
          return { ...data, color: '#555', size: 2, label: data.kind, zIndex: 1 };
        return { ...data, label: '' };
      },
    });
    // Sigma redraws at a new size on a window resize only, but the container also changes when the
    // page around it does (the bars above it fill in after the first drawing). Drawn at a stale size,
    // the picture and what a click picks jump at the next redraw: on a busy page that came between a
    // press on a node and its release, and the click missed the node it was pressed on.
    new ResizeObserver(() => this.sigma.scheduleRefresh()).observe(container);
    // The first click selects, which redraws; a quick second click can arrive before the picking
    // buffer is drawn again and find no node there (seen in headless Chromium). A double click at the
    // place of the click before is on that click's node.
    // Sigma counts a double click by its own 300 ms timer: a slow hand (or a busy page, whose timer
    // fires between the two clicks) turns it into two clicks. The browser's click count (`detail`,
    // the system's double-click speed) says it was the second click of a double click all the same.
    let lastClick: { node: string; x: number; y: number } | null = null;
    const doubleClickAt = (event: { x: number; y: number; preventSigmaDefault(): void }) => {
      const near = lastClick && Math.abs(lastClick.x - event.x) <= 4 && Math.abs(lastClick.y - event.y) <= 4;
      if (!lastClick || !near || !this.graph.hasNode(lastClick.node)) return false;
      event.preventSigmaDefault();
      handlers.doubleClickNode(lastClick.node);
      return true;
    };
    this.sigma.on('clickNode', ({ node, event }) => {
      if (isSecondClick(event.original)) {
        handlers.doubleClickNode(node);
        return;
      }
      lastClick = { node, x: event.x, y: event.y };
      handlers.clickNode(node);
    });
    this.sigma.on('clickStage', ({ event }) => {
      if (isSecondClick(event.original) && doubleClickAt(event)) return;
      lastClick = null;
      handlers.clickStage();
    });
    this.sigma.on('clickEdge', ({ edge, event }) => {
      if (isSecondClick(event.original) && doubleClickAt(event)) return;
      lastClick = null;
      handlers.clickEdge(edge);
    });
    this.sigma.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      handlers.doubleClickNode(e.node);
    });
    this.sigma.on('doubleClickStage', ({ event }) => void doubleClickAt(event));
    this.sigma.on('doubleClickEdge', ({ event }) => void doubleClickAt(event));
    // Drag a node to move it; it stays pinned where it was dropped.
    this.sigma.on('downNode', ({ node }) => {
      this.dragging = node;
      this.graph.setNodeAttribute(node, 'fixed', true);
    });
    const captor = this.sigma.getMouseCaptor();
    let moved = false;
    captor.on('mousemovebody', (e) => {
      if (!this.dragging) return;
      moved = true;
      const p = this.sigma.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragging, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    captor.on('mouseup', () => {
      const key = this.dragging;
      this.dragging = null;
      if (key && moved) {
        const a = this.graph.getNodeAttributes(key);
        handlers.dragged(key, a.x as number, a.y as number);
      }
      moved = false;
    });
  }

  /**
   * Makes the drawing show exactly these nodes and edges. Nodes already drawn keep their place; new
   * ones start beside a drawn neighbour (or on a circle) and ForceAtlas2 settles only them.
   */
  async setContent(nodes: ViewNode[], edges: ViewEdge[], pins: Map<string, { x: number; y: number }>): Promise<void> {
    const wanted = new Map(nodes.map((n) => [n.key, n]));
    const wantedEdges = new Map(
      edges.filter((e) => wanted.has(e.sourceKey) && wanted.has(e.targetKey)).map((e) => [e.id, e]),
    );
    this.graph.forEachEdge((id) => {
      if (!wantedEdges.has(id)) this.graph.dropEdge(id);
    });
    for (const key of this.graph.nodes()) if (!wanted.has(key)) this.graph.dropNode(key);

    const fresh: string[] = [];
    for (const n of nodes) {
      const attrs = {
        label: n.label,
        type: 'circle',
        nodeType: n.type,
        kind: n.kind,
        color: colorOf(n.type, n.kind),
        view: n,
      };
      if (this.graph.hasNode(n.key)) this.graph.mergeNodeAttributes(n.key, attrs);
      else {
        this.graph.addNode(n.key, { ...attrs, x: 0, y: 0, size: 5 });
        fresh.push(n.key);
      }
    }
    for (const e of wantedEdges.values()) {
      if (!this.graph.hasEdge(e.id)) {
        this.graph.addDirectedEdgeWithKey(e.id, e.sourceKey, e.targetKey, {
          kind: e.kind,
          view: e,
          size: 1.2,
          color: '#9e9e9e',
        });
      }
    }
    this.placeFresh(fresh);
    for (const [key, p] of pins) {
      if (this.graph.hasNode(key)) this.graph.mergeNodeAttributes(key, { x: p.x, y: p.y, fixed: true });
    }
    this.pinned = new Set([...pins.keys()].filter((k) => this.graph.hasNode(k)));
    this.resize();
    if (fresh.length > 0) await this.layout(new Set(fresh), fresh.length === this.graph.order ? 400 : 200);
    this.sigma.refresh();
  }

  /** New nodes start beside a drawn neighbour, at an angle taken from their key. */
  private placeFresh(fresh: string[]): void {
    const freshSet = new Set(fresh);
    const placed = (k: string) => !freshSet.has(k);
    const spread = Math.max(1, Math.sqrt(this.graph.order));
    let remaining = fresh.slice();
    let first = true;
    while (remaining.length > 0) {
      const next: string[] = [];
      for (const key of remaining) {
        const anchor = this.graph.neighbors(key).find(placed);
        const angle = 2 * Math.PI * hash01(key);
        if (anchor) {
          const a = this.graph.getNodeAttributes(anchor);
          const r = 1 + hash01(`${key}/r`);
          this.graph.mergeNodeAttributes(key, {
            x: (a.x as number) + r * Math.cos(angle),
            y: (a.y as number) + r * Math.sin(angle),
          });
          freshSet.delete(key);
        } else next.push(key);
      }
      if (next.length === remaining.length) {
        // Nothing placed touches them: the first goes to the middle (or a circle), the rest follow.
        const key = next.shift() as string;
        const angle = 2 * Math.PI * hash01(key);
        const r = first && this.graph.order === fresh.length ? 0 : spread * 2;
        this.graph.mergeNodeAttributes(key, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
        freshSet.delete(key);
        first = false;
      }
      remaining = next;
    }
  }

  /** Sizes by degree among the nodes in view. */
  private resize(): void {
    this.graph.forEachNode((key) => {
      const degree = this.graph.degree(key);
      this.graph.setNodeAttribute(key, 'size', 4 + 2.2 * Math.sqrt(degree));
    });
  }

  private layout(free: Set<string>, iterations: number): Promise<void> {
    const id = ++this.layoutId;
    const req: LayoutRequest = {
      id,
      iterations,
      nodes: this.graph.mapNodes((key, a) => ({
        key,
        x: a.x as number,
        y: a.y as number,
        size: a.size as number,
        fixed: !free.has(key) || this.pinned.has(key),
      })),
      edges: this.graph.mapEdges((_id, _a, s, t) => [s, t] as [string, string]),
    };
    return new Promise((resolve) => {
      this.pending.set(id, (answer) => {
        for (const [key, [x, y]] of Object.entries(answer.positions)) {
          if (free.has(key) && this.graph.hasNode(key) && !this.pinned.has(key))
            this.graph.mergeNodeAttributes(key, { x, y });
        }
        this.layouts++;
        resolve();
      });
      this.worker.postMessage(req);
    });
  }

  refresh(): void {
    this.sigma.refresh();
  }

  /** Where a node is drawn, in CSS pixels of the graph's container. */
  nodeViewport(key: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(key)) return null;
    const d = this.sigma.getNodeDisplayData(key);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  /**
   * A point of the edge on screen that a click picks unambiguously: of the points between 15 % and
   * 85 % of its length, the one farthest from every other edge and node (the midpoint of a crowded
   * edge may lie on another one).
   */
  edgeViewport(id: string): { x: number; y: number } | null {
    if (!this.graph.hasEdge(id)) return null;
    const [s, t] = this.graph.extremities(id);
    const a = this.nodeViewport(s);
    const b = this.nodeViewport(t);
    if (!a || !b) return null;
    const segments: [{ x: number; y: number }, { x: number; y: number }][] = [];
    this.graph.forEachEdge((other, _attr, os, ot) => {
      if (other === id) return;
      const p = this.nodeViewport(os);
      const q = this.nodeViewport(ot);
      if (p && q) segments.push([p, q]);
    });
    const nodes = this.graph.mapNodes((n) => this.nodeViewport(n)).filter((p): p is { x: number; y: number } => !!p);
    let best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    let clearance = -1;
    for (let i = 3; i <= 17; i++) {
      const f = i / 20;
      const c = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      const near = Math.min(
        ...segments.map(([p, q]) => distanceToSegment(c, p, q)),
        ...nodes.map((p) => Math.hypot(p.x - c.x, p.y - c.y) - 8),
      );
      if (near > clearance) {
        clearance = near;
        best = c;
      }
    }
    return best;
  }

  positions(): Map<string, { x: number; y: number }> {
    return new Map(this.graph.mapNodes((key, a) => [key, { x: a.x as number, y: a.y as number }] as const));
  }
}

function distanceToSegment(
  c: { x: number; y: number },
  p: { x: number; y: number },
  q: { x: number; y: number },
): number {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((c.x - p.x) * dx + (c.y - p.y) * dy) / length2));
  return Math.hypot(c.x - (p.x + t * dx), c.y - (p.y + t * dy));
}
