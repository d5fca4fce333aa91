import type { Vocabulary } from './words.js';
import { wordsOf } from './words.js';

export const CLAIM_STANCES = {
  REPORTED: { description: 'Reported as fact by the narrator.' },
  ATTRIBUTED: { description: 'Attributed to a named source (who said or reports it).' },
  DENIED: { description: 'Denied by its source.' },
  FEARED: { description: 'Feared by its source, not stated as fact.' },
  EXPECTED: { description: 'Speculation or expectation about what will happen.' },
} as const satisfies Vocabulary;
export type ClaimStance = keyof typeof CLAIM_STANCES;
export const CLAIM_STANCE_WORDS = wordsOf(CLAIM_STANCES);

/** What a claim says of the event, dispute or relation it is about. */
export const CLAIM_ASPECTS = {
  FACT: { description: 'That it is so: it happened, is planned, holds.' },
  REASON: { description: 'Why: the motive, reason or justification its source gives for it.' },
} as const satisfies Vocabulary;
export type ClaimAspect = keyof typeof CLAIM_ASPECTS;
export const CLAIM_ASPECT_WORDS = wordsOf(CLAIM_ASPECTS);
/** The aspect of a claim that names none. */
export const DEFAULT_CLAIM_ASPECT: ClaimAspect = 'FACT';
