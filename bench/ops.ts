import { EXAMPLES } from '../src/graphiql/examples.js';

/** A GraphQL operation the benchmarks send. */
export interface Op {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Small, frequent reads besides the GraphiQL examples. */
export const SMALL_OPS: Op[] = [
  { name: 'EntitiesByNameErdogan', query: 'query EntitiesByNameErdogan { entitiesByName(name: "erdogan") { name } }' },
  { name: 'EntityTurkeyName', query: 'query EntityTurkeyName { entity(id: "turkey") { name } }' },
  { name: 'FirstTenEventKeys', query: 'query FirstTenEventKeys { events(first: 10) { edges { node { key } } } }' },
];

/** Every GraphiQL example operation plus the small ones: the read mix of the load benchmarks. */
export const READ_OPS: Op[] = [
  ...EXAMPLES.map((e) => ({ name: e.name, query: e.query, variables: e.variables })),
  ...SMALL_OPS,
];

/** An autocannon request for an operation (POST /graphql, JSON). */
export function toRequest(op: Op, headers: Record<string, string> = {}) {
  return {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
  };
}

/**
 * Aliases of Russia's relations, each hop back through the hubs, nested `depth` deep. With 4 and 4:
 * the 951-character request that once exhausted the heap (now refused for its cost).
 */
export function relationsBomb(depth: number, aliases: number): string {
  let inner = 'kind';
  for (let i = 0; i < depth; i++) inner = `kind to { ... on Actor { relations { ${inner} } } }`;
  const one = (i: number) => `a${i}: entity(id: "russia") { ... on Actor { relations { ${inner} } } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => one(i)).join(' ')} }`;
}
