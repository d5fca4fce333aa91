/**
 * A selection of a list's items or a look-up's node compiled into Cypher (graphql/compile.ts): a map
 * expression over the variable `x0` (the item's node) holding, by response key, the answers of the item's compiled
 * fields; its values are the parameter `$compiled`.
 */
export interface CompiledSelection {
  map: string;
  params: Record<string, unknown>;
}

/** A page item's (or a look-up's) node carries the answers of its compiled fields (by response key) under this symbol. */
export const COMPILED_FIELDS = Symbol('compiledFields');

/**
 * A copy of a record that carries the answers its query compiled (the record itself stays as the
 * node cache holds it: another selection of the same node must not read them).
 */
export function withAnswers<T extends object>(record: T, answers: unknown): T {
  const copy = { ...record };
  Object.defineProperty(copy, COMPILED_FIELDS, { value: answers });
  return copy;
}
