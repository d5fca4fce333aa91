/** Quotation marks, which searchKey drops (a word in quotes is the word). */
export const DROPPED_QUOTES = ['„', '“', '”', '"', '«', '»', '‚', '‘', '’', "'"] as const;
const QUOTES = new RegExp(`[${DROPPED_QUOTES.join('')}]`, 'g');

/**
 * Lower case, without diacritics, ß as ss, dotless ı as i, dashes and quotes unified, spaces collapsed:
 * "Erdoğan" and "erdogan", "Çavuşoğlu" and "Cavusoglu" give the same key.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(QUOTES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A Java regular expression (Cypher's `=~`, whole text) for "one of these folded words stands as a
 * whole word", over a text folded as searchKey folds but for its combining marks (Cypher has no
 * replace by pattern): NFKD, lower case, ß as ss, ı as i, quotes dropped. A mark is passed over as
 * searchKey drops it. Words with anything but letters and digits never stand whole (searchKey's
 * words are split at such characters); null when no word can.
 */
export function wholeWordPattern(foldedWords: readonly string[]): string | null {
  const words = foldedWords.filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  if (words.length === 0) return null;
  const alternatives = words.map((w) => [...w].join('\\p{M}*')).join('|');
  return `(?s).*(?<![\\p{L}\\p{N}]\\p{M}{0,16})(?:${alternatives})(?!\\p{M}*[\\p{L}\\p{N}]).*`;
}

/**
 * What text the API stores. Control characters (NUL, escape, bell …; tab, line feed and carriage
 * return are fine) and the bidi embedding, override and isolate characters (U+202A–U+202E,
 * U+2066–U+2069), which make text display in another order than it is stored ("evil‮txt.exe"),
 * are refused, never stripped: a stored value is what was sent, or nothing is stored.
 */
/** Control characters (U+0000–U+001F, U+007F–U+009F) but tab, line feed and carriage return. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** White space, format and other default-ignorable characters (zero-width space, joiners, BOM, fillers), blank braille. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Why a text may not be stored (control or bidi characters), or null. */
export function unsafeCharacters(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `contains the control character U+${hex(control[0])}`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `contains the bidi control character U+${hex(bidi[0])}`;
  return null;
}

/** True when nothing of the text would be visible. */
export const isBlank = (value: string) => value.replace(INVISIBLE, '') === '';

const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/** Every string in a parsed YAML/JSON value with its path, for checking each one. */
export function* stringsIn(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsIn(v, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, [...path, k]);
}
