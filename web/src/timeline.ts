/**
 * The events in view on a time axis, as exact as their dates: a day is a dot, a month or a year a bar
 * over the days it may mean; undated events are listed apart, never placed on a guessed day.
 */
import { h, svg } from './dom.js';
import type { ViewNode } from './graph-view.js';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function renderTimeline(container: HTMLElement, events: ViewNode[], select: (key: string) => void): void {
  container.replaceChildren();
  const dated = events.filter((e) => e.date?.earliest && e.date.precision !== 'UNKNOWN');
  const undated = events.filter((e) => !e.date?.earliest || e.date.precision === 'UNKNOWN');
  container.append(h('h2', { class: 'visually-hidden' }, 'Timeline of the events in view'));
  if (events.length === 0) {
    container.append(h('p', { class: 'muted' }, 'No events in view.'));
    return;
  }
  const width = Math.max(container.clientWidth - 24, 300);
  const rowH = 16;
  if (dated.length > 0) {
    const starts = dated.map((e) => ms(e.date?.earliest as string));
    const ends = dated.map((e) => ms((e.date?.latest ?? e.date?.earliest) as string) + DAY);
    let min = Math.min(...starts);
    let max = Math.max(...ends);
    const pad = Math.max((max - min) * 0.04, 2 * DAY);
    min -= pad;
    max += pad;
    const x = (t: number) => 8 + ((t - min) / (max - min)) * (width - 16);
    // Rows: an item goes on the first row where it does not overlap the one before.
    const rows: number[] = [];
    const sorted = dated
      .map((e) => ({
        e,
        s: ms(e.date?.earliest as string),
        t: ms((e.date?.latest ?? e.date?.earliest) as string) + DAY,
      }))
      .sort((a, b) => a.s - b.s || a.e.key.localeCompare(b.e.key));
    const items = sorted.map(({ e, s, t }) => {
      const x0 = x(s);
      const x1 = Math.max(x(t), x0 + 6);
      let row = rows.findIndex((end) => end < x0 - 4);
      if (row < 0) {
        row = rows.length;
        rows.push(0);
      }
      rows[row] = x1;
      return { e, x0, x1, row };
    });
    const height = 26 + rows.length * rowH;
    const chart = svg('svg', { width, height, role: 'img', 'aria-label': `${dated.length} dated events` });
    chart.append(svg('line', { x1: 8, x2: width - 8, y1: height - 18, y2: height - 18, class: 'axis' }));
    // Ticks every 1, 2, 3, 6 months or 1, 2, 5, 10 years: as fine as keeps their labels 64 px apart.
    const perMonth = x(min + 30.44 * 86_400_000) - x(min);
    const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => s * perMonth >= 64) ?? 240;
    const first = new Date(min);
    let month = Math.ceil((first.getUTCFullYear() * 12 + first.getUTCMonth() + 1) / step) * step;
    for (let m = Date.UTC(Math.floor(month / 12), month % 12, 1); m < max; ) {
      const label = new Date(m).toISOString().slice(0, step >= 12 ? 4 : 7);
      chart.append(
        svg('line', { x1: x(m), x2: x(m), y1: height - 22, y2: height - 14, class: 'tick' }),
        svg('text', { x: x(m) + 2, y: height - 4, class: 'tick-label' }, label),
      );
      month += step;
      m = Date.UTC(Math.floor(month / 12), month % 12, 1);
    }
    for (const { e, x0, x1, row } of items) {
      const y = 6 + row * rowH;
      const precise = e.date?.precision === 'DAY';
      const cls = `${precise ? 'day' : 'span'} ${(e.goldstein ?? 0) < 0 ? 'conflict' : 'coop'}`;
      const title = `${e.label} — ${e.date?.display} (${precise ? 'exact day' : `${e.date?.precision?.toLowerCase()}: any day ${e.date?.earliest} to ${e.date?.latest}`})`;
      const mark = precise
        ? svg('circle', { cx: x0 + 3, cy: y + 5, r: 5, class: cls })
        : svg('rect', { x: x0, y: y + 1, width: x1 - x0, height: 8, rx: 2, class: cls });
      const link = svg(
        'a',
        { href: '#', tabindex: 0, role: 'button', 'aria-label': title, 'data-event': e.key },
        svg('title', {}, title),
        mark,
      );
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        select(e.key);
      });
      link.addEventListener('keydown', (ev) => {
        if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
          ev.preventDefault();
          select(e.key);
        }
      });
      chart.append(link);
    }
    container.append(chart);
  }
  container.append(
    h(
      'p',
      { class: 'timeline-legend' },
      h('span', { class: 'key-day' }, '●'),
      ' exact day  ',
      h('span', { class: 'key-span' }, '▬'),
      ' month or year: the bar covers every day it may mean',
      undated.length
        ? [
            ` · ${undated.length} undated: `,
            undated.map((e, i) => [
              i ? ', ' : '',
              h(
                'button',
                { type: 'button', class: 'link', 'data-event': e.key, onclick: () => select(e.key) },
                e.label,
              ),
            ]),
          ]
        : null,
    ),
  );
}
