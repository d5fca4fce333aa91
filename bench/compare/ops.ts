/**
 * The operations of the comparison, each as the three systems ask for it: (P) this server's GraphQL
 * API (schema/schema.graphql), (N) the schema @neo4j/graphql generates from
 * bench/peers/neo4j-graphql/type-defs.ts, (F) the floor's hand-written Cypher (bench/peers/cypher.ts).
 * Each answer is brought to one canonical shape (same names, lists in a defined order) so that the
 * three can be compared exactly.
 */
import { type Database, int } from '../../src/db/driver.js';
import { searchKey } from '../../src/domain/text.js';
import { luceneTerms } from '../../src/repositories/search.js';
import { CLAIM_KEY_AT } from '../peers/cypher.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of three systems, checked by comparing them
type J = any;

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface CompareOp {
  name: string;
  title: string;
  p: GraphqlRequest;
  n: GraphqlRequest;
  f: { op: string; params: Record<string, unknown> };
  /** Canonical shape of each system's `data`. */
  canon: { p(d: J): unknown; n(d: J): unknown; f(d: J): unknown };
}

export interface OpContext {
  /** The deep page starts after the claim at this index of the list (90% of the claims). */
  deepOffset: number;
  /** That claim's place in the claims' order, [documentId, position, id] (the API's cursor keys). */
  deepAfter: [string, number, string];
}

/** Sorts a list by the JSON text of its items: a canonical order for lists whose order does not matter. */
const bag = <T>(items: T[]): T[] =>
  items
    .map((x) => [JSON.stringify(x), x] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, x]) => x);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** The API's cursor (src/graphql/pagination.ts): the order's name and the item's sort keys, base64url JSON. */
const cursor = (order: string, keys: unknown[]) => Buffer.from(JSON.stringify([order, ...keys])).toString('base64url');

const memberships = (name: string, list: { to: string; toName: string; claims: J[] }[]) => ({
  name,
  memberships: bag(
    list.map((m) => ({
      to: m.to,
      toName: m.toName,
      claims: bag(
        m.claims.map((c: J) => ({
          statement: c.statement,
          stance: c.stance,
          assertedBy: c.assertedBy,
          evidence: bag(c.evidence.map((e: J) => ({ quote: e.quote, gloss: e.gloss, start: e.start, end: e.end }))),
        })),
      ),
    })),
  ),
});

const named = (xs: J[]) => bag(xs.map((x: J) => ({ key: x.key ?? x.id, name: x.name })));
const eventRow = (e: J, key: string, value: string | null, precision: string) => ({
  key,
  label: e.label,
  value,
  precision,
  sources: named(e.sources),
  targets: named(e.targets),
});

const claimRow = (c: J, key: string) => ({
  key,
  statement: c.statement,
  stance: c.stance,
  assertedBy: c.assertedBy ? { key: c.assertedBy.key ?? c.assertedBy.id, name: c.assertedBy.name } : null,
  evidence: bag(c.evidence.map((e: J) => ({ quote: e.quote, start: e.start, end: e.end }))),
});

const graph = (g: J) =>
  g && {
    truncated: g.truncated,
    nodes: g.nodes.map((n: J) => ({ key: n.key, label: n.label })),
    edges: bag(g.edges.map((e: J) => `${e.kind}:${e.from ?? e.sourceKey}->${e.to ?? e.targetKey}`)),
  };

/** A shortest path may be any of several of the same length: compare what every one of them has. */
const path = (p: J) => {
  if (!p) return null;
  const keys: string[] = p.nodes.map((n: J) => n.key);
  const chained = p.edges.every((e: J, i: number) => {
    const [from, to] = [e.from ?? e.sourceKey, e.to ?? e.targetKey];
    const [a, b] = [keys[i], keys[i + 1]];
    return (from === a && to === b) || (from === b && to === a);
  });
  return {
    length: p.length,
    from: keys[0],
    to: keys.at(-1),
    nodes: keys.length,
    chained,
    everyEdgeHasEvidence: p.edges.every((e: J) => e.evidence.length > 0),
  };
};

const hits = (list: { key: string; score: number; exact: boolean; matches: number; quote: string | null }[]) =>
  list.map((h) => ({ key: h.key, score: round(h.score, 4), exact: h.exact, matches: h.matches, quote: h.quote }));

type DyadEventKey = { key: string; goldstein: number; direction: string };
const dyad = (d: J, events: DyadEventKey[]) =>
  d && {
    sideA: [...d.sideA].sort(),
    sideB: [...d.sideB].sort(),
    goldsteinSum: round(d.goldsteinSum),
    cooperationSum: round(d.cooperationSum),
    conflictSum: round(d.conflictSum),
    events: bag(events),
  };

