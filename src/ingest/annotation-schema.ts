import { z } from 'zod';
import { CLAIM_ASPECT_WORDS, CLAIM_STANCE_WORDS, DEFAULT_CLAIM_ASPECT } from '../domain/claims.js';
import { DATE_PRECISION_WORDS, dateProblem } from '../domain/dates.js';
import { RELATION_TYPE_WORDS } from '../domain/edges.js';
import { ENTITY_KIND_WORDS } from '../domain/entities.js';
import { EVENT_STATUS_WORDS, EVENT_TYPE_WORDS } from '../domain/events.js';
import { RELATION_ROLE_WORDS } from '../domain/roles.js';

/**
 * The shape of `data/articles/<slug>/annotations.yaml`: curated entities and facts of one article.
 * Offsets are never written here: the loader finds every quote in the article text.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case slugs: a-z, 0-9 and "-"');

/** value is ISO: YYYY-MM-DD (DAY), YYYY-MM (MONTH), YYYY (YEAR) or absent (UNKNOWN). */
export const dateSchema = z
  .object({
    value: z.string().optional(),
    precision: z.enum(DATE_PRECISION_WORDS),
    text: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = dateProblem(d.value, d.precision);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });

export const evidenceSchema = z
  .object({
    /** Copied verbatim from the article (German). */
    quote: z.string().min(3),
    /** English gloss of the quote. */
    gloss: z.string().min(1),
    /** 1-based occurrence when the quote appears more than once in the text. */
    occurrence: z.number().int().positive().optional(),
  })
  .strict();

export const entitySchema = z
  .object({
    id,
    kind: z.enum(ENTITY_KIND_WORDS),
    name: z.string().min(1),
    nameDe: z.string().min(1),
    /** German and English names, inflected forms and metonyms ("Moskau", "Kreml"); all are matched as mentions. */
    aliases: z.array(z.string().min(2)).default([]),
    description: z.string().optional(),
    /** Only ids verified in DESIGN.md; never guessed. */
    wikidataId: z
      .string()
      .regex(/^Q\d+$/)
      .optional(),
  })
  .strict();

export const relationSchema = z
  .object({
    id,
    type: z.enum(RELATION_TYPE_WORDS),
    from: id,
    /** An entity id, or a dispute id for PARTY_TO. */
    to: id,
    /** HOLDS_POSITION: the office (PRESIDENT); PARTY_TO: the side (CRITIC, SUPPLIER …). See domain/roles.ts. */
    role: z.enum(RELATION_ROLE_WORDS).optional(),
    /** PARTY_TO: the party's stance in the dispute, in English. */
    stance: z.string().optional(),
  })
  .strict();

export const disputeSchema = z
  .object({
    id,
    name: z.string().min(1),
    nameDe: z.string().min(1),
    description: z.string().min(1),
    /** Entities the dispute is about (Ukraine, the S-400 …). */
    concerns: z.array(id).default([]),
  })
  .strict();

export const eventSchema = z
  .object({
    id,
    /** What happened: PHONE_CALL, STATEMENT, DEMAND, REJECTION … (domain/events.ts). */
    type: z.enum(EVENT_TYPE_WORDS),
    label: z.string().min(1),
    labelDe: z.string().min(1),
    /** CAMEO event code: 2 to 4 digits, as a string ("041", "1042"). */
    cameo: z.string().regex(/^\d{2,4}$/),
    goldstein: z.number().min(-10).max(10),
    date: dateSchema,
    status: z.enum(EVENT_STATUS_WORDS),
    sources: z.array(id).default([]),
    targets: z.array(id).default([]),
    /** Entities or disputes the event is about. */
    concerns: z.array(id).default([]),
    locations: z.array(id).default([]),
    /** Events this one answers (a rejection responds to a demand). */
    respondsTo: z.array(id).default([]),
    /** Disputes this event belongs to. */
    partOf: z.array(id).default([]),
    /** The event this one was part of (the New Year greeting of the phone call). */
    within: id.optional(),
  })
  .strict();

export const claimSchema = z
  .object({
    id,
    /** Exactly one of: an event, a dispute or a relation that the claim asserts. */
    about: z.union([
      z.object({ event: id }).strict(),
      z.object({ dispute: id }).strict(),
      z.object({ relation: id }).strict(),
    ]),
    /** The entity that asserts it: the publisher for the narrator's own statements. */
    assertedBy: id,
    stance: z.enum(CLAIM_STANCE_WORDS),
    /** FACT (that it is so) or REASON (why: a motive, reason or justification). */
    aspect: z.enum(CLAIM_ASPECT_WORDS).default(DEFAULT_CLAIM_ASPECT),
    /** What is asserted, in one English sentence. */
    statement: z.string().min(1),
    evidence: z.array(evidenceSchema).min(1),
    /** Competing claims: both stay and are linked. */
    contradicts: z.array(id).default([]),
  })
  .strict();

export const documentSchema = z
  .object({
    id,
    title: z.string().min(1),
    publisher: z.string().min(1),
    /** Entity id of the publisher (asserts the narrator's claims). */
    publisherEntity: id,
    language: z.string().regex(/^[a-z]{2}$/),
    published: dateSchema,
    url: z.string().url().optional(),
  })
  .strict();

export const annotationSchema = z
  .object({
    document: documentSchema,
    /** Passages that state no fact (captions, credits, ads, author box): exempt from coverage. */
    nonFactual: z.array(z.string().min(1)).default([]),
    entities: z.array(entitySchema).min(1),
    disputes: z.array(disputeSchema).default([]),
    relations: z.array(relationSchema).default([]),
    events: z.array(eventSchema).default([]),
    claims: z.array(claimSchema).min(1),
  })
  .strict();

export type Annotations = z.infer<typeof annotationSchema>;
export type EntityAnnotation = z.infer<typeof entitySchema>;
export type EventAnnotation = z.infer<typeof eventSchema>;
export type ClaimAnnotation = z.infer<typeof claimSchema>;
export type RelationAnnotation = z.infer<typeof relationSchema>;
export type DisputeAnnotation = z.infer<typeof disputeSchema>;
