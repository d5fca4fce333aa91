/** Two actors side by side: cooperation against conflict (Goldstein sums), events by date, shared disputes. */
import { h, svg } from './dom.js';

export interface DyadAnswer {
  a: { key: string; name: string };
  b: { key: string; name: string };
  goldsteinSum: number;
  cooperationSum: number;
  conflictSum: number;
  countedStatuses: string[];
  /** All linking events; `events` holds the first DYAD_EVENTS_SHOWN of them. */
  eventCount: number;
  /** All shared disputes; `disputes` holds the first DYAD_DISPUTES_SHOWN of them, by name. */
  disputeCount: number;
  events: {
    direction: string;
    cooperation: string;
    event: {
      key: string;
      label: string;
      status: string;
      goldstein: number;
      cameo: { code: string };
      date: { display: string; precision: string; earliest: string | null };
    };
  }[];
  disputes: {
    dispute: { key: string; name: string };
    a: { role: string | null; stance: string | null; from: { name?: string } | null }[];
    b: { role: string | null; stance: string | null; from: { name?: string } | null }[];
  }[];
}

/**
 * The events a comparison lists, by date: two hubs of a large graph share thousands (Russia and
 * Turkey at a million relationships: ~7,000), more than a panel can show or the cost limit lets one
 * query send. The sums and the count are always of all of them.
 */
export const DYAD_EVENTS_SHOWN = 200;
/** Two hubs of a large graph are parties to hundreds of the same disputes (1,380 at 1M). */
export const DYAD_DISPUTES_SHOWN = 50;

/** A list's heading: how many items there are, in what order, and how many of them are listed. */
export const listHeading = (what: string, order: string, shown: number, total: number) =>
  `${what} (${total}), ${order}${shown < total ? `: the first ${shown}` : ''}`;
/** The events table's heading. */
export const eventsHeading = (shown: number, total: number) => listHeading('Events', 'by date', shown, total);

const ARROWS: Record<string, string> = { A_TO_B: '→', B_TO_A: '←', MUTUAL: '↔', INVOLVES: '·' };

function barChart(d: DyadAnswer): SVGElement {
  const w = 300;
  const max = Math.max(d.cooperationSum, -d.conflictSum, 1);
  const bar = (label: string, value: number, y: number, cls: string) => [
    svg('text', { x: 0, y: y + 13, class: 'bar-label' }, label),
    svg('rect', { x: 110, y, width: Math.max(1, (Math.abs(value) / max) * (w - 170)), height: 18, class: cls }),
    svg('text', { x: 114 + (Math.abs(value) / max) * (w - 170), y: y + 13, class: 'bar-value' }, value.toFixed(1)),
  ];
  return svg(
    'svg',
    {
      width: w,
      height: 70,
      role: 'img',
      'aria-label': `Cooperation ${d.cooperationSum}, conflict ${d.conflictSum}, net ${d.goldsteinSum} (Goldstein sums)`,
    },
    ...bar('Cooperation', d.cooperationSum, 4, 'coop'),
    ...bar('Conflict', d.conflictSum, 26, 'conflict'),
    svg('text', { x: 0, y: 64, class: 'bar-label' }, `Net ${d.goldsteinSum.toFixed(1)}`),
  );
}

export function renderDyad(d: DyadAnswer, select: (key: string) => void): HTMLElement {
  const side = (rels: DyadAnswer['disputes'][number]['a']) =>
    rels
      .map((r) => `${r.from?.name ?? '?'}${r.role ? ` (${r.role})` : ''}: ${r.stance ?? 'stance not given'}`)
      .join('; ') || '—';
  return h(
    'section',
    { class: 'dyad', 'aria-labelledby': 'dyad-title' },
    h('h2', { id: 'dyad-title' }, `${d.a.name} and ${d.b.name}`),
    h(
      'p',
      { class: 'meta' },
      `Goldstein sums of ${d.countedStatuses.join(', ').toLowerCase() || 'no'} events (−10 conflict … +10 cooperation).`,
    ),
    barChart(d),
    h('h3', {}, eventsHeading(d.events.length, d.eventCount)),
    h(
      'table',
      { class: 'events' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'Event'),
          h('th', { scope: 'col' }, 'Dir.'),
          h('th', { scope: 'col' }, 'Goldstein'),
        ),
      ),
      h(
        'tbody',
        {},
        d.events.map((e) =>
          h(
            'tr',
            { class: e.cooperation === 'CONFLICT' ? 'conflict' : e.cooperation === 'COOPERATION' ? 'coop' : '' },
            h('td', {}, e.event.date.display),
            h(
              'td',
              {},
              h('button', { type: 'button', class: 'link', onclick: () => select(e.event.key) }, e.event.label),
              ` (${e.event.status.toLowerCase()}, CAMEO ${e.event.cameo.code})`,
            ),
            h('td', { title: e.direction }, ARROWS[e.direction] ?? e.direction),
            h('td', {}, e.event.goldstein.toFixed(1)),
          ),
        ),
      ),
    ),
    h('h3', {}, listHeading('Shared disputes', 'by name', d.disputes.length, d.disputeCount)),
    d.disputes.length
      ? h(
          'ul',
          {},
          d.disputes.map((x) =>
            h(
              'li',
              {},
              h('strong', {}, x.dispute.name),
              h('br'),
              `${d.a.name}: ${side(x.a)}`,
              h('br'),
              `${d.b.name}: ${side(x.b)}`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'None.'),
  );
}