/** P's dyad with its sides as keys; its events (pDyadEvents) and N's and F's (dyadEvents) as DyadEventKey. */
const pDyad = (d: J) => ({ ...d, sideA: d.sideA.map((x: J) => x.key), sideB: d.sideB.map((x: J) => x.key) });
const pDyadEvents = (d: J): DyadEventKey[] =>
  d.events.map((e: J) => ({ key: e.event.key, goldstein: e.event.goldstein, direction: e.direction }));
const dyadEvents = (d: J): DyadEventKey[] =>
  d.events.map((e: J) => ({ key: e.key, goldstein: e.goldstein, direction: e.direction }));

/** A dyad's counts and sums with the first of its events, in their order. */
const dyadFirst = (d: J, events: DyadEventKey[]) => d && { ...dyad(d, []), eventCount: d.eventCount, events };

const timeline = (
  events: { key: string; label: string; value: string | null; precision: string; sortDate: string | null }[],
) => {
  const dated = events.filter((e) => e.sortDate !== null);
  return {
    earliest: dated[0]?.sortDate ?? null,
    latest: dated.reduce<string | null>((m, e) => (e.sortDate && (!m || e.sortDate > m) ? e.sortDate : m), null),
    dated: dated.map((e) => ({ key: e.key, label: e.label, value: e.value, precision: e.precision })),
    undated: events.filter((e) => e.sortDate === null).map((e) => ({ key: e.key, label: e.label })),
  };
};

const nested = (disputes: J[]) =>
  disputes.map((d) => ({
    key: d.key ?? d.id,
    name: d.name,
    events: bag(
      d.events.map((e: J) => ({
        key: e.key ?? e.id,
        label: e.label,
        claims: bag(
          e.claims.map((c: J) => ({
            statement: c.statement,
            evidence: bag(c.evidence.map((v: J) => (typeof v === 'string' ? v : v.quote))),
          })),
        ),
      })),
    ),
  }));

/** The claim list's offset where the deep page starts: 90% of the claims. */
export const deepOffsetOf = (claimCount: number) => Math.max(0, Math.floor(claimCount * 0.9));

/**
 * A @neo4j/graphql filter for an entity that is `id` or acts for it (HOLDS_POSITION / PART_OF, up to
 * two hops): the API's affiliates, which it includes by default wherever an actor is asked about.
 */
const affiliateOf = (id: string) => {
  const is = { id: { eq: id } };
  const oneHop = [{ positions: { some: is } }, { partOf: { some: is } }];
  return {
    OR: [is, ...oneHop, { positions: { some: { OR: oneHop } } }, { partOf: { some: { OR: oneHop } } }],
  };
};

/** Where the deep page starts: the claim at 90% of the claims' order, with its sort keys. */
export async function opContext(db: Database): Promise<OpContext> {
  const [claims] = await db.read<{ n: number }>('bench-claims', 'MATCH (c:Claim) RETURN count(c) AS n');
  const deepOffset = deepOffsetOf(claims?.n ?? 0);
  const [at] = await db.read<{ result: [string, number, string] }>('bench-claim-key', CLAIM_KEY_AT, {
    offset: int(deepOffset),
  });
  if (!at) throw new Error(`no claim at offset ${deepOffset}`);
  return { deepOffset, deepAfter: at.result };
}

