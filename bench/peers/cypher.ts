/**
 * Hand-written Cypher of the comparison, one query per operation. The floor (bench/peers/floor) sends
 * exactly these; the @neo4j/graphql peer uses the traversal ones in its @cypher fields, where the
 * library has no native equivalent. Relationship types come from the project's allow-list.
 * Every query returns one column `result`.
 */
import { EDGE_TYPE_WORDS } from '../../src/domain/edges.js';

const TYPES = EDGE_TYPE_WORDS.join('|');
const edgeOut = (r: string) => `{kind: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;

/** Nodes within 2 hops, nearest first (then by id), at most $limit besides the start; the edges among them. */
export const NEIGHBORHOOD = `
MATCH (s:Entity {id: $id})
CALL (s) {
  OPTIONAL MATCH p = (s)-[:${TYPES}*1..2]-(m)
  WITH m, min(length(p)) AS hops
  WHERE m IS NOT NULL AND m <> s
  WITH m, hops ORDER BY hops, m.id
  RETURN collect(m) AS reached
}
WITH s, reached[..$limit] AS found, size(reached) > $limit AS truncated
WITH [s] + found AS nodes, truncated
RETURN {
  truncated: truncated,
  nodes: [n IN nodes | {key: n.id, label: coalesce(n.name, n.label)}],
  edges: COLLECT { UNWIND nodes AS a MATCH (a)-[r:${TYPES}]->(b) WHERE b IN nodes RETURN DISTINCT ${edgeOut('r')} }
} AS result`;

/** One shortest path of at most 4 hops; each edge with the quotes of its claims. */
export const SHORTEST_PATH = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${TYPES}*..4]-(b))
RETURN {
  length: length(p),
  nodes: [n IN nodes(p) | {key: n.id, label: coalesce(n.name, n.label)}],
  edges: [r IN relationships(p) | {kind: type(r), from: startNode(r).id, to: endNode(r).id,
          evidence: COLLECT { UNWIND r.claimIds AS cid MATCH (:Claim {id: cid})-[:SUPPORTED_BY]->(e) RETURN e.quote }}]
} AS result`;

/**
 * Full-text search grouped by fact, as the API answers it (src/repositories/search.ts): $query is
 * already a Lucene query, $hits index hits are read (4 × $first), each shows a fact (the node, or for
 * a quote what its claim is about: a PARTY_TO claim's dispute, a relationship's key); a hit is exact
 * when $wholeWord (a regular expression over the lower-cased text) matches. Facts rank by an exact
 * best hit, then a name hit, then best weight (score × 2 when exact) + 0.1 per further hit; each
 * takes its best quote not shown yet, and one found only through shown quotes is left out.
 */
export const SEARCH = `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $hits}) YIELD node, score
  RETURN node, score, null AS claim
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $hits}) YIELD node, score
  OPTIONAL MATCH (c:Claim)-[:SUPPORTED_BY]->(node)
  RETURN node, score, c AS claim
}
WITH node, score, claim ORDER BY score DESC, node.id LIMIT $hits
WITH collect({node: node, score: score, claim: claim}) AS rows
UNWIND range(0, size(rows) - 1) AS i
WITH i, rows[i].node AS node, rows[i].score AS score, rows[i].claim AS claim
WITH i, node, score, node:Evidence AS quoted,
  CASE
    WHEN claim IS NULL THEN node.id
    WHEN EXISTS { (claim)-[:ABOUT]->() } THEN COLLECT { MATCH (claim)-[:ABOUT]->(x) RETURN x.id }[0]
    WHEN claim.relationType = 'PARTY_TO' AND EXISTS { (claim)-[:OBJECT]->() }
      THEN COLLECT { MATCH (claim)-[:OBJECT]->(o) RETURN o.id }[0]
    ELSE coalesce(COLLECT { MATCH (claim)-[:SUBJECT]->(s)-[r]->(o)<-[:OBJECT]-(claim) WHERE type(r) = claim.relationType
                            RETURN type(r) + ':' + s.id + '->' + o.id }[0], claim.id)
  END AS fact,
  toLower(CASE
    WHEN node:Evidence THEN node.quote
    WHEN node:Entity THEN node.name + ' ' + reduce(t = '', a IN coalesce(node.aliases, []) | t + ' ' + a)
    ELSE coalesce(node.name, node.label, node.statement, node.title, '')
  END) =~ $wholeWord AS exact
WITH i, fact, score, exact, quoted, score * CASE WHEN exact THEN 2 ELSE 1 END AS w,
     CASE WHEN quoted THEN node.id END AS quote
ORDER BY w DESC, i
WITH fact, min(i) AS first, collect({w: w, score: score, exact: exact, quote: quote}) AS hits,
     any(q IN collect(quoted) WHERE NOT q) AS titled
WITH fact, first, hits[0] AS best, titled, size(hits) AS matches, [h IN hits WHERE h.quote IS NOT NULL | h.quote] AS quotes
ORDER BY best.exact DESC, titled DESC, best.w + 0.1 * (matches - 1) DESC, first
WITH collect({fact: fact, best: best, titled: titled, matches: matches, quotes: quotes}) AS ranked
WITH reduce(acc = {used: [], hits: []}, g IN ranked |
  CASE WHEN size(acc.hits) >= $first OR (NOT g.titled AND size([q IN g.quotes WHERE NOT q IN acc.used]) = 0) THEN acc
  ELSE {used: acc.used + [q IN g.quotes WHERE NOT q IN acc.used][0..1],
        hits: acc.hits + [{key: g.fact, score: g.best.score, exact: g.best.exact, matches: g.matches,
                           quote: [q IN g.quotes WHERE NOT q IN acc.used][0]}]}
  END) AS out
UNWIND out.hits AS result
RETURN result`;

