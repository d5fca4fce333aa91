import { z } from 'zod';

/**
 * The shape of `data/articles/<slug>/annotations.yaml`: curated entities and facts of one article.
 * Offsets are never written here: the loader finds every quote in the article text.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case slugs: a-z, 0-9 and "-"');

export const ENTITY_KINDS = [
  'STATE',
  'PERSON',
  'ALLIANCE',
  'ORGANIZATION',
  'GOVERNMENT_BODY',
  'COUNCIL',
  'MILITARY',
  'MEDIA',
  'ARMED_GROUP',
  'COALITION',
  'REGION',
  'MATERIEL',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const RELATION_TYPES = [
  'MEMBER_OF',
  'HOLDS_POSITION',
  'PART_OF',
  'PARTY_TO',
  'PARTNER_OF',
  'BORDERS',
  'LOCATED_IN',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const EVENT_STATUSES = ['OCCURRED', 'ONGOING', 'PLANNED', 'FEARED', 'DENIED'] as const;
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR', 'UNKNOWN'] as const;
export const CLAIM_STANCES = ['REPORTED', 'ATTRIBUTED', 'DENIED', 'FEARED', 'EXPECTED'] as const;

/** value is ISO: YYYY-MM-DD (DAY), YYYY-MM (MONTH), YYYY (YEAR) or absent (UNKNOWN). */
export const dateSchema = z
  .object({
    value: z.string().optional(),
    precision: z.enum(DATE_PRECISIONS),
    text: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const pattern = {
      DAY: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
      MONTH: /^\d{4}-(0[1-9]|1[0-2])$/,
      YEAR: /^\d{4}$/,
      UNKNOWN: null,
    }[d.precision];
    if (pattern === null) {
      if (d.value !== undefined)
        ctx.addIssue({ code: 'custom', message: 'an UNKNOWN date has no value', path: ['value'] });
      return;
    }
    if (d.value === undefined || !pattern.test(d.value)) {
      ctx.addIssue({
        code: 'custom',
        message: `value must match ${d.precision} precision (e.g. 2022-01-02, 2022-01, 2022)`,
        path: ['value'],
      });
      return;
    }
    if (d.precision === 'DAY') {
      const parsed = new Date(`${d.value}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.value) {
        ctx.addIssue({ code: 'custom', message: `${d.value} is not a calendar date`, path: ['value'] });
      }
    }
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
    kind: z.enum(ENTITY_KINDS),
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
    type: z.enum(RELATION_TYPES),
    from: id,
    /** An entity id, or a dispute id for PARTY_TO. */
    to: id,
    /** HOLDS_POSITION: the office ("President"); PARTY_TO: the side. */
    role: z.string().optional(),
    roleDe: z.string().optional(),
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
    /** Event type in upper snake case: PHONE_CALL, STATEMENT, DEMAND, REJECTION, CRITICISM, DELIVERY, PURCHASE … */
    type: z.string().regex(/^[A-Z][A-Z_]*$/),
    label: z.string().min(1),
    labelDe: z.string().min(1),
    /** CAMEO event code: 2 to 4 digits, as a string ("041", "1042"). */
    cameo: z.string().regex(/^\d{2,4}$/),
    goldstein: z.number().min(-10).max(10),
    date: dateSchema,
    status: z.enum(EVENT_STATUSES),
    sources: z.array(id).default([]),
    targets: z.array(id).default([]),
    /** Entities or disputes the event is about. */
    concerns: z.array(id).default([]),
    locations: z.array(id).default([]),
    /** Events this one answers (a rejection responds to a demand). */
    respondsTo: z.array(id).default([]),
    /** Disputes this event belongs to. */
    partOf: z.array(id).default([]),
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
    stance: z.enum(CLAIM_STANCES),
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
