/**
 * What only the synthetic corpus needs: the hub entities (the real ones of the FLASH UP article and a
 * few more, with the same ids, so that the benchmark's operations find Russia, Turkey, Putin and NATO),
 * syllables for made-up names, and CAMEO codes with their Goldstein values (GDELT's table) and sentence
 * templates. Kinds, event types and roles are the project's words (src/domain/).
 */
import type { EntityKind } from '../../src/domain/entities.js';
import type { EventType } from '../../src/domain/events.js';
import type { RelationRole } from '../../src/domain/roles.js';

export interface HubEntity {
  id: string;
  kind: EntityKind;
  name: string;
  nameDe: string;
  aliases: string[];
  /** Chance that a document names it. */
  weight: number;
  /** The state it belongs to (office holders, government bodies, regions). */
  home?: string;
  /** The office it holds there (people). */
  role?: RelationRole;
  /** The alliance it belongs to (made-up states). */
  memberOf?: string;
  wikidataId?: string;
}

export const HUBS: HubEntity[] = [
  {
    id: 'russia',
    kind: 'STATE',
    name: 'Russia',
    nameDe: 'Russland',
    aliases: [
      'Russland',
      'Russlands',
      'Russia',
      'Russian Federation',
      'Russische Föderation',
      'russische',
      'russischen',
    ],
    weight: 0.92,
    wikidataId: 'Q159',
  },
  {
    id: 'turkey',
    kind: 'STATE',
    name: 'Turkey',
    nameDe: 'Türkei',
    aliases: ['Türkei', 'Turkey', 'Türkiye', 'Republik Türkei', 'türkische', 'türkischen'],
    weight: 0.85,
    wikidataId: 'Q43',
  },
  {
    id: 'ukraine',
    kind: 'STATE',
    name: 'Ukraine',
    nameDe: 'Ukraine',
    aliases: ['Ukraine', 'ukrainische', 'ukrainischen'],
    weight: 0.5,
    wikidataId: 'Q212',
  },
  {
    id: 'usa',
    kind: 'STATE',
    name: 'United States',
    nameDe: 'Vereinigte Staaten',
    aliases: ['USA', 'Vereinigte Staaten', 'Vereinigten Staaten', 'United States'],
    weight: 0.45,
    wikidataId: 'Q30',
  },
  {
    id: 'syria',
    kind: 'STATE',
    name: 'Syria',
    nameDe: 'Syrien',
    aliases: ['Syrien', 'Syriens', 'Syria'],
    weight: 0.2,
    wikidataId: 'Q858',
  },
  {
    id: 'libya',
    kind: 'STATE',
    name: 'Libya',
    nameDe: 'Libyen',
    aliases: ['Libyen', 'Libyens', 'Libya'],
    weight: 0.12,
    wikidataId: 'Q1016',
  },
  {
    id: 'germany',
    kind: 'STATE',
    name: 'Germany',
    nameDe: 'Deutschland',
    aliases: ['Deutschland', 'Deutschlands', 'Germany', 'Bundesrepublik'],
    weight: 0.25,
  },
  {
    id: 'nato',
    kind: 'ALLIANCE',
    name: 'NATO',
    nameDe: 'Nato',
    aliases: ['Nato', 'NATO', 'North Atlantic Treaty Organization', 'transatlantisches Verteidigungsbündnis'],
    weight: 0.4,
    wikidataId: 'Q7184',
  },
  {
    id: 'eu',
    kind: 'ALLIANCE',
    name: 'European Union',
    nameDe: 'Europäische Union',
    aliases: ['EU', 'Europäische Union', 'Europäischen Union', 'European Union'],
    weight: 0.25,
  },
  {
    id: 'nato-russia-council',
    kind: 'COUNCIL',
    name: 'NATO–Russia Council',
    nameDe: 'Nato-Russland-Rat',
    aliases: ['Nato-Russland-Rat', 'NATO–Russia Council', 'NATO-Russia Council'],
    weight: 0.05,
  },
  {
    id: 'the-west',
    kind: 'COALITION',
    name: 'the West',
    nameDe: 'der Westen',
    aliases: ['Westen', 'Westens', 'the West', 'westliche Staaten'],
    weight: 0.15,
  },
  {
    id: 'putin',
    kind: 'PERSON',
    name: 'Vladimir Putin',
    nameDe: 'Wladimir Putin',
    aliases: ['Wladimir Putin', 'Vladimir Putin', 'Putin', 'Putins'],
    weight: 0.4,
    home: 'russia',
    role: 'PRESIDENT',
    wikidataId: 'Q7747',
  },
  {
    id: 'erdogan',
    kind: 'PERSON',
    name: 'Recep Tayyip Erdoğan',
    nameDe: 'Recep Tayyip Erdoğan',
    aliases: ['Recep Tayyip Erdogan', 'Tayyip Erdoğan', 'Erdogan', 'Erdoğan', 'Erdogans', 'Erdoğans'],
    weight: 0.35,
    home: 'turkey',
    role: 'PRESIDENT',
  },
  {
    id: 'cavusoglu',
    kind: 'PERSON',
    name: 'Mevlüt Çavuşoğlu',
    nameDe: 'Mevlüt Çavuşoğlu',
    aliases: ['Mevlüt Cavusoglu', 'Cavusoglu', 'Çavuşoğlu'],
    weight: 0.12,
    home: 'turkey',
    role: 'FOREIGN_MINISTER',
  },
  {
    id: 'kremlin',
    kind: 'GOVERNMENT_BODY',
    name: 'Kremlin',
    nameDe: 'Kreml',
    aliases: ['Kreml', 'Kremls', 'Kremlin'],
    weight: 0.25,
    home: 'russia',
  },
  {
    id: 'russian-government',
    kind: 'GOVERNMENT_BODY',
    name: 'Government of Russia',
    nameDe: 'Russische Regierung',
    aliases: ['Moskau', 'Moscow', 'Regierung in Moskau', 'russische Regierung'],
    weight: 0.2,
    home: 'russia',
  },
  {
    id: 'turkish-government',
    kind: 'GOVERNMENT_BODY',
    name: 'Government of Turkey',
    nameDe: 'Türkische Regierung',
    aliases: ['Ankara', 'Regierung in Ankara', 'türkische Regierung'],
    weight: 0.2,
    home: 'turkey',
  },
  {
    id: 'ukrainian-military',
    kind: 'MILITARY',
    name: 'Armed Forces of Ukraine',
    nameDe: 'Ukrainisches Militär',
    aliases: ['ukrainische Armee', 'Streitkräfte der Ukraine', 'Ukrainian military'],
    weight: 0.12,
    home: 'ukraine',
  },
  {
    id: 'pro-russian-rebels',
    kind: 'ARMED_GROUP',
    name: 'Pro-Russian rebels in eastern Ukraine',
    nameDe: 'Pro-russische Rebellen in der Ostukraine',
    aliases: ['prorussische Rebellen', 'prorussischen Rebellen', 'pro-Russian rebels'],
    weight: 0.08,
    home: 'eastern-ukraine',
  },
  {
    id: 'eastern-ukraine',
    kind: 'REGION',
    name: 'Eastern Ukraine',
    nameDe: 'Ostukraine',
    aliases: ['Ostukraine', 'Eastern Ukraine', 'Osten der Ukraine'],
    weight: 0.1,
    home: 'ukraine',
  },
  {
    id: 'caucasus',
    kind: 'REGION',
    name: 'Caucasus',
    nameDe: 'Kaukasus',
    aliases: ['Kaukasus', 'Caucasus', 'Kaukasusregion'],
    weight: 0.06,
  },
  {
    id: 's-400',
    kind: 'MATERIEL',
    name: 'S-400 missile defence system',
    nameDe: 'Raketenabwehrsystem S-400',
    aliases: ['S-400', 'Raketenabwehrsystem S-400', 'S-400 Triumf'],
    weight: 0.08,
  },
  {
    id: 'combat-drones',
    kind: 'MATERIEL',
    name: 'Turkish combat drones',
    nameDe: 'Türkische Kampfdrohnen',
    aliases: ['Kampfdrohnen', 'türkische Kampfdrohnen', 'Turkish combat drones'],
    weight: 0.12,
  },
];

