/**
 * A representative set of GraphQL operations for the query-plan check (test/integration/query-plans.test.ts,
 * bench/plans.ts): every root field of Query and every field of the schema that leads to another
 * object (an edge or a list) at least once — `uncoveredFields` says which are missing — with filters,
 * every order, `after` cursors, traversals, search, graphStats and node look-ups. They ask by key
 * ("turkey", "russia", "putin", "nato"), which the article and the synthetic corpus share; the ids
 * of an event, dispute, claim, evidence and document are found by a first operation.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { DEFAULT_LIMITS, type Limits } from '../../src/config.js';
import { EXAMPLES } from '../../src/graphiql/examples.js';

type J = any;

/**
 * The app's limits for these operations: each asks for many fields at once, more than the cost a
 * client may spend (the cost model is not what this check is about); and a large corpus takes longer.
 */
export const PLAN_LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  maxCost: 100_000_000,
  maxAliases: 100,
  operationTimeoutMs: 300_000,
};

/** A Run over an app's fetch (Yoga), failing on any error in an answer. */
export function fetchRunner(app: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }): Run {
  return async (op) => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
    return body.data;
  };
}

export interface PlanOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Runs one operation and gives its data; throws when the answer has errors. */
export type Run = (op: PlanOperation) => Promise<J>;

const RELATION = `fragment Rel on Relation {
  key kind role stance from { key } to { key } claims { key } evidence { key }
}`;

const ACTOR_EDGES = `fragment ActorEdges on Actor {
  assertedClaims { key } disputes { ...Rel }
  events { key } asSource: events(asTarget: false, includeAffiliates: false) { key }
  asTarget: events(asSource: false) { key }
}`;

const ENTITY_EDGES = `fragment EntityEdges on Entity {
  key claims { key } mentions { start document { key } entity { key } }
  relations { ...Rel } outgoing: relations(direction: OUT, kinds: [MEMBER_OF, PARTNER_OF]) { key }
  incoming: relations(direction: IN) { key }
  sources { documentKey document { key } }
  ...ActorEdges
  ... on State { bodies { key } borders { key } memberships { key } officeHolders { key } partners { key } }
  ... on Person { positions { ...Rel } }
  ... on Organization { memberships { key } partOf { key } }
  ... on Alliance { members { ...Rel } }
  ... on Coalition { memberships { key } partners { key } }
  ... on ArmedGroup { locatedIn { key } }
  ... on Place { partOf { key } }
}`;

const EVENT_EDGES = `fragment EventEdges on Event {
  key cameo { code } date { value precision }
  claims { key } reasonClaims: claims(aspect: REASON) { key }
  concerns { key } disputes { key } evidence { key claim { key } document { key } }
  locations { key } partOf { key } parts { key } reasons { key } respondsTo { key } responses { key }
  sources { key } targets { key }
}`;

const CLAIM_EDGES = `fragment ClaimEdges on Claim {
  key about { key } assertedBy { key } contradicts { key } document { key }
  evidence { key claim { key } document { key } }
}`;

const GRAPH = `fragment GraphParts on Graph {
  nodes { key node { key } }
  edges { id kind relation { ...Rel } claims { key } evidence { key } }
}`;

const PATH = `fragment PathParts on Path {
  nodes { key node { key } }
  edges { id kind relation { key } claims { key } evidence { key } }
}`;

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key } }';

/** The orders and filters of the lists, each asked for a first page and then the page after it. */
const LISTS: { name: string; field: string; args: string }[] = [
  { name: 'actors by name', field: 'actors', args: '' },
  { name: 'actors by degree', field: 'actors', args: 'orderBy: DEGREE' },
  { name: 'actors by claims', field: 'actors', args: 'orderBy: CLAIMS' },
  { name: 'entities by name', field: 'entities', args: '' },
  { name: 'entities of kinds', field: 'entities', args: 'filter: { kinds: [STATE, PERSON] }' },
  { name: 'entities party to', field: 'entities', args: 'filter: { party: $dispute }' },
  { name: 'entities named', field: 'entities', args: 'filter: { nameContains: "ru" }, orderBy: DEGREE' },
  { name: 'events by date', field: 'events', args: '' },
  { name: 'events newest', field: 'events', args: 'orderBy: DATE_DESC' },
  { name: 'events of an actor', field: 'events', args: 'filter: { actor: "turkey" }' },
  { name: 'events of an actor alone', field: 'events', args: 'filter: { actor: "russia", includeAffiliates: false }' },
  {
    name: 'events in a range',
    field: 'events',
    args: 'filter: { from: "2000-01-01", to: "2030-12-31", types: [MEETING, STATEMENT, ATTACK], statuses: [OCCURRED] }',
  },
  { name: 'events of a dispute', field: 'events', args: 'filter: { dispute: $dispute }, orderBy: DATE_DESC' },
  { name: 'disputes by name', field: 'disputes', args: '' },
  { name: 'disputes by parties', field: 'disputes', args: 'orderBy: PARTIES' },
  { name: 'disputes of a party', field: 'disputes', args: 'party: "turkey"' },
  { name: 'documents newest', field: 'documents', args: '' },
  { name: 'documents oldest', field: 'documents', args: 'orderBy: PUBLISHED' },
  { name: 'claims', field: 'claims', args: '' },
  { name: 'claims by stance', field: 'claims', args: 'filter: { stances: [REPORTED, ATTRIBUTED], aspects: [FACT] }' },
  { name: 'claims of a document', field: 'claims', args: 'filter: { document: $document }' },
  { name: 'claims asserted by', field: 'claims', args: 'filter: { assertedBy: "turkey" }' },
];

