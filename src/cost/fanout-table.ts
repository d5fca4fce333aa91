import { ALL_RELATIONSHIP_TYPES, EDGE_TYPE_WORDS as EDGE_TYPES, NODE_LABELS } from '../domain/edges.js';
import { ENTITY_TYPES } from '../domain/entities.js';
import { DEFAULT_PAGE_SIZE } from '../graphql/pagination.js';
import {
  amongPairs,
  bothSides,
  constant,
  degree,
  degreeByDirectionArg,
  type Fanout,
  largest,
  measure,
  oneSide,
  ownArg,
  parentArg,
  product,
  smallest,
  sum,
  whenFlag,
} from './fanout.js';

/**
 * How many items each list field of the schema can hold at most — the multipliers of the cost
 * estimate. Lists that follow relationships are bounded by the largest degree the graph really has
 * (measured, see FanoutStats); lists with a size argument by that argument. Keyed by
 * `Type.field`; a field of an interface is found under the interface's name. A test checks that
 * every list of objects in the schema is here.
 */

const claimsOfNode = (label: 'Entity' | 'Event' | 'Dispute') => degree(label, ['ABOUT', 'SUBJECT', 'OBJECT'], 'IN');
const evidencePerClaim = degree('Claim', ['SUPPORTED_BY'], 'OUT');
const claimsPerEdge = measure('claimsPerEdge');
/** An actor and the people and bodies acting for it (a dyad's side). */
const side = sum(constant(1), measure('affiliates'));
const dyadSide = whenFlag('includeAffiliates', side, constant(1));
/** Until a dyad's own sides are measured (see cost/sides.ts): the largest side times the largest degree. */
const dyadEvents = product(dyadSide, degree('Entity', ['HAS_SOURCE', 'HAS_TARGET', 'CONCERNS'], 'IN'));
/** A list of a dyad's events: `first` of them when given. */
const dyadEventList = smallest(ownArg('first', Number.POSITIVE_INFINITY), bothSides('events', 'events', dyadEvents));
/**
 * A shared dispute's parties from one side: one PARTY_TO edge per actor and dispute, so at most the
 * side's actors, and at most the parties any dispute has (a hub's side of 74 actors against disputes
 * of 2–4 parties: the side alone made the explorer's comparison of two hubs cost 262,880 for 1,380
 * shared disputes at 1M, refused).
 */
const partiesOfSide = (which: 'a' | 'b') =>
  smallest(oneSide(which, 'size', dyadSide), degree('Dispute', ['PARTY_TO'], 'IN'));
/** Edges among the nodes of a view: each has its start in the view, so at most nodes × out-degree. */
const outDegreeAnywhere = largest(
  ...(['Entity', 'Event', 'Dispute'] as const).map((label) => degree(label, EDGE_TYPES, 'OUT')),
);

const entityEdgeFields: Record<string, Fanout> = Object.fromEntries(
  Object.entries(ENTITY_TYPES).flatMap(([type, { edges }]) =>
    Object.entries(edges).map(([field, e]) => [`${type}.${field}`, degree('Entity', [e.type], e.direction)]),
  ),
);

