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
import { typeNameOf } from '../domain/records.js';
import { builder } from './builder.js';

/** Type references shared by the domain files (each file implements its own). */

export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');
export const ActorRef = builder.interfaceRef<EntityRecord>('Actor');
export const StateRef = builder.objectRef<EntityRecord>('State');
export const PersonRef = builder.objectRef<EntityRecord>('Person');
export const OrganizationRef = builder.objectRef<EntityRecord>('Organization');
export const AllianceRef = builder.objectRef<EntityRecord>('Alliance');
export const ArmedGroupRef = builder.objectRef<EntityRecord>('ArmedGroup');
export const CoalitionRef = builder.objectRef<EntityRecord>('Coalition');
export const PlaceRef = builder.objectRef<EntityRecord>('Place');
export const MaterielRef = builder.objectRef<EntityRecord>('Materiel');

export const EventRef = builder.objectRef<EventRecord>('Event');
export const DisputeRef = builder.objectRef<DisputeRecord>('Dispute');
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');
export const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence');
export const DocumentRef = builder.objectRef<DocumentRecord>('Document');

export const RelationRef = builder.objectRef<EdgeRecord>('Relation');
export const MentionRef = builder.objectRef<MentionRecord>('Mention');
export const SentenceRef = builder.objectRef<SentenceRecord>('Sentence');

/** The object types of entities, one per kind group. */
export const ENTITY_REFS = [
  StateRef,
  PersonRef,
  OrganizationRef,
  AllianceRef,
  ArmedGroupRef,
  CoalitionRef,
  PlaceRef,
  MaterielRef,
] as const;

/** Entities, events and disputes: what graph views and relation ends can be. */
export const GraphEntityRef = builder.unionType('GraphEntity', {
  description: 'A node of the traversable graph: an entity (actor, place, materiel), an event or a dispute.',
  types: [...ENTITY_REFS, EventRef, DisputeRef],
  resolveType: (r: NodeRecord) => typeNameOf(r),
});