/**
 * Russia–Turkey: each side is the actor and those who act for it (HOLDS_POSITION / PART_OF, up to two
 * hops); events that touch both sides (not only by CONCERNS), with the direction; Goldstein sums of
 * the events that occurred or go on. Events are found from side A only: they must touch both.
 */
const DYAD_LINKED = `
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
CALL (a) {
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(a)
  WITH a, collect(DISTINCT x) AS xs
  RETURN [a] + xs AS sideA
}
CALL (b) {
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(b)
  WITH b, collect(DISTINCT x) AS xs
  RETURN [b] + xs AS sideB
}
CALL (sideA, sideB) {
  UNWIND sideA AS n
  MATCH (e:Event)-[:HAS_SOURCE|HAS_TARGET|CONCERNS]->(n)
  WITH DISTINCT e, sideA, sideB
  WITH e,
       [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN sideA | type(r)] AS aRoles,
       [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN sideB | type(r)] AS bRoles
  WHERE size(bRoles) > 0 AND any(t IN aRoles + bRoles WHERE t <> 'CONCERNS')
  WITH e, aRoles, bRoles ORDER BY e.sortDate, e.id
  RETURN collect({key: e.id, goldstein: e.goldstein, status: e.status, direction: CASE
    WHEN 'HAS_SOURCE' IN aRoles AND 'HAS_SOURCE' IN bRoles THEN 'MUTUAL'
    WHEN 'HAS_SOURCE' IN aRoles AND 'HAS_TARGET' IN bRoles THEN 'A_TO_B'
    WHEN 'HAS_SOURCE' IN bRoles AND 'HAS_TARGET' IN aRoles THEN 'B_TO_A'
    ELSE 'INVOLVES' END}) AS events
}
WITH sideA, sideB, events, [v IN events WHERE v.status IN ['OCCURRED', 'ONGOING'] | v.goldstein] AS counted
WITH sideA, sideB, events, {
  sideA: [n IN sideA | n.id], sideB: [n IN sideB | n.id],
  goldsteinSum: reduce(s = 0.0, g IN counted | s + g),
  cooperationSum: reduce(s = 0.0, g IN counted | s + CASE WHEN g > 0 THEN g ELSE 0.0 END),
  conflictSum: reduce(s = 0.0, g IN counted | s + CASE WHEN g < 0 THEN g ELSE 0.0 END)
} AS sums
`;

export const DYAD = `${DYAD_LINKED}
RETURN sums {.*, events: events} AS result`;

/** The dyad's counts and sums of all linking events, and the first $first of them by date. */
export const DYAD_FIRST = `${DYAD_LINKED}
RETURN sums {.*, eventCount: size(events), events: events[..$first]} AS result`;

