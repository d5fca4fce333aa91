import { type Direction, EDGE_TYPE_WORDS } from '../domain/edges.js';

/**
 * Relationship types cannot be parameters of a Cypher pattern, and a typed pattern is what lets Neo4j
 * read only those relationships of a dense node: the types are written into the text, from the
 * allow-list only.
 */
const EDGE_TYPES_ALLOWED = new Set<string>(EDGE_TYPE_WORDS);

/** `A|B` for allow-listed edge types (relationship types cannot be parameters of a pattern). */
export function edgeTypes(types: readonly string[]): string {
  if (types.length === 0) throw new Error('no edge type');
  for (const t of types) if (!EDGE_TYPES_ALLOWED.has(t)) throw new Error(`not an edge type: ${t}`);
  return types.join('|');
}

/** `-[r:A|B]->` for allow-listed edge types (the relationship in `variable`; '' for none). */
export function relationshipPattern(types: readonly string[], direction: Direction, variable = 'r'): string {
  const rel = `[${variable}:${edgeTypes(types)}]`;
  return direction === 'OUT' ? `-${rel}->` : direction === 'IN' ? `<-${rel}-` : `-${rel}-`;
}
