/** Variables longer than this (as JSON: an article sent to ingestArticle) are not kept by any cache of work per document. */
export const MAX_KEPT_VARIABLES = 2_000;

const ids = new WeakMap<object, number>();
let nextId = 0;

/**
 * The key of work that depends only on a node of a parsed document (the document, a field node: Yoga's
 * parser cache gives the same nodes for the same text) and the operation's variables: the node's
 * number and the variables as JSON; null when the variables are too long to keep.
 */
export function keptKey(node: object, variables: unknown): string | null {
  const json = JSON.stringify(variables ?? {});
  if (json.length > MAX_KEPT_VARIABLES) return null;
  let id = ids.get(node);
  if (id === undefined) {
    id = nextId++;
    ids.set(node, id);
  }
  return `${id}|${json}`;
}
