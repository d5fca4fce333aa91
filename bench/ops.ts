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
