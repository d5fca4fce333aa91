export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
}

/**
 * Splits an article into sentences with character offsets (UTF-16, as JavaScript strings index).
 * Each non-empty line is a unit (headline, caption, paragraph); inside a line a sentence ends at
 * . ! ? (optionally followed by a closing quote) before white space and an upper-case letter or an
 * opening quote — but not after a number ("12. Januar") or a one-letter abbreviation.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const linePattern = /[^\n]+/g;
  for (const line of text.matchAll(linePattern)) {
    const lineStart = line.index ?? 0;
    const lineText = line[0];
    let start = 0;
    const boundary = /([.!?][“”"']?)(\s+)(?=[„"“A-ZÄÖÜ])/g;
    for (const m of lineText.matchAll(boundary)) {
      const end = (m.index ?? 0) + (m[1]?.length ?? 0);
      const before = lineText.slice(start, m.index);
      if (/(^|\s)(\d+|[A-Za-z])$/.test(before)) continue;
      pushSentence(sentences, lineText, lineStart, start, end);
      start = end + (m[2]?.length ?? 0);
    }
    pushSentence(sentences, lineText, lineStart, start, lineText.length);
  }
  return sentences;
}

function pushSentence(out: Sentence[], line: string, lineStart: number, from: number, to: number): void {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return;
  const start = lineStart + from + lead;
  out.push({ index: out.length, start, end: start + trimmed.length, text: trimmed });
}

/** Every start offset of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * The sentence that holds a span (the one where it starts), or else the first one after it. Sentences
 * come in text order and do not overlap, so that is the first sentence ending after the offset: a
 * binary search (an article of thousands of sentences has thousands of quotes and mentions).
 */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid]?.end ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return sentences[lo];
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = s.toLowerCase();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of character bigrams: 1 for equal strings, 0 for nothing in common. */
function similarity(a: Map<string, number>, b: Map<string, number>, sizeA: number, sizeB: number): number {
  let shared = 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/** The stretch of `text` most like `quote` (for "did you mean" in validation errors). */
export function nearestMatch(text: string, quote: string): { excerpt: string; start: number; score: number } {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const width = Math.max(1, (quote.match(/[\p{L}\p{N}]+/gu) ?? []).length);
  const target = bigrams(quote);
  const targetSize = Math.max(0, quote.length - 1);
  let best = { score: -1, from: 0, to: 0 };
  for (let i = 0; i < tokens.length; i++) {
    for (const w of [width - 1, width, width + 1]) {
      const last = tokens[i + Math.max(0, w - 1)];
      if (!last) continue;
      const from = tokens[i]?.index ?? 0;
      const to = (last.index ?? 0) + last[0].length;
      const candidate = text.slice(from, to);
      const score = similarity(bigrams(candidate), target, Math.max(0, candidate.length - 1), targetSize);
      if (score > best.score) best = { score, from, to };
    }
  }
  return { excerpt: text.slice(best.from, best.to), start: best.from, score: Math.max(0, best.score) };
}

export interface MentionTerm {
  entityId: string;
  term: string;
}

export interface Mention extends Span {
  entityId: string;
  text: string;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Every occurrence of every term, case-insensitively, on word boundaries ("-" counts as a boundary,
 * so "Nato" is found in "Nato-Partnern"), longest match first and without overlaps.
 */
export function findMentions(text: string, terms: MentionTerm[]): Mention[] {
  const lower = text.toLowerCase();
  const candidates: Mention[] = [];
  for (const { entityId, term } of terms) {
    const needle = term.toLowerCase();
    // Lower-casing keeps string length for the texts we handle (German, Turkish names); check to be sure.
    if (needle.length !== term.length || lower.length !== text.length) continue;
    for (const start of occurrences(lower, needle)) {
      const end = start + needle.length;
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
      candidates.push({ entityId, start, end, text: text.slice(start, end) });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Mention[] = [];
  // The characters taken mentions cover: a candidate overlaps one when it covers a taken character.
  const covered = new Uint8Array(text.length);
  for (const c of candidates) {
    if (covered.subarray(c.start, c.end).includes(1)) continue;
    covered.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
