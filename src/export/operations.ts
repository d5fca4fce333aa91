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

/** An edge's place in the graph; its claims and evidence come by EXPORT_EDGE_EVIDENCE. */
export const EXPORT_EDGE = /* GraphQL */ `
  fragment ExportEdge on GraphEdge {
    id
    kind
    sourceKey
    targetKey
    role
    stance
  }
`;

/** What an edge of an export says of its provenance: its claims (who, stance, retracted) and evidence. */
const EXPORT_EDGE_EVIDENCE = /* GraphQL */ `
  fragment ExportEdgeEvidence on GraphEdge {
    id
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

/**
 * The claims and evidence of up to EVIDENCE_BATCH edges in one operation: per edge, the direct edge of
 * its kind between its two ends (shortestPath with maxHops 1). Asking for them inside the
 * neighbourhood would multiply the cost estimate by every edge a neighbourhood could hold.
 */
export const EVIDENCE_BATCH = 25;

export function exportEdgeEvidence(count: number): string {
  const vars: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    vars.push(`$f${i}: ID!, $t${i}: ID!, $k${i}: [RelationKind!]`);
    fields.push(
      `e${i}: shortestPath(from: $f${i}, to: $t${i}, maxHops: 1, kinds: $k${i}) { edges { ...ExportEdgeEvidence } }`,
    );
  }
  return `query ExportEdgeEvidence(${vars.join(', ')}) {\n  ${fields.join('\n  ')}\n}\n${EXPORT_EDGE_EVIDENCE}`;
}

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