export function compareOps(ctx: OpContext): CompareOp[] {
  const { deepOffset } = ctx;
  const lucene = luceneTerms('Drohnen');
  const search = {
    query: lucene,
    first: 20,
    hits: 80,
    wholeWord: `(?s).*(?<![\\p{L}\\p{N}])(${searchKey('Drohnen')})(?![\\p{L}\\p{N}]).*`,
  };
  const turkeysSide = affiliateOf('turkey');
  return [
    {
      name: 'memberships',
      title: 'Turkey + memberships (claims, evidence)',
      p: {
        query: `query Memberships { entity(id: "turkey") { name ... on State { memberships {
          to { ... on Entity { key name } }
          claims { statement stance assertedBy { name } evidence { quote gloss start end } } } } } }`,
      },
      n: {
        query: `query Memberships { entities(where: { id: { eq: "turkey" } }) { name memberships { id name }
          subjectOf(where: { relationType: { eq: "MEMBER_OF" } }) {
            statement stance assertedBy { name } evidence { quote gloss start end } object { id } } } }`,
      },
      f: { op: 'memberships', params: { id: 'turkey' } },
      canon: {
        p: (d) =>
          memberships(
            d.entity.name,
            d.entity.memberships.map((m: J) => ({
              to: m.to.key,
              toName: m.to.name,
              claims: m.claims.map((c: J) => ({ ...c, assertedBy: c.assertedBy?.name ?? null })),
            })),
          ),
        n: (d) => {
          const e = d.entities[0];
          return memberships(
            e.name,
            e.memberships.map((m: J) => ({
              to: m.id,
              toName: m.name,
              claims: e.subjectOf
                .filter((c: J) => c.object?.id === m.id)
                .map((c: J) => ({ ...c, assertedBy: c.assertedBy?.name ?? null })),
            })),
          );
        },
        f: (d) => memberships(d.name, d.memberships),
      },
    },
    {
      name: 'events',
      title: '20 events + source/target names',
      p: {
        query: `query Events { events(first: 20) { edges { node {
          key label date { value precision } sources { key name } targets { key name } } } } }`,
      },
      n: {
        query: `query Events { eventsConnection(first: 20, sort: [{ orderDate: ASC }, { orderRank: ASC }, { id: ASC }]) { edges { node {
          id label dateValue datePrecision sources { id name } targets { id name } } } } }`,
      },
      f: { op: 'events', params: {} },
      canon: {
        p: (d) => d.events.edges.map(({ node: e }: J) => eventRow(e, e.key, e.date.value, e.date.precision)),
        n: (d) => d.eventsConnection.edges.map(({ node: e }: J) => eventRow(e, e.id, e.dateValue, e.datePrecision)),
        f: (d) => d.map((e: J) => eventRow(e, e.key, e.value, e.precision)),
      },
    },
    {
      name: 'claims',
      title: '50 claims + totalCount',
      p: {
        query: `query Claims { claims(first: 50) { totalCount edges { node {
          key statement stance assertedBy { key name } evidence { quote start end } } } } }`,
      },
      n: {
        query: `query Claims { claimsConnection(first: 50, sort: [{ documentId: ASC }, { position: ASC }, { id: ASC }]) { totalCount
          edges { node { id statement stance assertedBy { id name } evidence { quote start end } } } } }`,
      },
      f: { op: 'claims', params: {} },
      canon: {
        p: (d) => ({ total: d.claims.totalCount, claims: d.claims.edges.map(({ node: c }: J) => claimRow(c, c.key)) }),
        n: (d) => ({
          total: d.claimsConnection.totalCount,
          claims: d.claimsConnection.edges.map(({ node: c }: J) => claimRow(c, c.id)),
        }),
        f: (d) => ({ total: d.total, claims: d.claims.map((c: J) => claimRow(c, c.key)) }),
      },
    },
    {
      name: 'neighborhood',
      title: 'neighbourhood depth 2 of Russia (limit 50)',
      p: {
        query: `query Neighborhood { neighborhood(id: "russia", depth: 2, limit: 50) {
          truncated nodes { key label } edges { kind sourceKey targetKey } } }`,
      },
      n: {
        query: `query Neighborhood { neighborhood(id: "russia", limit: 50) {
          truncated nodes { key label } edges { kind from to } } }`,
      },
      f: { op: 'neighborhood', params: { id: 'russia', limit: 50 } },
      canon: { p: (d) => graph(d.neighborhood), n: (d) => graph(d.neighborhood), f: graph },
    },
    {
      name: 'path',
      title: 'shortest path Putin → NATO (edge evidence)',
      p: {
        query: `query Path { shortestPath(from: "putin", to: "nato", maxHops: 4) {
          length nodes { key label } edges { kind sourceKey targetKey evidence { quote } } } }`,
      },
      n: {
        query: `query Path { shortestPath(from: "putin", to: "nato") {
          length nodes { key label } edges { kind from to evidence } } }`,
      },
      f: { op: 'path', params: { from: 'putin', to: 'nato' } },
      canon: { p: (d) => path(d.shortestPath), n: (d) => path(d.shortestPath), f: path },
    },
    {
      name: 'search',
      title: 'search "Drohnen" (20 hits)',
      p: {
        query: `query Search { search(query: "Drohnen", first: 20) { fact { key } score exact matches evidence { key } } }`,
      },
      n: {
        query: `query Search($query: String!, $first: Int!, $hits: Int!, $wholeWord: String!) {
          search(query: $query, first: $first, hits: $hits, wholeWord: $wholeWord) { key score exact matches quote } }`,
        variables: search,
      },
      f: { op: 'search', params: search },
      canon: {
        p: (d) => hits(d.search.map((h: J) => ({ ...h, key: h.fact.key, quote: h.evidence?.key ?? null }))),
        n: (d) => hits(d.search),
        f: hits,
      },
    },
    {
      name: 'dyad',
      title: 'dyad Russia–Turkey',
      p: {
        query: `query Dyad { dyad(a: "russia", b: "turkey") { sideA { key } sideB { key }
          goldsteinSum cooperationSum conflictSum events { direction event { key goldstein } } } }`,
      },
      n: {
        query: `query Dyad { dyad(a: "russia", b: "turkey") { sideA sideB goldsteinSum cooperationSum conflictSum
          events { key goldstein direction } } }`,
      },
      f: { op: 'dyad', params: { a: 'russia', b: 'turkey' } },
      canon: {
        p: (d) => dyad(pDyad(d.dyad), pDyadEvents(d.dyad)),
        n: (d) => dyad(d.dyad, dyadEvents(d.dyad)),
        f: (d) => dyad(d, dyadEvents(d)),
      },
    },
    {
      name: 'dyadFirst',
      title: 'dyad Russia–Turkey: counts, sums, first 20 events',
      p: {
        query: `query DyadFirst { dyad(a: "russia", b: "turkey") { sideA { key } sideB { key } eventCount
          goldsteinSum cooperationSum conflictSum events(first: 20) { direction event { key goldstein } } } }`,
      },
      n: {
        query: `query DyadFirst { dyadFirst(a: "russia", b: "turkey", first: 20) { sideA sideB eventCount
          goldsteinSum cooperationSum conflictSum events { key goldstein direction } } }`,
      },
      f: { op: 'dyadFirst', params: { a: 'russia', b: 'turkey', first: 20 } },
      canon: {
        p: (d) => dyadFirst(pDyad(d.dyad), pDyadEvents(d.dyad)),
        n: (d) => dyadFirst(d.dyadFirst, dyadEvents(d.dyadFirst)),
        f: (d) => dyadFirst(d, dyadEvents(d)),
      },
    },
    {
      name: 'timeline',
      title: "Turkey's timeline (≤ 200 events)",
      p: {
        query: `query Timeline { timeline(filter: { actor: "turkey" }) {
          earliest latest dated { key label date { value precision } } undated { key label } } }`,
      },
      n: {
        query: `query Timeline($side: EntityWhere!) { events(
            where: { OR: [{ sources: { some: $side } }, { targets: { some: $side } }] }
            sort: [{ orderDate: ASC }, { orderRank: ASC }, { id: ASC }], limit: 200) {
            id label dateValue datePrecision sortDate } }`,
        variables: { side: turkeysSide },
      },
      f: { op: 'timeline', params: { actor: 'turkey' } },
      canon: {
        p: (d) => ({
          earliest: d.timeline.earliest,
          latest: d.timeline.latest,
          dated: d.timeline.dated.map((e: J) => ({
            key: e.key,
            label: e.label,
            value: e.date.value,
            precision: e.date.precision,
          })),
          undated: d.timeline.undated,
        }),
        n: (d) =>
          timeline(
            d.events.map((e: J) => ({
              key: e.id,
              label: e.label,
              value: e.dateValue,
              precision: e.datePrecision,
              sortDate: e.sortDate,
            })),
          ),
        f: timeline,
      },
    },
    {
      name: 'nested',
      title: '3-level nested: 10 disputes → events → claims → quotes',
      p: {
        query: `query Nested { disputes(first: 10) { edges { node { key name
          events { key label claims { statement evidence { quote } } } } } } }`,
      },
      n: {
        query: `query Nested { disputesConnection(first: 10, sort: [{ name: ASC }, { id: ASC }]) { edges { node { id name
          events { id label claims { statement evidence { quote } } } } } } }`,
      },
      f: { op: 'nested', params: {} },
      canon: {
        p: (d) => nested(d.disputes.edges.map((e: J) => e.node)),
        n: (d) => nested(d.disputesConnection.edges.map((e: J) => e.node)),
        f: nested,
      },
    },
    {
      name: 'deepPage',
      title: `a page of 20 claims after offset ${deepOffset}`,
      p: {
        query: `query DeepPage($after: String) { claims(first: 20, after: $after) {
          edges { node { key statement } } pageInfo { hasNextPage } } }`,
        variables: { after: cursor('DOCUMENT_POSITION', ctx.deepAfter) },
      },
      n: {
        query: `query DeepPage($after: String) { claimsConnection(first: 20, after: $after,
          sort: [{ documentId: ASC }, { position: ASC }, { id: ASC }]) { edges { node { id statement } } pageInfo { hasNextPage } } }`,
        variables: { after: b64(`arrayconnection:${deepOffset}`) },
      },
      f: { op: 'deepPage', params: { after: ctx.deepAfter } },
      canon: {
        p: (d) => ({
          claims: d.claims.edges.map(({ node: c }: J) => ({ key: c.key, statement: c.statement })),
          hasNextPage: d.claims.pageInfo.hasNextPage,
        }),
        n: (d) => ({
          claims: d.claimsConnection.edges.map(({ node: c }: J) => ({ key: c.id, statement: c.statement })),
          hasNextPage: d.claimsConnection.pageInfo.hasNextPage,
        }),
        f: (d) => ({
          claims: d.slice(0, 20).map((c: J) => ({ key: c.key, statement: c.statement })),
          hasNextPage: d.length > 20,
        }),
      },
    },
  ];
}
