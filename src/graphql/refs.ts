import { ENTITY_TYPE_NAMES, type EntityTypeName } from '../domain/entities.js';
import type {
  ClaimRecord,
  DisputeRecord,
  DocumentRecord,
  EdgeRecord,
  EntityRecord,
  EventRecord,
  EvidenceRecord,
  MentionRecord,
  NodeRecord,
  SentenceRecord,
} from '../domain/records.js';
import { builder } from './builder.js';

/** Type references shared by the domain files (each file implements its own). */

/** Anything of the graph that can be shown: every node, and every relationship. */
export const GraphElementRef = builder.interfaceRef<NodeRecord | EdgeRecord>('GraphElement');

export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');
export const ActorRef = builder.interfaceRef<EntityRecord>('Actor');

const entityRef = (name: EntityTypeName) => builder.objectRef<EntityRecord>(name);

/** One object type per entity type of domain/entities.ts. */
export const ENTITY_REFS = Object.fromEntries(ENTITY_TYPE_NAMES.map((n) => [n, entityRef(n)])) as Record<
  EntityTypeName,
  ReturnType<typeof entityRef>
>;

export const EventRef = builder.objectRef<EventRecord>('Event');
export const DisputeRef = builder.objectRef<DisputeRecord>('Dispute');
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');
export const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence');
export const DocumentRef = builder.objectRef<DocumentRecord>('Document');

export const RelationRef = builder.objectRef<EdgeRecord>('Relation');
export const MentionRef = builder.objectRef<MentionRecord>('Mention');
export const SentenceRef = builder.objectRef<SentenceRecord>('Sentence');
