/** The view, as it lives in the URL: a link restores what a colleague saw; back/forward walk through it. */

export const RELATION_KINDS = [
  'MEMBER_OF',
  'HOLDS_POSITION',
  'PART_OF',
  'PARTNER_OF',
  'BORDERS',
  'LOCATED_IN',
  'PARTY_TO',
  'HAS_SOURCE',
  'HAS_TARGET',
  'CONCERNS',
  'TAKES_PLACE_IN',
  'RESPONDS_TO',
  'IN_DISPUTE',
] as const;

export type Selection = { type: 'node'; key: string } | { type: 'edge'; id: string } | null;

export interface Pin {
  key: string;
  x: number;
  y: number;
}

export interface ViewState {
  focus: string | null;
  depth: number;
  /** Relationship kinds shown; all when empty. */
  kinds: string[];
  /** Nodes expanded in place, in the order they were expanded. */
  expanded: string[];
  hidden: string[];
  pinned: Pin[];
  selection: Selection;
  path: { from: string; to: string; maxHops: number } | null;
  dyad: { a: string; b: string } | null;
}

export const emptyState = (): ViewState => ({
  focus: null,
  depth: 1,
  kinds: [],
  expanded: [],
  hidden: [],
  pinned: [],
  selection: null,
  path: null,
  dyad: null,
});

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const clampInt = (v: string | null, min: number, max: number, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.focus = p.get('focus');
  s.depth = clampInt(p.get('depth'), 1, 3, 1);
  s.kinds = list(p.get('kinds')).filter((k) => (RELATION_KINDS as readonly string[]).includes(k));
  s.expanded = list(p.get('expand'));
  s.hidden = list(p.get('hide'));
  s.pinned = list(p.get('pin')).flatMap((entry) => {
    const [key = '', x, y] = entry.split(':');
    const px = Number(x);
    const py = Number(y);
    return key && Number.isFinite(px) && Number.isFinite(py) ? [{ key, x: px, y: py }] : [];
  });
  const sel = p.get('sel');
  if (sel?.startsWith('node:')) s.selection = { type: 'node', key: sel.slice(5) };
  else if (sel?.startsWith('edge:')) s.selection = { type: 'edge', id: sel.slice(5) };
  const path = list(p.get('path'));
  if (path.length >= 2 && path[0] && path[1]) {
    s.path = { from: path[0], to: path[1], maxHops: clampInt(path[2] ?? null, 1, 6, 4) };
  }
  const dyad = list(p.get('dyad'));
  if (dyad.length === 2 && dyad[0] && dyad[1]) s.dyad = { a: dyad[0], b: dyad[1] };
  return s;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function serializeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.focus) p.set('focus', s.focus);
  if (s.focus && s.depth !== 1) p.set('depth', String(s.depth));
  if (s.kinds.length > 0 && s.kinds.length < RELATION_KINDS.length) p.set('kinds', s.kinds.join(','));
  if (s.expanded.length) p.set('expand', s.expanded.join(','));
  if (s.hidden.length) p.set('hide', s.hidden.join(','));
  if (s.pinned.length) p.set('pin', s.pinned.map((q) => `${q.key}:${round(q.x)}:${round(q.y)}`).join(','));
  if (s.selection) p.set('sel', s.selection.type === 'node' ? `node:${s.selection.key}` : `edge:${s.selection.id}`);
  if (s.path) p.set('path', `${s.path.from},${s.path.to},${s.path.maxHops}`);
  if (s.dyad) p.set('dyad', `${s.dyad.a},${s.dyad.b}`);
  const text = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3E/g, '>');
  return text ? `?${text}` : '';
}

export const kindsOrAll = (s: ViewState) => (s.kinds.length ? s.kinds : [...RELATION_KINDS]);
