/**
 * A vocabulary: the words of one concept of the model (event types, stances, roles …), each with
 * what it means. Defined once in src/domain/; ingest validates against it, Cypher receives only its
 * words, and GraphQL shows it as an enum with these descriptions.
 */
export type Vocabulary<K extends string = string> = Readonly<Record<K, { readonly description: string }>>;

/** The words of a vocabulary, in the order they are defined, as a non-empty tuple (for zod). */
export function wordsOf<K extends string>(vocabulary: Vocabulary<K>): readonly [K, ...K[]] {
  const words = Object.keys(vocabulary) as K[];
  if (words.length === 0) throw new Error('a vocabulary needs at least one word');
  return words as [K, ...K[]];
}

/** The word written in any case ("demand", "Demand"), or undefined when it is not one. */
export function wordIn<K extends string>(vocabulary: Vocabulary<K>, value: string): K | undefined {
  const upper = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return Object.hasOwn(vocabulary, upper) ? (upper as K) : undefined;
}

/** The same keys, each value mapped (keeps the key type, unlike Object.fromEntries). */
export function mapWords<K extends string, V, R>(
  words: Readonly<Record<K, V>>,
  f: (value: V, key: K) => R,
): Record<K, R> {
  const out = {} as Record<K, R>;
  for (const key of Object.keys(words) as K[]) out[key] = f(words[key], key);
  return out;
}
