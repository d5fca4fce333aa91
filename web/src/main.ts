/** The explorer page: state in the URL, the drawing, the side panel, the tools. */
import { type Format, fileName, serialize, type Viz } from '../../src/export/formats.js';
import { ExportError, type ExportRequest, exportGraph, type GraphQLSender } from '../../src/export/run.js';
import { ApiError, gql, onCost } from './api.js';
import { autocomplete } from './autocomplete.js';
import { append, byId, fill, h } from './dom.js';
import { DYAD_DISPUTES_SHOWN, DYAD_EVENTS_SHOWN, type DyadAnswer, renderDyad } from './dyad.js';
import { type PanelClaim, renderClaims, renderDocument, renderEvidence } from './evidence.js';
import { GROUPS, GraphView, groupOf, type ViewEdge, type ViewNode } from './graph-view.js';
import { DYAD, EDGE_DETAILS, NEIGHBORHOOD, NODE_DETAILS, PATH } from './operations.js';
import { emptyState, kindsOrAll, parseState, RELATION_KINDS, serializeState, type ViewState } from './state.js';
import { renderTimeline } from './timeline.js';

const FOCUS_LIMIT = 200;
const EXPAND_LIMIT = 60;

interface NeighborhoodAnswer {
  neighborhood: { truncated: boolean; nodes: RawNode[]; edges: ViewEdge[] } | null;
}
interface RawNode {
  key: string;
  label: string;
  type: string;
  kind: string | null;
  node: { status?: string; goldstein?: number; date?: ViewNode['date'] };
}
interface PathAnswer {
  shortestPath: { length: number; nodes: RawNode[]; edges: (ViewEdge & { claims: PanelClaim[] })[] } | null;
}

const toView = (n: RawNode): ViewNode => ({
  key: n.key,
  label: n.label,
  type: n.type,
  kind: n.kind,
  date: n.node?.date,
  status: n.node?.status,
  goldstein: n.node?.goldstein,
});

let state: ViewState = emptyState();
let view: GraphView;
let applied: { base: string; steps: string[] } | null = null;
let busy = 0;
let applying: Promise<void> = Promise.resolve();
let pathAnswer: PathAnswer['shortestPath'] = null;
/** How many nodes each neighbourhood of the view brought (exports ask for that many, so they cost no more). */
const reached = new Map<string, number>();
const truncatedSteps = new Set<string>();

// ------------------------------------------------------------------ messages

