import type { Vocabulary } from './words.js';
import { wordsOf } from './words.js';

/** What kind of thing happened. The CAMEO code of an event says it in GDELT's terms; this in plain words. */
export const EVENT_TYPES = {
  PHONE_CALL: { description: 'A telephone conversation between leaders or officials.' },
  MEETING: { description: 'A meeting, talks or a session of a body (planned or held).' },
  VISIT: { description: 'A visit of a leader or delegation to another country.' },
  STATEMENT: { description: 'A public statement or readout that does not fit a narrower type.' },
  GREETING: { description: 'Greetings or good wishes (for a holiday, a new year).' },
  INTENT_TO_COOPERATE: { description: 'An expressed intent or agreement to cooperate or to intensify cooperation.' },
  AGREEMENT: { description: 'An agreement, deal or treaty concluded.' },
  DEMAND: { description: 'A demand that another actor change its policy or give guarantees.' },
  REJECTION: { description: 'A demand, proposal or accusation rejected.' },
  CRITICISM: { description: 'Criticism or denunciation of another actor or its actions.' },
  ACCUSATION: { description: 'An accusation (of provocation, aggression, bias …).' },
  DENIAL: { description: 'A denial of responsibility or of intentions ascribed to the actor.' },
  DISAPPROVAL: { description: 'Displeasure or anger at another actor, without a formal act.' },
  THREAT: { description: 'A threat of force, sanctions or other consequences.' },
  SANCTION: { description: 'Sanctions, embargoes or the cutting of ties.' },
  DELIVERY: { description: 'Weapons, equipment or aid delivered.' },
  PURCHASE: { description: 'Weapons or equipment bought.' },
  TROOP_BUILDUP: { description: 'Troops massed or armed forces increased, usually near a border.' },
  ATTACK: { description: 'An armed attack, carried out, planned or feared.' },
} as const satisfies Vocabulary;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_WORDS = wordsOf(EVENT_TYPES);

export const EVENT_STATUSES = {
  OCCURRED: { description: 'It happened.' },
  ONGOING: { description: 'It goes on at the time of the article.' },
  PLANNED: { description: 'It is planned or announced.' },
  FEARED: { description: 'Someone fears it might happen.' },
  DENIED: { description: 'Someone says it did not or will not happen.' },
} as const satisfies Vocabulary;
export type EventStatus = keyof typeof EVENT_STATUSES;
export const EVENT_STATUS_WORDS = wordsOf(EVENT_STATUSES);

/** Statuses of events that took or take place: what Goldstein sums count by default. */
export const REALIZED_STATUSES: readonly EventStatus[] = ['OCCURRED', 'ONGOING'];

/** CAMEO quad class from the root code: 1 verbal cooperation … 4 material conflict. */
export function quadClass(cameo: string): number {
  const root = Number(cameo.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 14) return 3;
  return 4;
}

export const QUAD_CLASS_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

/** The sign of a Goldstein value. */
export const COOPERATION = {
  COOPERATION: { description: 'A positive Goldstein value.' },
  CONFLICT: { description: 'A negative Goldstein value.' },
  NEUTRAL: { description: 'A Goldstein value of 0.' },
} as const satisfies Vocabulary;
export type Cooperation = keyof typeof COOPERATION;

export const cooperationOf = (goldstein: number): Cooperation =>
  goldstein > 0 ? 'COOPERATION' : goldstein < 0 ? 'CONFLICT' : 'NEUTRAL';
