/** Claims and their evidence: who asserts what, and the quote marked inside the article's own paragraph. */
import { gql } from './api.js';
import { h } from './dom.js';
import { DOCUMENT_TEXT } from './operations.js';

export interface DocumentRef {
  key: string;
  title: string;
  publisher: string;
  url: string | null;
  published: { display: string };
}

export interface PanelEvidence {
  id: string;
  quote: string;
  gloss: string;
  start: number;
  end: number;
  sentenceIndex: number;
  document: DocumentRef | null;
}

export interface PanelClaim {
  key: string;
  statement: string;
  stance: string;
  retracted: boolean;
  retractedReason: string | null;
  retractedAt: string | null;
  corrections: number;
  correctedAt: string | null;
  assertedBy: { key: string; name: string } | null;
  evidence: PanelEvidence[];
}

const STANCES: Record<string, string> = {
  REPORTED: 'reported as fact',
  ATTRIBUTED: 'attributed to a source',
  DENIED: 'denied',
  FEARED: 'feared',
  EXPECTED: 'expected',
};

export async function documentText(key: string): Promise<string> {
  const data = await gql<{ document: { text: string } | null }>(DOCUMENT_TEXT, { id: key });
  return data.document?.text ?? '';
}

/** The paragraph (between blank lines) holding [start, end), with the quote marked. */
export function paragraphWithQuote(text: string, start: number, end: number, quote: string): HTMLElement {
  if (text.slice(start, end) !== quote) {
    return h('blockquote', { lang: 'de', class: 'quote' }, h('mark', {}, quote));
  }
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  let from = before < 0 ? 0 : before + 2;
  let to = after < 0 ? text.length : after;
  // A very long paragraph is cut around the quote.
  const pre = from < start - 600 ? '… ' : '';
  const post = to > end + 600 ? ' …' : '';
  if (pre) from = text.indexOf(' ', start - 600) + 1;
  if (post) to = text.lastIndexOf(' ', end + 600);
  return h(
    'blockquote',
    { lang: 'de', class: 'quote', cite: '' },
    pre,
    text.slice(from, start),
    h('mark', { 'data-start': start, 'data-end': end }, text.slice(start, end)),
    text.slice(end, to),
    post,
  );
}

export async function renderEvidence(ev: PanelEvidence): Promise<HTMLElement> {
  const doc = ev.document;
  const text = doc ? await documentText(doc.key) : '';
  const readHref = doc ? `/explore?doc=${encodeURIComponent(doc.key)}&at=${ev.start}-${ev.end}` : undefined;
  return h(
    'figure',
    { class: 'evidence' },
    text
      ? paragraphWithQuote(text, ev.start, ev.end, ev.quote)
      : h('blockquote', { lang: 'de', class: 'quote' }, h('mark', {}, ev.quote)),
    h(
      'figcaption',
      {},
      h('span', { class: 'gloss', lang: 'en' }, `“${ev.gloss}”`),
      ' ',
      doc
        ? h(
            'span',
            { class: 'source' },
            '— ',
            h(
              'a',
              { href: readHref, class: 'doc-link', 'data-doc': doc.key, 'data-start': ev.start, 'data-end': ev.end },
              doc.title,
            ),
            `, ${doc.publisher}, ${doc.published.display}, sentence ${ev.sentenceIndex}, characters ${ev.start}–${ev.end}`,
            doc.url
              ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')]
              : null,
          )
        : null,
    ),
  );
}

export async function renderClaims(claims: PanelClaim[]): Promise<HTMLElement> {
  if (claims.length === 0) return h('p', { class: 'muted' }, 'No claim supports this.');
  const items = await Promise.all(
    claims.map(async (c) =>
      h(
        'li',
        { class: c.retracted ? 'claim retracted' : 'claim', 'data-claim': c.key },
        h('p', { class: 'statement' }, c.statement),
        h(
          'p',
          { class: 'meta' },
          'Asserted by ',
          h('strong', {}, c.assertedBy?.name ?? 'unknown'),
          ` · ${STANCES[c.stance] ?? c.stance}`,
          c.retracted
            ? h('span', { class: 'badge bad' }, ` · retracted${c.retractedReason ? `: ${c.retractedReason}` : ''}`)
            : null,
          c.corrections > 0 ? h('span', { class: 'badge' }, ` · corrected ${c.corrections}×`) : null,
        ),
        ...(await Promise.all(c.evidence.map(renderEvidence))),
      ),
    ),
  );
  return h('ol', { class: 'claims' }, items);
}

/** The whole article, the passage marked and scrolled to. */
export async function renderDocument(key: string, start: number, end: number): Promise<HTMLElement> {
  const data = await gql<{ document: (DocumentRef & { text: string }) | null }>(DOCUMENT_TEXT, { id: key });
  const d = data.document;
  if (!d) return h('p', {}, `No document "${key}".`);
  const valid = start >= 0 && end <= d.text.length && start < end;
  const body = valid
    ? [d.text.slice(0, start), h('mark', { id: 'doc-mark' }, d.text.slice(start, end)), d.text.slice(end)]
    : [d.text];
  return h(
    'article',
    { class: 'document' },
    h('h3', {}, d.title),
    h(
      'p',
      { class: 'meta' },
      `${d.publisher}, ${d.published.display}`,
      d.url ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null,
    ),
    h('div', { class: 'doc-text', lang: 'de' }, ...body),
  );
}
