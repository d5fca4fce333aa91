/**
 * Type definitions for @neo4j/graphql over the same graph: one node type per label the benchmark reads
 * (entities as one `Entity` type with their kind, as a user of the library would model the shared
 * label), the truthy relationships with their properties, claims and evidence as nodes, and
 * `@cypher` query fields where the library has no native equivalent (neighbourhood, shortest path,
 * full-text search, dyad) — with the same Cypher as the floor (bench/peers/cypher.ts).
 */
import { DYAD, DYAD_FIRST, NEIGHBORHOOD, SEARCH, SHORTEST_PATH } from '../cypher.js';

const cypher = (statement: string) => `@cypher(statement: """${statement}""", columnName: "result")`;

export const TYPE_DEFS = /* GraphQL */ `
type EdgeProps @relationshipProperties {
  claimIds: [String!]
  relationId: String
  role: String
  stance: String
}

type Entity @node {
  id: ID!
  kind: String!
  name: String!
  nameDe: String!
  aliases: [String!]
  description: String
  wikidataId: String
  memberships: [Entity!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "EdgeProps")
  members: [Entity!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "EdgeProps")
  positions: [Entity!]! @relationship(type: "HOLDS_POSITION", direction: OUT, properties: "EdgeProps")
  officeHolders: [Entity!]! @relationship(type: "HOLDS_POSITION", direction: IN, properties: "EdgeProps")
  partOf: [Entity!]! @relationship(type: "PART_OF", direction: OUT, properties: "EdgeProps")
  parts: [Entity!]! @relationship(type: "PART_OF", direction: IN, properties: "EdgeProps")
  partners: [Entity!]! @relationship(type: "PARTNER_OF", direction: OUT, properties: "EdgeProps")
  borders: [Entity!]! @relationship(type: "BORDERS", direction: OUT, properties: "EdgeProps")
  locatedIn: [Entity!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "EdgeProps")
  disputes: [Dispute!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "EdgeProps")
  eventsAsSource: [Event!]! @relationship(type: "HAS_SOURCE", direction: IN, properties: "EdgeProps")
  eventsAsTarget: [Event!]! @relationship(type: "HAS_TARGET", direction: IN, properties: "EdgeProps")
  subjectOf: [Claim!]! @relationship(type: "SUBJECT", direction: IN)
  objectOf: [Claim!]! @relationship(type: "OBJECT", direction: IN)
  asserted: [Claim!]! @relationship(type: "ASSERTED_BY", direction: IN)
}

type Dispute @node {
  id: ID!
  name: String!
  nameDe: String!
  description: String!
  parties: [Entity!]! @relationship(type: "PARTY_TO", direction: IN, properties: "EdgeProps")
  events: [Event!]! @relationship(type: "IN_DISPUTE", direction: IN, properties: "EdgeProps")
  claims: [Claim!]! @relationship(type: "ABOUT", direction: IN)
}

type Event @node {
  id: ID!
  type: String!
  label: String!
  labelDe: String!
  cameo: String!
  goldstein: Float!
  dateValue: String
  datePrecision: String!
  dateText: String
  sortDate: String
  orderDate: String
  orderRank: Float
  status: String!
  sources: [Entity!]! @relationship(type: "HAS_SOURCE", direction: OUT, properties: "EdgeProps")
  targets: [Entity!]! @relationship(type: "HAS_TARGET", direction: OUT, properties: "EdgeProps")
  locations: [Entity!]! @relationship(type: "TAKES_PLACE_IN", direction: OUT, properties: "EdgeProps")
  respondsTo: [Event!]! @relationship(type: "RESPONDS_TO", direction: OUT, properties: "EdgeProps")
  responses: [Event!]! @relationship(type: "RESPONDS_TO", direction: IN, properties: "EdgeProps")
  disputes: [Dispute!]! @relationship(type: "IN_DISPUTE", direction: OUT, properties: "EdgeProps")
  claims: [Claim!]! @relationship(type: "ABOUT", direction: IN)
}

type Claim @node {
  id: ID!
  documentId: String!
  statement: String!
  stance: String!
  aspect: String
  "Where its first quote stands in its document (the API's claim order)."
  position: Int!
    @cypher(
      statement: "OPTIONAL MATCH (this)-[:SUPPORTED_BY]->(ev) RETURN coalesce(min(ev.start), 0) AS position"
      columnName: "position"
    )
  relationType: String
  assertedBy: Entity @relationship(type: "ASSERTED_BY", direction: OUT)
  evidence: [Evidence!]! @relationship(type: "SUPPORTED_BY", direction: OUT)
  subject: Entity @relationship(type: "SUBJECT", direction: OUT)
  object: Entity @relationship(type: "OBJECT", direction: OUT)
}

type Evidence @node {
  id: ID!
  quote: String!
  gloss: String!
  start: Int!
  end: Int!
  sentenceIndex: Int!
  sentence: String!
  claim: Claim @relationship(type: "SUPPORTED_BY", direction: IN)
}

type GraphNode {
  key: String!
  label: String
}
type GraphEdge {
  kind: String!
  from: String!
  to: String!
}
type Graph {
  truncated: Boolean!
  nodes: [GraphNode!]!
  edges: [GraphEdge!]!
}
type PathEdge {
  kind: String!
  from: String!
  to: String!
  evidence: [String!]!
}
type Path {
  length: Int!
  nodes: [GraphNode!]!
  edges: [PathEdge!]!
}
type SearchHit {
  key: String!
  score: Float!
  exact: Boolean!
  matches: Int!
  quote: String
}
type DyadEvent {
  key: String!
  goldstein: Float!
  status: String!
  direction: String!
}
type Dyad {
  sideA: [String!]!
  sideB: [String!]!
  events: [DyadEvent!]!
  goldsteinSum: Float!
  cooperationSum: Float!
  conflictSum: Float!
}
type DyadFirst {
  sideA: [String!]!
  sideB: [String!]!
  eventCount: Int!
  events: [DyadEvent!]!
  goldsteinSum: Float!
  cooperationSum: Float!
  conflictSum: Float!
}

type Query {
  "Nodes within two hops, nearest first, at most limit besides the start; the edges among them."
  neighborhood(id: ID!, limit: Int!): Graph ${cypher(NEIGHBORHOOD)}
  shortestPath(from: ID!, to: ID!): Path ${cypher(SHORTEST_PATH)}
  "query is a Lucene query; hits index hits are read; wholeWord tells an exact hit (see the floor's SEARCH)."
  search(query: String!, first: Int!, hits: Int!, wholeWord: String!): [SearchHit!]! ${cypher(SEARCH)}
  dyad(a: ID!, b: ID!): Dyad ${cypher(DYAD)}
  dyadFirst(a: ID!, b: ID!, first: Int!): DyadFirst ${cypher(DYAD_FIRST)}
}
`;