function showAlert(err: unknown): void {
  const box = byId('alert');
  const text =
    err instanceof ApiError ? err.message : `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
  box.dataset.kind = err instanceof ApiError ? err.kind : 'client';
  byId('alert-text').textContent = text;
  box.hidden = false;
}
const clearAlert = () => {
  byId('alert').hidden = true;
};
const status = (text: string) => {
  byId('status').textContent = text;
};

function setBusy(delta: number): void {
  busy += delta;
  document.body.dataset.busy = busy > 0 ? 'true' : 'false';
  byId('graph-area').setAttribute('aria-busy', busy > 0 ? 'true' : 'false');
}

// ------------------------------------------------------------------ state and history

function go(next: ViewState, { replace = false } = {}): void {
  const url = `${location.pathname}${serializeState(next)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void run(next);
}

function run(next: ViewState): Promise<void> {
  applying = applying.then(() => apply(next)).catch(showAlert);
  return applying;
}

const update = (change: Partial<ViewState>, opts?: { replace?: boolean }) => go({ ...state, ...change }, opts);

async function loadNeighborhood(id: string, depth: number, limit: number, s: ViewState) {
  const data = await gql<NeighborhoodAnswer>(NEIGHBORHOOD, { id, depth, kinds: kindsOrAll(s), limit });
  if (!data.neighborhood) throw new ApiError('input', `There is no node "${id}".`, 'NOT_FOUND');
  if (data.neighborhood.truncated) truncatedSteps.add(id);
  reached.set(`${id}/${depth}`, Math.max(1, data.neighborhood.nodes.length - 1));
  return data.neighborhood;
}

/** Draws what the state says: the focus, each expansion in order (so the layout is the same each time), the path. */
async function apply(next: ViewState): Promise<void> {
  setBusy(1);
  try {
    clearAlert();
    state = next;
    syncControls();
    const base = JSON.stringify([state.focus, state.depth, kindsOrAll(state)]);
    const steps: { nodes: ViewNode[]; edges: ViewEdge[] }[] = [];
    truncatedSteps.clear();
    if (state.focus) {
      const n = await loadNeighborhood(state.focus, state.depth, FOCUS_LIMIT, state);
      steps.push({ nodes: n.nodes.map(toView), edges: n.edges });
      for (const key of state.expanded) {
        const e = await loadNeighborhood(key, 1, EXPAND_LIMIT, state);
        steps.push({ nodes: e.nodes.map(toView), edges: e.edges });
      }
    }
    pathAnswer = null;
    if (state.path) {
      const p = await gql<PathAnswer>(PATH, { ...state.path, kinds: kindsOrAll(state) });
      pathAnswer = p.shortestPath;
      if (pathAnswer) steps.push({ nodes: pathAnswer.nodes.map(toView), edges: pathAnswer.edges });
    }
    const stepKeys = [...state.expanded, state.path ? `path:${state.path.from}>${state.path.to}` : ''];
    const fresh = !applied || applied.base !== base || applied.steps.some((k, i) => stepKeys[i] !== k);
    const pins = new Map(state.pinned.map((p) => [p.key, { x: p.x, y: p.y }]));
    if (fresh) {
      view.graph.clear();
      const nodes = new Map<string, ViewNode>();
      const edges = new Map<string, ViewEdge>();
      for (const step of steps) {
        for (const n of step.nodes) nodes.set(n.key, n);
        for (const e of step.edges) edges.set(e.id, e);
        await view.setContent([...nodes.values()], [...edges.values()], pins);
      }
      if (steps.length === 0) await view.setContent([], [], pins);
    } else {
      const nodes = new Map<string, ViewNode>();
      const edges = new Map<string, ViewEdge>();
      for (const step of steps) {
        for (const n of step.nodes) nodes.set(n.key, n);
        for (const e of step.edges) edges.set(e.id, e);
      }
      await view.setContent([...nodes.values()], [...edges.values()], pins);
    }
    applied = { base, steps: stepKeys };
    view.hidden = new Set(state.hidden);
    view.pathNodes = new Set(pathAnswer?.nodes.map((n) => n.key) ?? []);
    view.pathEdges = new Set(pathAnswer?.edges.map((e) => e.id) ?? []);
    view.selectedNode = state.selection?.type === 'node' ? state.selection.key : null;
    view.selectedEdge = state.selection?.type === 'edge' ? state.selection.id : null;
    view.refresh();
    renderLegend();
    renderNodeList();
    renderTimeline(
      byId('timeline'),
      visibleNodes().filter((n) => n.type === 'Event'),
      (key) => select({ type: 'node', key }),
    );
    const shown = visibleNodes().length;
    status(
      state.focus || state.path
        ? `${shown} nodes and ${visibleEdges().length} edges in view${state.hidden.length ? ` (${state.hidden.length} hidden)` : ''}${truncatedSteps.size ? ` · limited to the nearest nodes around ${[...truncatedSteps].join(', ')}` : ''}.`
        : 'Search for an actor, event or dispute to start.',
    );
    await Promise.all([renderDetails(), renderPath(), renderDyadPanel()]);
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
  } finally {
    setBusy(-1);
  }
}

function select(selection: ViewState['selection']): void {
  update({ selection });
}

// ------------------------------------------------------------------ what is in view

function visibleNodes(): ViewNode[] {
  return view.graph
    .filterNodes((k) => !view.hidden.has(k))
    .map((k) => view.graph.getNodeAttribute(k, 'view') as ViewNode);
}
function visibleEdges(): ViewEdge[] {
  return view.graph
    .filterEdges((_id, _a, s, t) => !view.hidden.has(s) && !view.hidden.has(t))
    .map((id) => view.graph.getEdgeAttribute(id, 'view') as ViewEdge);
}
const labelOf = (key: string) =>
  view.graph.hasNode(key) ? (view.graph.getNodeAttribute(key, 'label') as string) : key;

/** Colours go through the CSSOM: the page's CSP allows no inline style attributes. */
function swatch(color: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = color;
  return el;
}

function renderLegend(): void {
  const counts = new Map<string, number>();
  for (const n of visibleNodes()) counts.set(groupOf(n.type, n.kind), (counts.get(groupOf(n.type, n.kind)) ?? 0) + 1);
  fill(
    byId('legend'),
    h('h2', { class: 'visually-hidden' }, 'Legend'),
    h(
      'ul',
      {},
      GROUPS.filter((g) => counts.has(g.id)).map((g) =>
        h('li', {}, swatch(g.color), `${g.name} (${counts.get(g.id)})`),
      ),
    ),
    h('p', { class: 'muted' }, 'Size: number of edges in view.'),
  );
}

function renderNodeList(): void {
  const nodes = visibleNodes().sort((a, b) => a.label.localeCompare(b.label));
  const hidden = state.hidden.filter((k) => view.graph.hasNode(k));
  fill(
    byId('node-list'),
    h(
      'ul',
      {},
      nodes.map((n) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', 'data-node': n.key, onclick: () => select({ type: 'node', key: n.key }) },
            n.label,
          ),
          ` ${n.type}`,
        ),
      ),
    ),
    hidden.length
      ? h(
          'p',
          {},
          `Hidden: `,
          hidden.map((k) =>
            h(
              'button',
              { type: 'button', onclick: () => update({ hidden: state.hidden.filter((x) => x !== k) }) },
              `Show ${labelOf(k)}`,
            ),
          ),
        )
      : null,
  );
  byId('node-count').textContent = String(nodes.length);
}

