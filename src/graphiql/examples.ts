/** The operations GraphiQL opens with, one tab each. Tests run every one against the real graph. */
export interface Example {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    name: 'TurkeyInNatoAndTheS400',
    query: `# Turkey's alliance, and the tension its S-400 purchase caused inside NATO — with who says so and where.
query TurkeyInNatoAndTheS400 {
  turkey: entity(id: "turkey") {
    name
    ... on State {
      memberships {
        to { ... on Alliance { name } }
        claims { statement stance assertedBy { name } evidence { quote gloss start end } }
      }
    }
  }
  s400: dispute(id: "s400-purchase-nato") {
    name
    description
    parties { from { ... on Entity { name } } role stance }
    events {
      label
      cameo { code quadClassName }
      goldstein
      claims { statement assertedBy { name } evidence { quote gloss sentence } }
    }
  }
}`,
  },
  {
    name: 'RussiasDemandsAndWhoRejectedThem',
    query: `# Russia's demands on NATO and the USA, and the answers to them.
query RussiasDemandsAndWhoRejectedThem {
  events(filter: { types: ["DEMAND"] }) {
    totalCount
    edges {
      node {
        label
        status
        date { display text }
        sources { name }
        targets { name }
        evidence { quote gloss }
        responses {
          label
          sources { name }
          claims { statement stance assertedBy { name } evidence { quote } }
        }
      }
    }
  }
}`,
  },
  {
    name: 'PathFromPutinToNato',
    query: `# The shortest path from Putin to NATO; every edge can say who asserts it and where.
query PathFromPutinToNato {
  shortestPath(from: "putin", to: "nato", maxHops: 4) {
    length
    nodes { key label typeName }
    edges {
      kind
      sourceKey
      targetKey
      role
      claims { statement assertedBy { name } }
      evidence { quote start end }
    }
  }
}`,
  },
  {
    name: 'RussiaTurkeyDyad',
    query: `# Everything that links Russia and Turkey, split into cooperation and conflict
# (counts and sums of all linking events; the first 20 of them by date; the first 10 shared
# disputes by name, and how many there are).
query RussiaTurkeyDyad {
  dyad(a: "russia", b: "turkey") {
    sideA { name }
    sideB { name }
    eventCount
    goldsteinSum
    cooperationSum
    conflictSum
    events(first: 20) {
      direction
      cooperation
      event { label goldstein status date { display } }
    }
    relations { kind claims { statement } }
    disputeCount
    disputes(first: 10) {
      dispute { name }
      a { role stance }
      b { role stance }
    }
  }
}`,
  },
  {
    name: 'SearchDrohnen',
    query: `# Full-text search in German: names, aliases, events and the article's own words.
query SearchDrohnen {
  search(query: "Drohnen", first: 10) {
    score
    quote
    node {
      __typename
      ... on Entity { name }
      ... on Event { label }
      ... on Evidence { claim { statement about { ... on Event { label } } } }
    }
  }
}`,
  },
  {
    name: 'SyriaAndLibya',
    query: `# Where Russia and Turkey pursue opposing or competing interests.
query SyriaAndLibya {
  disputes(party: "turkey", first: 20) {
    edges {
      node {
        name
        description
        parties { from { ... on Entity { name } } role stance evidence { quote } }
      }
    }
  }
}`,
  },
  {
    name: 'NeighbourhoodOfTurkey',
    query: `# A graph for a visualisation: Turkey and what lies within two hops.
query NeighbourhoodOfTurkey {
  neighborhood(id: "turkey", depth: 2, kinds: [MEMBER_OF, PARTY_TO, PARTNER_OF, HOLDS_POSITION], limit: 40) {
    truncated
    nodes { id key label typeName }
    edges { id kind source target }
  }
}`,
  },
  {
    name: 'TimelineOfTheArticle',
    query: `# All events in date order; each date keeps its precision and the article's wording.
query TimelineOfTheArticle {
  timeline {
    dated { label status date { value precision text display } }
    undated { label status }
  }
}`,
  },
];