/** Fixed relations between hubs, added to a document that names both ends. */
export const HUB_RELATIONS: [type: 'MEMBER_OF' | 'PARTNER_OF' | 'BORDERS', from: string, to: string][] = [
  ['MEMBER_OF', 'turkey', 'nato'],
  ['MEMBER_OF', 'usa', 'nato'],
  ['MEMBER_OF', 'germany', 'nato'],
  ['MEMBER_OF', 'germany', 'eu'],
  ['PARTNER_OF', 'russia', 'turkey'],
  ['PARTNER_OF', 'russia', 'syria'],
  ['BORDERS', 'russia', 'ukraine'],
  ['BORDERS', 'turkey', 'syria'],
];

/** Publishers of the synthetic articles (media entities). */
export const PUBLISHERS: [id: string, name: string][] = [
  ['morgenkurier', 'Morgenkurier'],
  ['abendspiegel', 'Abendspiegel'],
  ['tagesblick', 'Tagesblick'],
  ['weltbote', 'Weltbote'],
  ['nordpresse', 'Nordpresse'],
  ['rundschau-ost', 'Rundschau Ost'],
];

export const SYLLABLES = [
  'var',
  'nes',
  'kal',
  'dor',
  'mir',
  'tan',
  'bel',
  'gor',
  'sul',
  'vek',
  'ran',
  'tis',
  'mon',
  'zar',
  'lun',
  'pel',
  'dra',
  'kos',
  'vin',
  'tor',
  'bal',
  'ser',
  'nik',
  'ost',
  'lem',
  'har',
  'quil',
  'fen',
  'jor',
  'wal',
];
export const FIRST_NAMES = [
  'Mirko',
  'Anja',
  'Pavel',
  'Leyla',
  'Tomas',
  'Selin',
  'Dragan',
  'Irina',
  'Kemal',
  'Olga',
  'Viktor',
  'Ayla',
  'Jonas',
  'Nadia',
  'Emre',
  'Sofia',
];