// ------------------------------------------------------------------ the side panel

async function renderDetails(): Promise<void> {
  const box = byId('details');
  const sel = state.selection;
  const doc = new URLSearchParams(location.search).get('doc');
  if (doc) {
    const [s, e] = (new URLSearchParams(location.search).get('at') ?? '').split('-').map(Number);
    fill(box, h('h2', { id: 'details-title' }, 'Article'), await renderDocument(doc, s ?? -1, e ?? -1));
    document.getElementById('doc-mark')?.scrollIntoView({ block: 'center' });
    return;
  }
  if (!sel) {
    fill(
      box,
      h('h2', { id: 'details-title' }, 'Details'),
      h(
        'p',
        { class: 'muted' },
        'Click a node or an edge (or pick one from “Nodes in view”) to see what it is, who says so and the sentence it came from. Double-click a node to expand it.',
      ),
    );
    return;
  }
  if (sel.type === 'node') await renderNodeDetails(box, sel.key);
  else await renderEdgeDetails(box, sel.id);
}

type NodeAnswer = ({ __typename: string; key: string; claims: PanelClaim[] } & Record<string, unknown>) | null;
interface NodeDetails {
  entity: NodeAnswer;
  event: NodeAnswer;
  dispute: NodeAnswer;
}

async function renderNodeDetails(box: HTMLElement, key: string): Promise<void> {
  const inView = view.graph.hasNode(key);
  const expanded = state.expanded.includes(key);
  const pinned = state.pinned.some((p) => p.key === key);
  const hidden = state.hidden.includes(key);
  const actions = h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Node actions' },
    h(
      'button',
      {
        type: 'button',
        id: 'act-focus',
        onclick: () => update({ focus: key, expanded: [], hidden: [], selection: { type: 'node', key } }),
      },
      'Focus here',
    ),
    inView && state.focus !== key
      ? h(
          'button',
          {
            type: 'button',
            id: 'act-expand',
            'aria-pressed': expanded ? 'true' : 'false',
            onclick: () => (expanded ? collapse(key) : expand(key)),
          },
          expanded ? 'Collapse' : 'Expand',
        )
      : null,
    inView
      ? h(
          'button',
          { type: 'button', id: 'act-pin', 'aria-pressed': pinned ? 'true' : 'false', onclick: () => togglePin(key) },
          pinned ? 'Unpin' : 'Pin',
        )
      : null,
    inView
      ? h(
          'button',
          {
            type: 'button',
            id: 'act-hide',
            onclick: () =>
              update({
                hidden: hidden ? state.hidden.filter((k) => k !== key) : [...state.hidden, key],
                selection: hidden ? state.selection : null,
              }),
          },
          hidden ? 'Show' : 'Hide',
        )
      : null,
  );
  const edgesHere = inView
    ? view.graph.edges(key).map((id) => view.graph.getEdgeAttribute(id, 'view') as ViewEdge)
    : [];
  fill(box, h('h2', { id: 'details-title' }, labelOf(key)), actions, h('p', { class: 'muted' }, 'Loading…'));
  const data = await gql<NodeDetails>(NODE_DETAILS, { id: key });
  const n = data.entity ?? data.event ?? data.dispute;
  if (!n) {
    fill(box, h('h2', { id: 'details-title' }, key), h('p', {}, `There is no node “${key}”.`));
    return;
  }
  const facts: (string | Node)[][] = [];
  const add = (k: string, v: unknown) => {
    if (v !== null && v !== undefined && v !== '') facts.push([k, String(v)]);
  };
  add('Type', n.__typename);
  add('Kind', typeof n.kind === 'string' ? n.kind.toLowerCase().replace('_', ' ') : null);
  add('German', n.nameDe ?? n.labelDe);
  add('Event type', n.eventType);
  const date = n.date as { display: string; precision: string; text: string | null } | undefined;
  if (date)
    add(
      'Date',
      `${date.display} (precision: ${date.precision.toLowerCase()}${date.text ? `; the article says “${date.text}”` : ''})`,
    );
  add('Status', typeof n.status === 'string' ? n.status.toLowerCase() : null);
  const cameo = n.cameo as { code: string; quadClassName: string } | undefined;
  if (cameo) add('CAMEO', `${cameo.code} (${cameo.quadClassName})`);
  add('Goldstein', n.goldstein);
  add('Aliases', Array.isArray(n.aliases) && n.aliases.length ? n.aliases.join(', ') : null);
  if (n.wikidataId)
    facts.push([
      'Wikidata',
      h('a', { href: String(n.wikidataUrl), rel: 'noopener noreferrer', target: '_blank' }, String(n.wikidataId)),
    ]);
  fill(
    box,
    h('h2', { id: 'details-title' }, String(n.name ?? n.label ?? key)),
    actions,
    n.description ? h('p', {}, String(n.description)) : null,
    h(
      'dl',
      { class: 'facts' },
      facts.map(([k, v]) => [h('dt', {}, k as string), h('dd', {}, v)]),
    ),
    edgesHere.length
      ? [
          h('h3', {}, `Relationships in view (${edgesHere.length})`),
          h(
            'ul',
            { class: 'edge-list' },
            edgesHere.map((e) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-edge': e.id,
                    onclick: () => select({ type: 'edge', id: e.id }),
                  },
                  `${labelOf(e.sourceKey)} → ${labelOf(e.targetKey)}`,
                ),
                ` ${e.kind}${e.role ? ` (${e.role})` : ''}`,
              ),
            ),
          ),
        ]
      : null,
    h('h3', {}, `Claims (${n.claims.length})`),
    await renderClaims(n.claims),
  );
}