export const FANOUT: Readonly<Record<string, Fanout>> = {
  ...entityEdgeFields,
  'Entity.relations': degreeByDirectionArg('Entity', EDGE_TYPES),
  'Entity.mentions': degree('Entity', ['MENTIONS'], 'IN'),
  'Entity.claims': claimsOfNode('Entity'),
  'Entity.sources': measure('documentsPerEntity'),
  'Actor.events': product(
    whenFlag('includeAffiliates', side, constant(1), true),
    degree('Entity', ['HAS_SOURCE', 'HAS_TARGET'], 'IN'),
  ),
  'Actor.disputes': degree('Entity', ['PARTY_TO'], 'OUT'),
  'Actor.assertedClaims': degree('Entity', ['ASSERTED_BY'], 'IN'),

  'Event.sources': degree('Event', ['HAS_SOURCE'], 'OUT'),
  'Event.targets': degree('Event', ['HAS_TARGET'], 'OUT'),
  'Event.concerns': degree('Event', ['CONCERNS'], 'OUT'),
  'Event.locations': degree('Event', ['TAKES_PLACE_IN'], 'OUT'),
  'Event.respondsTo': degree('Event', ['RESPONDS_TO'], 'OUT'),
  'Event.responses': degree('Event', ['RESPONDS_TO'], 'IN'),
  'Event.disputes': degree('Event', ['IN_DISPUTE'], 'OUT'),
  'Event.claims': claimsOfNode('Event'),
  'Event.reasons': claimsOfNode('Event'),
  'Event.parts': degree('Event', ['PART_OF'], 'IN'),
  'Event.evidence': product(claimsOfNode('Event'), evidencePerClaim),

  'Dispute.parties': degree('Dispute', ['PARTY_TO'], 'IN'),
  'Dispute.concerns': degree('Dispute', ['CONCERNS'], 'OUT'),
  'Dispute.events': degree('Dispute', ['IN_DISPUTE'], 'IN'),
  'Dispute.claims': claimsOfNode('Dispute'),

  'Claim.evidence': evidencePerClaim,
  'Claim.contradicts': degree('Claim', ['CONTRADICTS'], 'BOTH'),

  'Document.claims': degree('Document', ['SOURCED_FROM'], 'IN'),
  'Document.mentions': degree('Document', ['MENTIONS'], 'OUT'),
  'Document.sentences': degree('Document', ['IN_DOCUMENT'], 'IN'),

  'Relation.claims': claimsPerEdge,
  'Relation.evidence': product(claimsPerEdge, evidencePerClaim),
  'GraphEdge.claims': claimsPerEdge,
  'GraphEdge.evidence': product(claimsPerEdge, evidencePerClaim),

  'Graph.nodes': parentArg('limit', 50, 1),
  // Each edge has an end in the view (at most nodes × the largest out-degree) and both (at most the
  // view's pairs × the most edges one pair has): the smaller bound, as a hub's view is a dense one.
  'Graph.edges': smallest(
    product(parentArg('limit', 50, 1), outDegreeAnywhere),
    amongPairs(parentArg('limit', 50, 1), measure('edgesPerPair')),
  ),
  'Path.nodes': parentArg('maxHops', 4, 1),
  'Path.edges': parentArg('maxHops', 4),

  'Timeline.dated': parentArg('limit', 200),
  'Timeline.undated': parentArg('limit', 200),

  'Dyad.sideA': oneSide('a', 'size', dyadSide),
  'Dyad.sideB': oneSide('b', 'size', dyadSide),
  'Dyad.events': dyadEventList,
  'Dyad.cooperation': dyadEventList,
  'Dyad.conflict': dyadEventList,
  'Dyad.relations': bothSides('relations', 'relations', product(dyadSide, degree('Entity', EDGE_TYPES, 'BOTH'))),
  'Dyad.disputes': smallest(
    ownArg('first', Number.POSITIVE_INFINITY),
    bothSides('parties', 'disputes', product(dyadSide, degree('Entity', ['PARTY_TO'], 'OUT'))),
  ),
  'DyadDispute.a': partiesOfSide('a'),
  'DyadDispute.b': partiesOfSide('b'),

  // Labels and relationship types come from allow-lists in code.
  'GraphStats.labels': constant(NODE_LABELS.length + 16),
  'GraphStats.relationshipTypes': constant(ALL_RELATIONSHIP_TYPES.length),

  'Query.entitiesByName': ownArg('first', 10),
  'Query.search': ownArg('first', 20),
};

/** A connection's `edges` hold `first` items of the connection field above them. */
export const CONNECTION_EDGES = parentArg('first', DEFAULT_PAGE_SIZE);

/** Every degree the table reads, once. */
export const FANOUT_KEYS = [...Object.values(FANOUT), CONNECTION_EDGES].flatMap((f) => f.keys);