/** All the lists in one operation (aliases l0, l1 …), each after its cursor $a<i> when `after` has one. */
const listsQuery = (after?: (string | null)[]) => {
  const fields = LISTS.flatMap((l, i) => {
    if (after && !after[i]) return [];
    const args = [l.args, 'first: 3', after ? `after: $a${i}` : ''].filter(Boolean).join(', ');
    return [`l${i}: ${l.field}(${args}) { ${PAGE} }`];
  });
  const text = fields.join('\n');
  const vars = [
    ...['dispute', 'document'].filter((v) => text.includes(`$${v}`)).map((v) => `$${v}: ID!`),
    ...LISTS.flatMap((_, i) => (after?.[i] ? [`$a${i}: String!`] : [])),
  ];
  return `query Lists(${vars.join(', ')}) { ${text} }`;
};

/** Runs the operations in order (later ones use ids and cursors the earlier ones found); returns them. */
/** The plan operations (run once with `run`, see runPlanOperations) and every GraphiQL example. */
export async function everyOperation(run: Run): Promise<PlanOperation[]> {
  return [
    ...(await runPlanOperations(run)),
    ...EXAMPLES.map((e, i) => ({ name: `example ${i}`, query: e.query, variables: e.variables })),
  ];
}

export async function runPlanOperations(run: Run): Promise<PlanOperation[]> {
  const done: PlanOperation[] = [];
  const go = async (op: PlanOperation) => {
    done.push(op);
    return run(op);
  };

  const ids = await go({
    name: 'ids',
    query: `{
      turkey: entity(id: "turkey") { id }
      events(first: 1, filter: { actor: "turkey" }) { edges { node { id key } } }
      disputes(first: 1) { edges { node { id key } } }
      claims(first: 1) { edges { node { id key evidence { id key } document { id key } } } }
    }`,
  });
  const event = ids.events.edges[0].node;
  const dispute = ids.disputes.edges[0].node;
  const claim = ids.claims.edges[0].node;
  const evidence = claim.evidence[0];
  const document = claim.document;

  await go({
    name: 'look-ups',
    query: `query LookUps($event: ID!, $dispute: ID!, $claim: ID!, $document: ID!, $evidence: ID!, $turkey: ID!, $eventKey: ID!) {
      actor(id: "turkey") { key } entity(id: "nato") { key } event(id: $eventKey) { key }
      dispute(id: $dispute) { key } claim(id: $claim) { key } document(id: $document) { key }
      n1: node(id: $turkey) { id } n2: node(id: $event) { id } n3: node(id: $evidence) { id ... on Evidence { quote } }
    }`,
    variables: {
      event: event.id,
      eventKey: event.key,
      dispute: dispute.key,
      claim: claim.key,
      document: document.key,
      evidence: evidence.id,
      turkey: ids.turkey.id,
    },
  });

  await go({
    name: 'entity edges',
    query: `query EntityEdges { entity(id: "turkey") { ...EntityEdges }
      entities(first: 20, filter: { kinds: [STATE, PERSON, ORGANIZATION, ALLIANCE, COALITION, ARMED_GROUP, REGION, MATERIEL] }) {
        edges { node { ...EntityEdges } } } }
      ${ENTITY_EDGES} ${ACTOR_EDGES} ${RELATION}`,
  });
  await go({
    name: 'event edges',
    query: `query EventEdges($event: ID!) { event(id: $event) { ...EventEdges } events(first: 10) { edges { node { ...EventEdges } } } }
      ${EVENT_EDGES}`,
    variables: { event: event.key },
  });
  await go({
    name: 'dispute, document and claim edges',
    query: `query Others($dispute: ID!, $document: ID!, $evidence: ID!) {
      dispute(id: $dispute) { key claims { key } concerns { key } events { key } parties { ...Rel } }
      disputes(first: 5) { edges { node { key parties { key } events { key } } } }
      document(id: $document) { key published { value } claims { key } mentions { start entity { key } document { key } } sentences { index } }
      documents(first: 2) { edges { node { key claims { ...ClaimEdges } } } }
      claims(first: 10) { edges { node { ...ClaimEdges } } }
      node(id: $evidence) { ... on Evidence { claim { ...ClaimEdges } document { key } } }
    }
    ${RELATION} ${CLAIM_EDGES}`,
    variables: { dispute: dispute.key, document: document.key, evidence: evidence.id },
  });

  const vars = { dispute: dispute.key, document: document.key };
  const firstPages = await go({ name: 'lists, first pages', query: listsQuery(), variables: vars });
  const cursors = LISTS.map((_, i): string | null => firstPages[`l${i}`].pageInfo.endCursor ?? null);
  await go({
    name: 'lists, next pages',
    query: listsQuery(cursors),
    variables: { ...vars, ...Object.fromEntries(cursors.flatMap((c, i) => (c ? [[`a${i}`, c]] : []))) },
  });

  await go({
    name: 'neighbourhoods',
    query: `{ d1: neighborhood(id: "turkey") { ...GraphParts }
      d2: neighborhood(id: "russia", depth: 2, limit: 50) { nodes { key } }
      d3: neighborhood(id: "nato", depth: 3, kinds: [MEMBER_OF, PARTNER_OF, PARTY_TO], limit: 30) { nodes { key } } }
      ${GRAPH} ${RELATION}`,
  });
  await go({
    name: 'neighbourhood of an event',
    query: 'query N($event: ID!) { neighborhood(id: $event, depth: 2) { nodes { key } edges { id } } }',
    variables: { event: event.key },
  });
  await go({
    name: 'shortest paths',
    query: `{ p1: shortestPath(from: "putin", to: "nato") { ...PathParts }
      p2: shortestPath(from: "turkey", to: "russia", maxHops: 6, kinds: [MEMBER_OF, PARTNER_OF, PARTY_TO, HAS_SOURCE, HAS_TARGET]) { nodes { key } } }
      ${PATH}`,
  });
  await go({
    name: 'dyads',
    query: `{ d1: dyad(a: "russia", b: "turkey") {
        a { key } b { key } sideA { key } sideB { key } goldsteinSum
        events { event { key } } conflict { event { key } } cooperation { event { key } }
        relations { ...Rel } disputes { dispute { key } a { key } b { key } } }
      d2: dyad(a: "turkey", b: "nato", includeAffiliates: false, includeUnrealized: true) { events { event { key } } } }
      ${RELATION}`,
  });
  await go({
    name: 'timelines',
    query: `query T($dispute: ID!) { t1: timeline(filter: { actor: "turkey" }) { earliest latest dated { key } undated { key } }
      t2: timeline(filter: { dispute: $dispute }, limit: 50) { dated { key } }
      t3: timeline(limit: 100) { dated { key } undated { key } } }`,
    variables: { dispute: dispute.key },
  });
  await go({
    name: 'search',
    query: `{ search(query: "Drohnen Türkei", first: 10) { score exact fact { key } node { key } evidence { key } }
      entitiesByName(name: "erdogan", first: 5) { key } e2: entitiesByName(name: "tur") { key } }`,
  });
  await go({
    name: 'graph stats and counts',
    query: `{ graphStats { labels { name count } relationshipTypes { name count } }
      actors { totalCount } entities { totalCount } events { totalCount } disputes { totalCount }
      documents { totalCount } claims { totalCount } }`,
  });
  return done;
}