interface EdgeDetails {
  shortestPath: {
    edges: { id: string; kind: string; role: string | null; stance: string | null; claims: PanelClaim[] }[];
  } | null;
}

async function renderEdgeDetails(box: HTMLElement, id: string): Promise<void> {
  const m = /^([A-Z_]+):(.+)->(.+)$/.exec(id);
  if (!m) {
    fill(box, h('h2', { id: 'details-title' }, 'Edge'), h('p', {}, `“${id}” is not an edge id.`));
    return;
  }
  const [, kind, from, to] = m as unknown as [string, string, string, string];
  const title = `${labelOf(from)} → ${labelOf(to)}`;
  const v = view.graph.hasEdge(id) ? (view.graph.getEdgeAttribute(id, 'view') as ViewEdge) : null;
  const head = [
    h('h2', { id: 'details-title' }, title),
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, kind),
      v?.role ? ` · role: ${v.role}` : '',
      v?.stance ? ` · stance: ${v.stance}` : '',
    ),
  ];
  fill(box, ...head, h('p', { class: 'muted' }, 'Loading the claims and evidence…'));
  const data = await gql<EdgeDetails>(EDGE_DETAILS, { from, to, kinds: [kind] });
  const edge = data.shortestPath?.edges.find((e) => e.id === id);
  if (!edge) {
    fill(box, ...head, h('p', {}, 'This edge is no longer in the graph (a claim may have been retracted).'));
    return;
  }
  fill(box, ...head, h('h3', {}, `Claims (${edge.claims.length})`), await renderClaims(edge.claims));
}