/** Turkey's MEMBER_OF edges, each with its claims: who asserts them, their evidence. */
export const MEMBERSHIPS = `
MATCH (t:Entity {id: $id})
RETURN {
  name: t.name,
  memberships: COLLECT {
    MATCH (t)-[r:MEMBER_OF]->(o)
    RETURN {to: o.id, toName: o.name, claims: COLLECT {
      UNWIND r.claimIds AS cid
      MATCH (c:Claim {id: cid})
      RETURN {statement: c.statement, stance: c.stance,
              assertedBy: head(COLLECT { MATCH (c)-[:ASSERTED_BY]->(w) RETURN w.name }),
              evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(e) RETURN e {.quote, .gloss, .start, .end} }}
    }}
  }
} AS result`;

/** Timeline order (src/domain/timeline.ts): orderDate (undated last), orderRank, id. */
const TIMELINE_ORDER = 'e.orderDate IS NULL, e.orderDate, coalesce(e.orderRank, 0), e.id';

/** The first 20 events in timeline order, each with the names of its sources and targets. */
export const EVENTS_PAGE = `
MATCH (e:Event)
WITH e ORDER BY ${TIMELINE_ORDER} LIMIT 20
RETURN {key: e.id, label: e.label, value: e.dateValue, precision: e.datePrecision,
        sources: COLLECT { MATCH (e)-[:HAS_SOURCE]->(s) RETURN {key: s.id, name: s.name} },
        targets: COLLECT { MATCH (e)-[:HAS_TARGET]->(t) RETURN {key: t.id, name: t.name} }} AS result`;

/** Claims in document order: by document, then where the first quote stands. */
const CLAIM_POSITION = 'coalesce(COLLECT { MATCH (c)-[:SUPPORTED_BY]->(ev) RETURN min(ev.start) }[0], 0)';

/** The first 50 claims with who asserts them and their evidence, and how many claims there are. */
export const CLAIMS_PAGE = `
MATCH (c:Claim)
WITH c, ${CLAIM_POSITION} AS position ORDER BY c.documentId, position, c.id LIMIT 50
WITH collect({key: c.id, statement: c.statement, stance: c.stance,
              assertedBy: head(COLLECT { MATCH (c)-[:ASSERTED_BY]->(w) RETURN {key: w.id, name: w.name} }),
              evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(e) RETURN e {.quote, .start, .end} }}) AS claims
RETURN {total: COUNT { (:Claim) }, claims: claims} AS result`;

/** An actor's events (source or target, it or those acting for it), in timeline order, at most 200. */
export const TIMELINE = `
MATCH (a:Entity {id: $actor})
OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(a)
WITH a, collect(DISTINCT x) AS xs
WITH [a] + xs AS side
UNWIND side AS n
MATCH (n)<-[:HAS_SOURCE|HAS_TARGET]-(e:Event)
WITH DISTINCT e ORDER BY ${TIMELINE_ORDER} LIMIT 200
RETURN {key: e.id, label: e.label, value: e.dateValue, precision: e.datePrecision, sortDate: e.sortDate} AS result`;

/** Ten disputes by name, their events, each event's claims with their quotes. */
export const NESTED = `
MATCH (d:Dispute)
WITH d ORDER BY toLower(d.name), d.id LIMIT 10
RETURN {key: d.id, name: d.name, events: COLLECT {
  MATCH (d)<-[:IN_DISPUTE]-(e:Event)
  RETURN {key: e.id, label: e.label, claims: COLLECT {
    MATCH (c:Claim)-[:ABOUT]->(e)
    RETURN {statement: c.statement, evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(v) RETURN v.quote }}
  }}
}} AS result`;

/** Where each claim stands in document order: [documentId, position, id] (the API's cursor keys). */
export const CLAIM_KEY_AT = `
MATCH (c:Claim)
WITH c, ${CLAIM_POSITION} AS position ORDER BY c.documentId, position, c.id SKIP $offset LIMIT 1
RETURN [c.documentId, position, c.id] AS result`;

/** A page of 20 claims after the claim whose keys are $after (21 asked, to know whether more follow). */
export const DEEP_PAGE = `
MATCH (c:Claim)
WITH c, c.documentId AS key, ${CLAIM_POSITION} AS position
WHERE key > $after[0] OR (key = $after[0] AND (position > $after[1] OR (position = $after[1] AND c.id > $after[2])))
WITH c, key, position ORDER BY key, position, c.id LIMIT 21
RETURN {key: c.id, statement: c.statement} AS result`;
