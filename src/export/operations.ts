/**
 * The GraphQL operations behind every export (HTTP, command line and the page's "current view"): one
 * place to adapt when the API changes. They ask for what the export formats write, nothing more.
 */

/** What a node of an export carries: GraphNode's common fields and the type-specific ones. */
export const EXPORT_NODE = /* GraphQL */ `
  fragment ExportNode on GraphNode {
    id
    key
    label
    type
    kind
    node {
      __typename
      ... on Entity {
        name
        nameDe
        wikidataId
      }
      ... on Event {
        labelDe
        eventType: type
        status
        goldstein
        cameo {
          code
        }
        date {
          value
          precision
          earliest
          latest
          text
        }
      }
      ... on Dispute {
        name
        nameDe
      }
    }
  }
`;

/** What an edge of an export carries: its claims (who, stance, retracted) and evidence (ids and quotes). */
export const EXPORT_EDGE = /* GraphQL */ `
  fragment ExportEdge on GraphEdge {
    id
    kind
    sourceKey
    targetKey
    role
    stance
    claims {
      key
      stance
      retracted
      assertedBy {
        key
      }
    }
    evidence {
      id
      quote
    }
  }
`;

export const EXPORT_NEIGHBORHOOD = /* GraphQL */ `
  query ExportNeighborhood($id: ID!, $depth: Int!, $kinds: [RelationKind!], $limit: Int!) {
    neighborhood(id: $id, depth: $depth, kinds: $kinds, limit: $limit) {
      truncated
      nodes {
        ...ExportNode
      }
      edges {
        ...ExportEdge
      }
    }
  }
  ${EXPORT_NODE}
  ${EXPORT_EDGE}
`;

export const EXPORT_PATH = /* GraphQL */ `
  query ExportPath($from: ID!, $to: ID!, $maxHops: Int!, $kinds: [RelationKind!]) {
    shortestPath(from: $from, to: $to, maxHops: $maxHops, kinds: $kinds) {
      length
      nodes {
        ...ExportNode
      }
      edges {
        ...ExportEdge
      }
    }
  }
  ${EXPORT_NODE}
  ${EXPORT_EDGE}
`;
