import type { Vocabulary } from './words.js';
import { wordsOf } from './words.js';

/**
 * The role of a HOLDS_POSITION relation (the office) or of a PARTY_TO relation (the side in the
 * dispute), each with its German name.
 */
export const RELATION_ROLES = {
  PRESIDENT: { description: 'Head of state.', de: 'Präsident' },
  HEAD_OF_GOVERNMENT: { description: 'Prime minister or chancellor.', de: 'Regierungschef' },
  FOREIGN_MINISTER: { description: 'Minister of foreign affairs.', de: 'Außenminister' },
  DEFENCE_MINISTER: { description: 'Minister of defence.', de: 'Verteidigungsminister' },
  SPOKESPERSON: { description: 'Speaks for a government or organisation.', de: 'Sprecher' },
  SECRETARY_GENERAL: { description: "Head of an organisation's secretariat.", de: 'Generalsekretär' },
  DEMANDING_PARTY: { description: 'Makes the demands the dispute is about.', de: 'fordernde Partei' },
  ADDRESSEE: { description: 'The demands or criticism are addressed to it.', de: 'Adressat' },
  REJECTING_PARTY: { description: 'Rejects the demands.', de: 'ablehnende Partei' },
  CRITIC: { description: 'Criticises the other side or its acts.', de: 'Kritiker' },
  ACCUSED_PARTY: { description: 'Accused by the other side.', de: 'beschuldigte Partei' },
  SUPPLIER: { description: 'Supplies the weapons or goods at issue.', de: 'Lieferant' },
  BUYER: { description: 'Buys or receives the weapons or goods at issue.', de: 'Käufer' },
  THREATENED_PARTY: { description: 'Feels or is threatened.', de: 'bedrohte Partei' },
  CONCERNED_PARTY: { description: 'Concerned or affected, without taking a side.', de: 'betroffene Partei' },
  COMPETING_INTERESTS: {
    description: "Pursues interests opposed to the other side's.",
    de: 'Partei mit konkurrierenden Interessen',
  },
  PARTY: { description: 'A party whose side the source does not name.', de: 'Partei' },
} as const satisfies Vocabulary & Record<string, { de: string }>;
export type RelationRole = keyof typeof RELATION_ROLES;
export const RELATION_ROLE_WORDS = wordsOf(RELATION_ROLES);