export const DISPUTE_TOPICS: [en: string, de: string][] = [
  ['gas deliveries', 'Gaslieferungen'],
  ['the border crossing', 'den Grenzübergang'],
  ['drone exports', 'Drohnenexporte'],
  ['grain corridors', 'Getreidekorridore'],
  ['missile deployments', 'Raketenstationierungen'],
  ['fishing rights', 'Fischereirechte'],
  ['a pipeline', 'eine Pipeline'],
  ['sanctions', 'Sanktionen'],
];

export interface Cameo {
  code: string;
  type: EventType;
  goldstein: number;
  /** English label and German sentence templates: {S} source, {T} target, {D} date words. */
  en: string;
  de: string;
}

export const CAMEO: Cameo[] = [
  { code: '010', type: 'STATEMENT', goldstein: 0, en: '{S} comments on {T}', de: '{D} äußerte sich {S} zu {T}' },
  {
    code: '016',
    type: 'DENIAL',
    goldstein: -2,
    en: '{S} denies responsibility',
    de: '{D} wies {S} jede Verantwortung gegenüber {T} zurück',
  },
  {
    code: '030',
    type: 'INTENT_TO_COOPERATE',
    goldstein: 4,
    en: '{S} and {T} agree to cooperate',
    de: '{D} vereinbarten {S} und {T} eine engere Zusammenarbeit',
  },
  {
    code: '036',
    type: 'MEETING',
    goldstein: 4,
    en: '{S} proposes a meeting with {T}',
    de: '{D} schlug {S} ein Treffen mit {T} vor',
  },
  { code: '041', type: 'PHONE_CALL', goldstein: 1, en: '{S} phones {T}', de: '{D} telefonierte {S} mit {T}' },
  { code: '042', type: 'VISIT', goldstein: 1.9, en: '{S} visits {T}', de: '{D} besuchte {S} {T}' },
  {
    code: '057',
    type: 'AGREEMENT',
    goldstein: 8,
    en: '{S} signs an agreement with {T}',
    de: '{D} unterzeichnete {S} ein Abkommen mit {T}',
  },
  {
    code: '061',
    type: 'INTENT_TO_COOPERATE',
    goldstein: 6.4,
    en: '{S} expands trade with {T}',
    de: '{D} weitete {S} den Handel mit {T} aus',
  },
  {
    code: '062',
    type: 'DELIVERY',
    goldstein: 7.4,
    en: '{S} delivers combat drones to {T}',
    de: '{D} lieferte {S} Kampfdrohnen an {T}',
  },
  {
    code: '070',
    type: 'DELIVERY',
    goldstein: 7,
    en: '{S} sends aid to {T}',
    de: '{D} schickte {S} Hilfsgüter und Drohnen an {T}',
  },
  {
    code: '110',
    type: 'DISAPPROVAL',
    goldstein: -2,
    en: '{S} disapproves of {T}',
    de: '{D} zeigte sich {S} verärgert über {T}',
  },
  { code: '111', type: 'CRITICISM', goldstein: -2, en: '{S} criticises {T}', de: '{D} kritisierte {S} {T} scharf' },
  {
    code: '112',
    type: 'ACCUSATION',
    goldstein: -2,
    en: '{S} accuses {T} of provocations',
    de: '{D} warf {S} {T} Provokationen vor',
  },
  {
    code: '1042',
    type: 'DEMAND',
    goldstein: -5,
    en: '{S} demands a policy change from {T}',
    de: '{D} forderte {S} von {T} einen Kurswechsel',
  },
  {
    code: '1232',
    type: 'REJECTION',
    goldstein: -4,
    en: '{S} rejects the demands of {T}',
    de: '{D} wies {S} die Forderungen von {T} zurück',
  },
  {
    code: '138',
    type: 'THREAT',
    goldstein: -7,
    en: '{S} threatens {T} with force',
    de: '{D} drohte {S} {T} mit militärischer Gewalt',
  },
  {
    code: '154',
    type: 'TROOP_BUILDUP',
    goldstein: -7.2,
    en: '{S} masses troops near {T}',
    de: '{D} zog {S} Truppen an der Grenze zu {T} zusammen',
  },
  {
    code: '163',
    type: 'SANCTION',
    goldstein: -8,
    en: '{S} imposes sanctions on {T}',
    de: '{D} verhängte {S} Sanktionen gegen {T}',
  },
  {
    code: '195',
    type: 'ATTACK',
    goldstein: -10,
    en: '{S} strikes {T} with drones',
    de: '{D} griff {S} Stellungen von {T} mit Drohnen an',
  },
];

export const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