async function renderPath(): Promise<void> {
  const box = byId('path-result');
  if (!state.path) {
    fill(box);
    return;
  }
  if (!pathAnswer) {
    fill(
      box,
      h(
        'p',
        { role: 'status' },
        `No path from ${state.path.from} to ${state.path.to} within ${state.path.maxHops} hops.`,
      ),
    );
    return;
  }
  const p = pathAnswer;
  const label = new Map(p.nodes.map((n) => [n.key, n.label]));
  const hops = await Promise.all(
    p.edges.map(async (e, i) =>
      h(
        'li',
        { class: 'hop', 'data-edge': e.id },
        h('p', {}, h('strong', {}, `${i + 1}. ${label.get(e.sourceKey)} —${e.kind}→ ${label.get(e.targetKey)}`)),
        e.claims.length
          ? e.claims.map((c) => [
              h(
                'p',
                { class: 'statement' },
                c.statement,
                h(
                  'span',
                  { class: 'meta' },
                  ` (${c.assertedBy?.name ?? '?'}, ${c.stance.toLowerCase()}${c.retracted ? ', retracted' : ''})`,
                ),
              ),
            ])
          : h('p', { class: 'muted' }, 'No claim.'),
        ...(await Promise.all(p.edges[i]?.claims.flatMap((c) => c.evidence).map(renderEvidence) ?? [])),
      ),
    ),
  );
  fill(
    box,
    h(
      'h3',
      { id: 'path-title' },
      `Path: ${p.length} hop${p.length === 1 ? '' : 's'}, ${p.nodes.map((n) => n.label).join(' → ')}`,
    ),
    h('ol', { class: 'hops' }, hops),
    h('button', { type: 'button', onclick: () => update({ path: null }) }, 'Clear the path'),
  );
}

/**
 * The comparison shown: asked once per pair (two hubs of a large graph cost Neo4j a few hundred ms),
 * not again at every expand or selection while it stays open.
 */
let dyadShown: { key: string; answer: Promise<{ dyad: DyadAnswer | null }> } | null = null;

async function renderDyadPanel(): Promise<void> {
  const box = byId('dyad-result');
  if (!state.dyad) {
    dyadShown = null;
    fill(box);
    return;
  }
  const key = `${state.dyad.a},${state.dyad.b}`;
  const fresh = dyadShown?.key !== key;
  if (!dyadShown || fresh) {
    dyadShown = {
      key,
      answer: gql<{ dyad: DyadAnswer | null }>(DYAD, {
        ...state.dyad,
        first: DYAD_EVENTS_SHOWN,
        disputes: DYAD_DISPUTES_SHOWN,
      }),
    };
  }
  const answer = dyadShown.answer;
  const data = await answer.catch((err) => {
    if (dyadShown?.answer === answer) dyadShown = null;
    throw err;
  });
  // A new comparison (from the form or a shared link) is shown open; closed by hand, it stays closed.
  if (fresh) (byId('dyad-tool') as HTMLDetailsElement).open = true;
  fill(
    box,
    data.dyad
      ? renderDyad(data.dyad, (key) => select({ type: 'node', key }))
      : h('p', {}, 'One of the two is not an actor.'),
    h('button', { type: 'button', onclick: () => update({ dyad: null }) }, 'Close the comparison'),
  );
}

// ------------------------------------------------------------------ actions

function expand(key: string): void {
  if (key === state.focus || state.expanded.includes(key)) return;
  update({
    expanded: [...state.expanded, key],
    hidden: state.hidden.filter((k) => k !== key),
    selection: { type: 'node', key },
  });
}
function collapse(key: string): void {
  update({ expanded: state.expanded.filter((k) => k !== key) });
}
function togglePin(key: string): void {
  if (state.pinned.some((p) => p.key === key)) {
    update({ pinned: state.pinned.filter((p) => p.key !== key) });
    return;
  }
  const a = view.graph.getNodeAttributes(key);
  update({ pinned: [...state.pinned, { key, x: a.x as number, y: a.y as number }] });
}

