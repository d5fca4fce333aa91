/**
 * A combobox (WAI-ARIA 1.2 pattern): names and aliases through entitiesByName (case, diacritics and
 * aliases ignored: "erdogan", "Kreml", "Moskau"), then events and disputes through full-text search.
 */
import { ApiError, gql } from './api.js';
import { h } from './dom.js';
import { SUGGEST } from './operations.js';

export interface Suggestion {
  key: string;
  label: string;
  detail: string;
}

interface SuggestAnswer {
  entitiesByName: { __typename: string; key: string; name: string; nameDe: string; kind: string; aliases: string[] }[];
  search: { fact: { key: string; label: string; typeName: string } }[];
}

export async function suggest(text: string, actorsOnly = false): Promise<Suggestion[]> {
  const data = await gql<SuggestAnswer>(SUGGEST, { name: text, words: text });
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const e of data.entitiesByName) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    const alias = e.aliases.find((a) => a.toLowerCase().includes(text.toLowerCase()));
    out.push({
      key: e.key,
      label: e.name,
      detail: `${e.kind.toLowerCase().replace('_', ' ')}${e.nameDe !== e.name ? ` · ${e.nameDe}` : ''}${alias && alias !== e.nameDe ? ` · “${alias}”` : ''}`,
    });
  }
  if (!actorsOnly) {
    for (const hit of data.search) {
      const f = hit.fact;
      // Entities came by name above; relations and claims are not nodes one can focus.
      if (seen.has(f.key) || (f.typeName !== 'Event' && f.typeName !== 'Dispute')) continue;
      seen.add(f.key);
      out.push({ key: f.key, label: f.label, detail: f.typeName.toLowerCase() });
    }
  }
  return out.slice(0, 12);
}

/** Wires an input to a listbox; `pick` gets the chosen key. */
export function autocomplete(
  input: HTMLInputElement,
  pick: (s: Suggestion) => void,
  onError: (e: ApiError) => void,
  actorsOnly = false,
): void {
  const list = h('ul', { role: 'listbox', id: `${input.id}-list`, class: 'suggestions', hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.autocomplete = 'off';
  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const show = () => {
    list.replaceChildren(
      ...items.map((s, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `${list.id}-${i}`,
            'aria-selected': i === active ? 'true' : 'false',
            'data-key': s.key,
          },
          h('span', { class: 'name' }, s.label),
          ' ',
          h('span', { class: 'detail' }, s.detail),
        ),
      ),
    );
    if (items.length === 0) list.append(h('li', { class: 'none', 'aria-disabled': 'true' }, 'No match'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
  };
  const choose = (i: number) => {
    const s = items[i];
    if (!s) return;
    input.value = s.label;
    input.dataset.key = s.key;
    close();
    pick(s);
  };
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest('li[role=option]');
    if (!li) return;
    e.preventDefault();
    choose(Number(li.id.slice(list.id.length + 1)));
  });
  input.addEventListener('input', () => {
    delete input.dataset.key;
    if (timer) clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const found = await suggest(text, actorsOnly);
        if (mine !== asked) return;
        items = found;
        active = items.length ? 0 : -1;
        show();
      } catch (err) {
        if (err instanceof ApiError) onError(err);
        else throw err;
      }
    }, 180);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = items.length;
      if (n === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      show();
    } else if (e.key === 'Enter') {
      if (active >= 0) {
        e.preventDefault();
        choose(active);
      }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
