/**
 * Every GraphQL operation the explorer sends, in one place (the exports' operations are in
 * src/export/operations.ts). The page reads GraphNode's id/key/label/type/kind, which stay stable.
 */
export { EXPORT_NEIGHBORHOOD, EXPORT_PATH } from '../../src/export/operations.js';

export const SUGGEST = /* GraphQL */ `
  query Suggest($name: String!, $words: String!) {
    entitiesByName(name: $name, first: 8) {
      __typename
      key
      name
      nameDe
      kind
      aliases
    }
    search(query: $words, first: 8) {
      score
      quote
      fact {
        key
        label
        typeName
      }
    }
  }
`;

/** A view node: what drawing, the legend and the timeline need. Claims and evidence come on click. */
const VIEW_NODES = /* GraphQL */ `
  nodes {
    key
    label
    type
    kind
    node {
      ... on Event {
        status
        goldstein
        date {
          value
          precision
          earliest
          latest
          display
        }
      }
    }
  }
`;

const VIEW_EDGE = 'id kind sourceKey targetKey role stance';

export const NEIGHBORHOOD = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int!, $kinds: [RelationKind!], $limit: Int!) {
    neighborhood(id: $id, depth: $depth, kinds: $kinds, limit: $limit) {
      truncated
      ${VIEW_NODES}
      edges {
        ${VIEW_EDGE}
      }
    }
  }
`;

const CLAIM = /* GraphQL */ `
  fragment PanelClaim on Claim {
    key
    statement
    stance
    retracted
    retractedReason
    retractedAt
    corrections
    correctedAt
    assertedBy {
      key
      name
    }
    evidence {
      id
      quote
      gloss
      start
      end
      sentenceIndex
      document {
        key
        title
        publisher
        url
        published {
          display
        }
      }
    }
  }
`;

/** One edge's claims and evidence: the direct edge of that kind between its two ends. */
export const EDGE_DETAILS = /* GraphQL */ `
  query ExplorerEdge($from: ID!, $to: ID!, $kinds: [RelationKind!]) {
    shortestPath(from: $from, to: $to, maxHops: 1, kinds: $kinds) {
      edges {
        id
        kind
        role
        stance
        claims {
          ...PanelClaim
        }
      }
    }
  }
  ${CLAIM}
`;

/** A node's panel by its key (`node` takes only global ids): whichever of the three it is answers. */
export const NODE_DETAILS = /* GraphQL */ `
  query ExplorerNode($id: ID!) {
    entity(id: $id) {
      __typename
      key
      name
      nameDe
      kind
      description
      aliases
      wikidataId
      wikidataUrl
      claims {
        ...PanelClaim
      }
    }
    event(id: $id) {
      __typename
      key
      label
      labelDe
      eventType: type
      status
      goldstein
      cooperation
      cameo {
        code
        quadClassName
      }
      date {
        display
        precision
        text
        earliest
        latest
      }
      claims {
        ...PanelClaim
      }
    }
    dispute(id: $id) {
      __typename
      key
      name
      nameDe
      description
      claims {
        ...PanelClaim
      }
    }
  }
  ${CLAIM}
`;

export const DOCUMENT_TEXT = /* GraphQL */ `
  query ExplorerDocument($id: ID!) {
    document(id: $id) {
      key
      title
      publisher
      url
      published {
        display
      }
      text
    }
  }
`;

export const PATH = /* GraphQL */ `
  query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int!, $kinds: [RelationKind!]) {
    shortestPath(from: $from, to: $to, maxHops: $maxHops, kinds: $kinds) {
      length
      ${VIEW_NODES}
      edges {
        ${VIEW_EDGE}
        claims {
          ...PanelClaim
        }
      }
    }
  }
  ${CLAIM}
`;

export const DYAD = /* GraphQL */ `
  query ExplorerDyad($a: ID!, $b: ID!, $first: Int!, $disputes: Int!) {
    dyad(a: $a, b: $b) {
      a {
        key
        name
      }
      b {
        key
        name
      }
      goldsteinSum
      cooperationSum
      conflictSum
      countedStatuses
      eventCount
      events(first: $first) {
        direction
        cooperation
        event {
          key
          label
          status
          goldstein
          cameo {
            code
          }
          date {
            display
            precision
            earliest
          }
        }
      }
      disputeCount
      disputes(first: $disputes) {
        dispute {
          key
          name
        }
        a {
          role
          stance
          from {
            ... on Entity {
              name
            }
          }
        }
        b {
          role
          stance
          from {
            ... on Entity {
              name
            }
          }
        }
      }
    }
  }
`;