async function exportView(format: Format): Promise<void> {
  if (!state.focus && !state.path) {
    showAlert(new ApiError('input', 'Nothing to export yet: search for a node first.'));
    return;
  }
  setBusy(1);
  try {
    const kinds = state.kinds.length ? state.kinds : undefined;
    const requests: ExportRequest[] = [];
    if (state.focus) {
      const depth = state.depth;
      requests.push({
        kind: 'neighborhood',
        focus: state.focus,
        depth,
        limit: reached.get(`${state.focus}/${depth}`) ?? FOCUS_LIMIT,
        kinds,
      });
      for (const id of state.expanded) {
        requests.push({
          kind: 'neighborhood',
          focus: id,
          depth: 1,
          limit: reached.get(`${id}/1`) ?? EXPAND_LIMIT,
          kinds,
        });
      }
    }
    if (state.path) requests.push({ kind: 'path', ...state.path, kinds });
    const keep = new Set(visibleNodes().map((n) => n.key));
    const send: GraphQLSender = async (body) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.json();
    };
    const graph = await exportGraph(send, requests, `explorer view: ${serializeState(state) || 'empty'}`, (k) =>
      keep.has(k),
    );
    const viz = new Map<string, Viz>();
    view.graph.forEachNode((k, a) => {
      viz.set(k, { x: a.x as number, y: a.y as number, size: a.size as number, color: a.color as string });
    });
    const text = serialize(graph, format, viz);
    const stem = state.focus
      ? `${state.focus}-depth${state.depth}${state.expanded.length ? `-plus${state.expanded.length}` : ''}`
      : `path-${state.path?.from}-${state.path?.to}`;
    const a = h('a', {
      href: URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' })),
      download: fileName(stem, format),
    });
    document.body.append(a);
    a.click();
    a.remove();
    status(`Exported ${graph.nodes.length} nodes and ${graph.edges.length} edges as ${fileName(stem, format)}.`);
  } catch (err) {
    if (err instanceof ExportError) {
      const code = err.errors[0]?.extensions?.code;
      showAlert(
        new ApiError(code === 'LIMIT_EXCEEDED' ? 'refused' : 'server', `The export was refused: ${err.message}`, code),
      );
    } else if (err instanceof TypeError) {
      showAlert(new ApiError('unreachable', 'The server cannot be reached: the export could not be loaded.'));
    } else showAlert(err);
  } finally {
    setBusy(-1);
  }
}

// ------------------------------------------------------------------ controls

function syncControls(): void {
  byId<HTMLSelectElement>('depth').value = String(state.depth);
  const kinds = new Set(kindsOrAll(state));
  for (const box of document.querySelectorAll<HTMLInputElement>('#kinds input[type=checkbox]'))
    box.checked = kinds.has(box.value);
  byId('kinds-count').textContent = kinds.size === RELATION_KINDS.length ? 'all' : String(kinds.size);
}

function buildControls(): void {
  byId('kinds').append(
    ...RELATION_KINDS.map((k) =>
      h(
        'label',
        {},
        h('input', { type: 'checkbox', value: k, checked: true }),
        ` ${k.toLowerCase().replaceAll('_', ' ')}`,
      ),
    ),
  );
  byId('kinds').addEventListener('change', () => {
    const chosen = [...document.querySelectorAll<HTMLInputElement>('#kinds input:checked')].map((b) => b.value);
    if (chosen.length === 0) {
      showAlert(new ApiError('input', 'Choose at least one relationship kind.'));
      syncControls();
      return;
    }
    update({ kinds: chosen.length === RELATION_KINDS.length ? [] : chosen });
  });
  byId<HTMLSelectElement>('depth').addEventListener('change', (e) =>
    update({ depth: Number((e.target as HTMLSelectElement).value) }),
  );
  autocomplete(
    byId<HTMLInputElement>('search'),
    (s) => update({ focus: s.key, expanded: [], hidden: [], pinned: [], selection: { type: 'node', key: s.key } }),
    showAlert,
  );
  autocomplete(byId<HTMLInputElement>('path-from'), () => {}, showAlert);
  autocomplete(byId<HTMLInputElement>('path-to'), () => {}, showAlert);
  autocomplete(byId<HTMLInputElement>('dyad-a'), () => {}, showAlert, true);
  autocomplete(byId<HTMLInputElement>('dyad-b'), () => {}, showAlert, true);
  const keyOf = (id: string) => {
    const input = byId<HTMLInputElement>(id);
    return input.dataset.key ?? input.value.trim();
  };
  byId('search-form').addEventListener('submit', (e) => e.preventDefault());
  byId('path-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const from = keyOf('path-from');
    const to = keyOf('path-to');
    if (!from || !to) return showAlert(new ApiError('input', 'Choose both ends of the path.'));
    update({ path: { from, to, maxHops: Number(byId<HTMLSelectElement>('path-hops').value) } });
  });
  byId('dyad-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const a = keyOf('dyad-a');
    const b = keyOf('dyad-b');
    if (!a || !b) return showAlert(new ApiError('input', 'Choose two actors.'));
    update({ dyad: { a, b } });
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    b.addEventListener('click', () => void exportView(b.dataset.export as Format));
  }
  byId('alert-retry').addEventListener('click', () => void run(parseState(location.search)));
  byId('alert-close').addEventListener('click', clearAlert);
  byId('zoom-in').addEventListener('click', () => void view.sigma.getCamera().animatedZoom({ duration: 200 }));
  byId('zoom-out').addEventListener('click', () => void view.sigma.getCamera().animatedUnzoom({ duration: 200 }));
  byId('zoom-reset').addEventListener('click', () => void view.sigma.getCamera().animatedReset({ duration: 200 }));
  document.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a.doc-link');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const box = byId('details');
    void renderDocument(a.dataset.doc ?? '', Number(a.dataset.start), Number(a.dataset.end)).then((doc) => {
      fill(
        box,
        h('h2', { id: 'details-title' }, 'Article'),
        h('button', { type: 'button', onclick: () => void renderDetails() }, 'Back to the details'),
        doc,
      );
      document.getElementById('doc-mark')?.scrollIntoView({ block: 'center' });
      byId('panel').focus();
    }, showAlert);
  });
}

