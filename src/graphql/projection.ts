import { type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { OPTIONAL_PROPERTIES, type OptionalProperty, type Projection } from '../repositories/projection.js';

/**
 * The fields whose resolvers read each optional property of a node row: a field name (on whatever
 * type: over-inclusive, never short) or `Type.field` where the name is common (`text` is also a
 * sentence's and a date's). A resolver that reads one of these properties must be listed here.
 */
const READERS: Readonly<Record<OptionalProperty, readonly string[]>> = {
  aliases: ['aliases'],
  nameDe: ['nameDe'],
  description: ['description'],
  wikidataId: ['wikidataId', 'wikidataUrl'],
  labelDe: ['labelDe'],
  type: ['Event.type'],
  cameo: ['Event.cameo'],
  quadClass: ['Event.cameo'],
  // A dyad's sums and counts are Neo4j's (cypher/queries/dyad.cypher): only these fields read them.
  goldstein: ['Event.goldstein', 'Event.cooperation', 'DyadEvent.cooperation'],
  status: ['Event.status'],
  dateValue: ['Event.date'],
  datePrecision: ['Event.date'],
  // Only the date's own wording reads it (value and precision make the range and the display).
  dateText: ['FuzzyDate.text'],
  // Never read by a field: kept on the claim for the loader and exports.
  localId: [],
  aboutKind: [],
  aboutId: [],
  documentId: ['Claim.document', 'Evidence.document', 'Evidence.context'],
  stance: ['Claim.stance'],
  // Event.claims filters by its aspect argument; Event.reasons are the claims of aspect REASON.
  aspect: ['Claim.aspect', 'Event.claims', 'Event.reasons'],
  relationType: ['Claim.about'],
  history: ['history'],
  claimId: ['Evidence.claim'],
  start: ['Evidence.start', 'Evidence.context'],
  end: ['Evidence.end', 'Evidence.context'],
  sentenceIndex: ['Evidence.sentenceIndex'],
  gloss: ['gloss'],
  sentence: ['sentence'],
  text: ['Document.text', 'Evidence.context'],
  asserter: ['assertedBy'],
  claimEvidence: ['evidence'],
  claimAbout: ['Claim.about'],
  contradicts: ['Claim.contradicts'],
};

const cache = new WeakMap<DocumentNode, Projection>();

/** Which optional properties an operation's document can read (any of its fields, fragments included). */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode): Projection {
  const known = cache.get(document);
  if (known) return known;
  const selected = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        selected.add(node.name.value);
        const parent = typeInfo.getParentType();
        if (parent) selected.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  const projection = Object.fromEntries(
    OPTIONAL_PROPERTIES.map((p) => [p, READERS[p].some((field) => selected.has(field))]),
  ) as Projection;
  cache.set(document, projection);
  return projection;
}

/** Before an operation runs, its queries are told which optional properties it reads. */
export function projectionPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      Object.assign(args.contextValue.projection, projectionOf(args.schema, args.document));
    },
  };
}