let schema: GraphQLSchema | undefined;
const loadSchema = () => {
  schema ??= buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
  return schema;
};

/**
 * The fields of the schema that lead to objects (edges, lists, connections: `Type.field`) that none
 * of the operations selects. A field selected on an interface counts for the types that implement it.
 */
export function uncoveredFields(ops: readonly PlanOperation[]): string[] {
  const s = loadSchema();
  const selected = new Set<string>();
  for (const op of ops) {
    const info = new TypeInfo(s);
    visit(
      parse(op.query),
      visitWithTypeInfo(info, {
        Field(node) {
          const parent = info.getParentType();
          if (parent) selected.add(`${parent.name}.${node.name.value}`);
        },
      }),
    );
  }
  // The object types a query can reach (not those only mutations return).
  const reachable = new Set<string>();
  const queue: GraphQLNamedType[] = [s.getQueryType() as GraphQLObjectType];
  for (let t = queue.pop(); t; t = queue.pop()) {
    if (reachable.has(t.name)) continue;
    reachable.add(t.name);
    if (isObjectType(t) || isInterfaceType(t))
      for (const f of Object.values(t.getFields())) queue.push(getNamedType(f.type));
    if (isInterfaceType(t) || isUnionType(t)) queue.push(...s.getPossibleTypes(t));
  }
  const missing: string[] = [];
  for (const t of Object.values(s.getTypeMap())) {
    if (!reachable.has(t.name) || !isObjectType(t)) continue;
    for (const f of Object.values(t.getFields())) {
      if (!isCompositeType(getNamedType(f.type))) continue;
      const owners = [t, ...t.getInterfaces().filter((i) => isInterfaceType(i) && f.name in i.getFields())];
      if (!owners.some((o) => selected.has(`${o.name}.${f.name}`))) missing.push(`${t.name}.${f.name}`);
    }
  }
  return missing;
}