// ------------------------------------------------------------------ start

function start(): void {
  buildControls();
  view = new GraphView(byId('graph'), {
    clickNode: (key) => select({ type: 'node', key }),
    doubleClickNode: (key) => expand(key),
    clickEdge: (id) => select({ type: 'edge', id }),
    clickStage: () => {
      if (state.selection) select(null);
    },
    dragged: (key, x, y) =>
      update({ pinned: [...state.pinned.filter((p) => p.key !== key), { key, x, y }] }, { replace: false }),
  });
  onCost((c) => {
    byId('cost').textContent = `last query cost ${c.estimated} of ${c.max}`;
  });
  window.addEventListener('popstate', () => void run(parseState(location.search)));
  void run(parseState(location.search));
  // A hook for tests and benchmarks: read what is drawn, and draw a synthetic graph of any size.
  Object.assign(window, {
    explorer: {
      idle: async () => {
        let last: Promise<void> | undefined;
        while (last !== applying) {
          last = applying;
          await applying;
        }
        // Sigma draws (and fills its picking buffers, which clicks read) in the next animation frame.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      },
      state: () => state,
      visibleNodes: () => visibleNodes().map((n) => n.key),
      visibleEdges: () => visibleEdges().map((e) => e.id),
      nodeViewport: (key: string) => view.nodeViewport(key),
      edgeViewport: (id: string) => view.edgeViewport(id),
      positions: () => Object.fromEntries(view.positions()),
      layouts: () => view.layouts,
      sigma: () => view.sigma,
      loadSynthetic: (n: number, m: number) => loadSynthetic(n, m),
    },
  });
}

/** n nodes and m random edges (a fixed seed), laid out on a grid: for benchmarks only. */
async function loadSynthetic(n: number, m: number): Promise<void> {
  applied = null;
  view.graph.clear();
  let seed = 42;
  const rnd = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const types = GROUPS.map((g) => g.id);
  const side = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    const type = types[i % types.length] as string;
    const isOrg = type === type.toUpperCase();
    view.graph.addNode(`s${i}`, {
      x: (i % side) + rnd() * 0.8,
      y: Math.floor(i / side) + rnd() * 0.8,
      size: 3 + rnd() * 6,
      label: `Synthetic ${i}`,
      color: GROUPS[i % GROUPS.length]?.color,
      view: { key: `s${i}`, label: `Synthetic ${i}`, type: isOrg ? 'Organization' : type, kind: isOrg ? type : null },
    });
  }
  for (let j = 0; j < m; j++) {
    const a = Math.floor(rnd() * n);
    const b = Math.min(n - 1, Math.max(0, a + Math.floor((rnd() - 0.5) * side * 2)));
    if (a !== b)
      view.graph.addDirectedEdgeWithKey(`e${j}`, `s${a}`, `s${b}`, {
        kind: 'CONCERNS',
        size: 1,
        color: '#bbb',
        view: { id: `e${j}`, kind: 'CONCERNS', sourceKey: `s${a}`, targetKey: `s${b}`, role: null, stance: null },
      });
  }
  view.hidden.clear();
  view.pathNodes.clear();
  view.refresh();
  append(byId('status'), [` · synthetic graph of ${n} nodes`]);
}

start();
