/**
 * A deterministic synthetic corpus in the model of data/articles/<slug>/ (article.txt + annotations.yaml,
 * src/ingest/annotation-schema.ts): many articles naming entities with German and English names and
 * aliases, drawn with a power law (Russia and Turkey in almost every article, most others rarely), events
 * with dates of every precision, CAMEO codes and Goldstein values, disputes with their parties, relations,
 * and claims whose evidence quotes occur verbatim in generated German sentences of the article text.
 * Article i depends only on the seed, the pool size and i.
 */
import { stringify } from 'yaml';
import { dateRange } from '../../src/domain/dates.js';
import { ENTITY_KIND_WORDS, ENTITY_KINDS, ENTITY_TYPES, type EntityKind } from '../../src/domain/entities.js';
import type { EventStatus } from '../../src/domain/events.js';
import { RELATION_ROLES, type RelationRole } from '../../src/domain/roles.js';
import type {
  Annotations,
  ClaimAnnotation,
  DisputeAnnotation,
  EntityAnnotation,
  EventAnnotation,
  RelationAnnotation,
} from '../../src/ingest/annotation-schema.js';
import { occurrences } from '../../src/ingest/text.js';
import { Rng } from './prng.js';
import {
  CAMEO,
  DISPUTE_TOPICS,
  FIRST_NAMES,
  HUB_RELATIONS,
  HUBS,
  type HubEntity,
  MONTHS_DE,
  PUBLISHERS,
  SYLLABLES,
} from './vocab.js';

export interface SyntheticArticle {
  index: number;
  slug: string;
  text: string;
  yaml: string;
}

interface PoolEntity extends HubEntity {
  /** Popularity rank: 0 is the most named. */
  rank: number;
}

const POOL_KINDS: [EntityKind, number][] = [
  ['STATE', 0.12],
  ['PERSON', 0.3],
  ['GOVERNMENT_BODY', 0.1],
  ['MILITARY', 0.05],
  ['ORGANIZATION', 0.06],
  ['ALLIANCE', 0.03],
  ['COUNCIL', 0.02],
  ['ARMED_GROUP', 0.05],
  ['COALITION', 0.03],
  ['REGION', 0.14],
  ['MATERIEL', 0.1],
];
const MINISTRIES: [string, string][] = [
  ['Defence', 'Verteidigungs'],
  ['Foreign', 'Außen'],
  ['Interior', 'Innen'],
  ['Economy', 'Wirtschafts'],
  ['Energy', 'Energie'],
];
/** Offices that made-up people hold (HOLDS_POSITION roles). */
const OFFICES: RelationRole[] = [
  'PRESIDENT',
  'FOREIGN_MINISTER',
  'DEFENCE_MINISTER',
  'HEAD_OF_GOVERNMENT',
  'SPOKESPERSON',
];
/** Sides of the parties after the first (which demands), with the stance each takes. */
const PARTY_SIDES: [RelationRole, string][] = [
  ['REJECTING_PARTY', 'rejects the demands'],
  ['CRITIC', 'criticises the demands'],
  ['CONCERNED_PARTY', 'seeks a compromise'],
  ['PARTY', 'stays neutral'],
];
const ACTOR_KINDS = new Set<EntityKind>(ENTITY_KIND_WORDS.filter((k) => ENTITY_TYPES[ENTITY_KINDS[k].type].actor));
/** "FOREIGN_MINISTER" → "foreign minister". */
const roleWords = (role: RelationRole) => role.toLowerCase().replace(/_/g, ' ');

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Entities beyond the hubs, with unique names; ordered by popularity. */
function buildPool(seed: number, size: number): PoolEntity[] {
  const rng = new Rng(seed ^ 0x5eed);
  const taken = new Set<string>();
  for (const h of HUBS) for (const t of [h.name, h.nameDe, ...h.aliases]) taken.add(t.toLowerCase());
  for (const [, name] of PUBLISHERS) taken.add(name.toLowerCase());
  const fresh = (terms: string[]) => {
    const lower = [...new Set(terms.map((t) => t.toLowerCase()))];
    if (lower.some((t) => taken.has(t))) return false;
    for (const t of lower) taken.add(t);
    return true;
  };
  const stem = () => {
    const n = rng.chance(0.6) ? 2 : 3;
    let s = '';
    for (let i = 0; i < n; i++) s += rng.pick(SYLLABLES);
    return cap(s);
  };
  const states: PoolEntity[] = [];
  const regions: PoolEntity[] = [];
  const alliances: PoolEntity[] = [];
  const hubStates = HUBS.filter((h) => h.kind === 'STATE');
  const homeState = () =>
    states.length > 0 && rng.chance(0.85)
      ? (states[rng.zipfIndex(states.length, 1)] as PoolEntity)
      : rng.pick(hubStates);
  const pool: PoolEntity[] = [];
  let cumulative = 0;
  const cut = POOL_KINDS.map(([kind, p]) => {
    cumulative += p;
    return [kind, cumulative] as const;
  });
  for (let rank = 0; pool.length < size; rank++) {
    // The first entities are states, so that others have a home from the start.
    const u = rank < 5 ? 0 : rng.next() * cumulative;
    const kind = (cut.find(([, c]) => u < c) ?? cut[0])?.[0] as EntityKind;
    const id = `${kind.toLowerCase().replace(/_/g, '-')}-${rank}`;
    let made: Omit<PoolEntity, 'id' | 'kind' | 'weight' | 'rank'> | undefined;
    for (let attempt = 0; attempt < 50 && !made; attempt++) {
      const s = stem();
      const home = homeState();
      let candidate: Omit<PoolEntity, 'id' | 'kind' | 'weight' | 'rank'>;
      switch (kind) {
        case 'STATE':
          candidate = {
            name: `${s}ia`,
            nameDe: `${s}ien`,
            aliases: [
              `${s}ien`,
              `${s}iens`,
              `${s}ia`,
              `Republik ${s}ien`,
              `${s.toLowerCase()}ische`,
              `${s.toLowerCase()}ischen`,
            ],
          };
          break;
        case 'PERSON': {
          const last = `${s}${rng.pick(['ov', 'en', 'escu', 'oğlu', 'ski', 'ić', 'a'])}`;
          const first = rng.pick(FIRST_NAMES);
          candidate = {
            name: `${first} ${last}`,
            nameDe: `${first} ${last}`,
            aliases: [`${first} ${last}`, last, `${last}s`],
            home: home.id,
            role: rng.pick(OFFICES),
          };
          break;
        }
        case 'GOVERNMENT_BODY': {
          const [en, de] = rng.pick(MINISTRIES);
          candidate = {
            name: `${en} Ministry of ${home.name} (${s})`,
            nameDe: `${de}ministerium ${s}`,
            aliases: [`${de}ministerium ${s}`, `${s}-Ministerium`, `${en} Ministry ${s}`],
            home: home.id,
          };
          break;
        }
        case 'MILITARY':
          candidate = {
            name: `${s} Brigade`,
            nameDe: `${s}-Brigade`,
            aliases: [`${s}-Brigade`, `Brigade ${s}`, `${s} Brigade`],
            home: home.id,
          };
          break;
        case 'ORGANIZATION':
          candidate = {
            name: `${s} Trade Union`,
            nameDe: `${s}-Handelsunion`,
            aliases: [`${s}-Handelsunion`, `${s} Union`],
          };
          break;
        case 'ALLIANCE':
          candidate = { name: `${s} Pact`, nameDe: `${s}-Pakt`, aliases: [`${s}-Pakt`, `${s}-Paktes`, `${s} Pact`] };
          break;
        case 'COUNCIL':
          candidate = { name: `${s} Council`, nameDe: `${s}-Rat`, aliases: [`${s}-Rat`, `${s}-Rates`, `${s} Council`] };
          break;
        case 'ARMED_GROUP':
          candidate = {
            name: `${s} Front`,
            nameDe: `${s}-Front`,
            aliases: [`${s}-Front`, `Kämpfer der ${s}-Front`, `${s} Front`],
            home: regions.length > 0 ? rng.pick(regions).id : undefined,
          };
          break;
        case 'COALITION':
          candidate = { name: `${s} Group`, nameDe: `${s}-Gruppe`, aliases: [`${s}-Gruppe`, `${s} Group`] };
          break;
        case 'REGION':
          candidate = {
            name: `${s} Valley`,
            nameDe: `${s}tal`,
            aliases: [`${s}tal`, `${s}tals`, `${s} Valley`],
            home: home.id,
          };
          break;
        default: {
          const n = rng.int(2, 99);
          candidate = {
            name: `${s}-${n} missile`,
            nameDe: `Rakete ${s}-${n}`,
            aliases: [`${s}-${n}`, `Rakete ${s}-${n}`],
          };
        }
      }
      if (fresh([candidate.name, candidate.nameDe, ...candidate.aliases])) made = candidate;
    }
    if (!made) continue;
    const entity: PoolEntity = { id, kind, weight: 0, rank, ...made };
    pool.push(entity);
    if (kind === 'STATE') states.push(entity);
    if (kind === 'REGION') regions.push(entity);
    if (kind === 'ALLIANCE') alliances.push(entity);
  }
  // A state's alliance is fixed, so that memberships repeat across articles.
  for (const [i, s] of states.entries()) {
    if (alliances.length > 0 && i % 3 === 0) s.memberOf = alliances[i % alliances.length]?.id;
  }
  return pool;
}

function dateOf(rng: Rng): { date: EventAnnotation['date']; words: string } {
  const year = rng.int(2012, 2024);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const u = rng.next();
  const mm = String(month).padStart(2, '0');
  const monthDe = MONTHS_DE[month - 1] as string;
  if (u < 0.6) {
    const words = `Am ${day}. ${monthDe} ${year}`;
    return { date: { value: `${year}-${mm}-${String(day).padStart(2, '0')}`, precision: 'DAY', text: words }, words };
  }
  if (u < 0.8) {
    const words = `Im ${monthDe} ${year}`;
    return { date: { value: `${year}-${mm}`, precision: 'MONTH', text: words }, words };
  }
  if (u < 0.9) {
    const words = `Im Jahr ${year}`;
    return { date: { value: String(year), precision: 'YEAR', text: words }, words };
  }
  return { date: { precision: 'UNKNOWN', text: 'kürzlich' }, words: 'Kürzlich' };
}

/** Whether a date lies entirely before another (a response cannot: src/ingest/validate.ts). */
function datedBefore(own: EventAnnotation['date'], other: EventAnnotation['date']): boolean {
  const latest = dateRange({ value: own.value ?? null, precision: own.precision }).latest;
  const earliest = dateRange({ value: other.value ?? null, precision: other.precision }).earliest;
  return latest !== null && earliest !== null && latest < earliest;
}

const STATUSES: [EventStatus, number][] = [
  ['OCCURRED', 0.7],
  ['ONGOING', 0.78],
  ['PLANNED', 0.88],
  ['FEARED', 0.94],
  ['DENIED', 1],
];

/** An endless sequence of synthetic articles (stop when enough is loaded). */
export function* syntheticCorpus(seed: number, poolSize: number): Generator<SyntheticArticle> {
  const pool = buildPool(seed, poolSize);
  const byId = new Map<string, HubEntity>([...HUBS, ...pool].map((e) => [e.id, e]));
  for (let index = 0; ; index++) yield article(seed, index, pool, byId);
}

/** The pool size for a corpus of about this many relationships. */
export const poolSizeFor = (relationships: number) => Math.max(300, Math.min(30_000, Math.round(relationships / 40)));

function article(seed: number, index: number, pool: PoolEntity[], byId: Map<string, HubEntity>): SyntheticArticle {
  const rng = new Rng((seed * 1_000_003 + index * 7_919) >>> 0);
  const docId = `synth-${index}`;
  const [publisherId, publisherName] = PUBLISHERS[rng.zipfIndex(PUBLISHERS.length, 1)] as [string, string];

  // Who the article names: hubs by their weight, others by a power law, and the homes of those named.
  const chosen = new Map<string, HubEntity>();
  for (const h of HUBS) if (rng.chance(h.weight)) chosen.set(h.id, h);
  for (const e of rng.zipfDistinct(pool, rng.int(8, 30), 1.05)) chosen.set(e.id, e);
  for (const e of [...chosen.values()]) {
    const home = e.home ? byId.get(e.home) : undefined;
    if (home && rng.chance(0.7)) chosen.set(home.id, home);
    const alliance = e.memberOf ? byId.get(e.memberOf) : undefined;
    if (alliance && rng.chance(0.5)) chosen.set(alliance.id, alliance);
  }
  if (!chosen.has('russia')) chosen.set('russia', byId.get('russia') as HubEntity);
  const named = [...chosen.values()];
  const actors = named.filter((e) => ACTOR_KINDS.has(e.kind));
  const regions = named.filter((e) => e.kind === 'REGION');
  const materiel = named.filter((e) => e.kind === 'MATERIEL');
  const actor = () => actors[rng.zipfIndex(actors.length, 0.9)] as HubEntity;
  const others = (n: number, not: Set<string>) => {
    const out: HubEntity[] = [];
    for (let tries = 0; out.length < n && tries < 30; tries++) {
      const a = actor();
      if (!not.has(a.id)) {
        not.add(a.id);
        out.push(a);
      }
    }
    return out;
  };
  const listDe = (es: HubEntity[]) => es.map((e) => e.nameDe).join(' und ');
  const listEn = (es: HubEntity[]) => es.map((e) => e.name).join(' and ');

  const sentences: { text: string; quote?: string; claim?: ClaimAnnotation }[] = [];
  const claims: ClaimAnnotation[] = [];
  const claim = (
    id: string,
    about: ClaimAnnotation['about'],
    sentence: string,
    gloss: string,
    assertedBy = publisherId,
    stance: ClaimAnnotation['stance'] = 'REPORTED',
    contradicts: string[] = [],
  ) => {
    const c: ClaimAnnotation = {
      id,
      about,
      assertedBy,
      stance,
      aspect: 'FACT',
      statement: gloss,
      evidence: [{ quote: sentence, gloss }],
      contradicts,
    };
    claims.push(c);
    sentences.push({ text: `${sentence}.`, quote: sentence, claim: c });
  };

  // Disputes and who is party to them.
  const disputes: DisputeAnnotation[] = [];
  const relations: RelationAnnotation[] = [];
  const relationIds = new Set<string>();
  const relation = (r: RelationAnnotation, sentence: string, gloss: string) => {
    if (relationIds.has(r.id)) return;
    relationIds.add(r.id);
    relations.push(r);
    claim(`c-${r.id}`, { relation: r.id }, sentence, gloss);
  };
  for (let k = 0, n = rng.int(1, 3); k < n; k++) {
    const [topicEn, topicDe] = rng.pick(DISPUTE_TOPICS);
    const parties = others(rng.int(2, 4), new Set());
    if (parties.length < 2) continue;
    const id = `${docId}-d${k}`;
    const names = `${listDe(parties.slice(0, 2))}`;
    disputes.push({
      id,
      name: `Dispute over ${topicEn} (${listEn(parties.slice(0, 2))})`,
      nameDe: `Streit um ${topicDe} zwischen ${names}`,
      description: `${listEn(parties)} disagree over ${topicEn}.`,
      concerns: materiel.length > 0 && rng.chance(0.3) ? [rng.pick(materiel).id] : [],
    });
    claim(
      `c-${id}`,
      { dispute: id },
      `Der Streit um ${topicDe} zwischen ${names} hält an (Dossier ${k + 1})`,
      `The dispute over ${topicEn} goes on.`,
    );
    for (const [j, p] of parties.entries()) {
      const [role, stance]: [RelationRole, string] =
        j === 0 ? ['DEMANDING_PARTY', 'demands concessions'] : rng.pick(PARTY_SIDES);
      relation(
        {
          id: `party-${p.id}-${id}`,
          type: 'PARTY_TO',
          from: p.id,
          to: id,
          role,
          stance,
        },
        `${p.nameDe} ist Partei im Streit um ${topicDe} (Dossier ${k + 1})`,
        `${p.name} is a party to the dispute over ${topicEn}.`,
      );
    }
  }

  // Structure: offices, bodies, regions, memberships, fixed hub relations.
  for (const e of named) {
    const home = e.home ? chosen.get(e.home) : undefined;
    if (home && e.kind === 'PERSON') {
      const role = e.role ?? 'SPOKESPERSON';
      relation(
        { id: `office-${e.id}`, type: 'HOLDS_POSITION', from: e.id, to: home.id, role },
        `${e.nameDe} ist ${RELATION_ROLES[role].de} von ${home.nameDe}`,
        `${e.name} is ${roleWords(role)} of ${home.name}.`,
      );
    } else if (home && e.kind === 'ARMED_GROUP') {
      relation(
        { id: `located-${e.id}`, type: 'LOCATED_IN', from: e.id, to: home.id },
        `${e.nameDe} operiert in ${home.nameDe}`,
        `${e.name} operates in ${home.name}.`,
      );
    } else if (home) {
      relation(
        { id: `part-${e.id}`, type: 'PART_OF', from: e.id, to: home.id },
        `${e.nameDe} gehört zu ${home.nameDe}`,
        `${e.name} is part of ${home.name}.`,
      );
    }
    const alliance = e.memberOf ? chosen.get(e.memberOf) : undefined;
    if (alliance) {
      relation(
        { id: `member-${e.id}`, type: 'MEMBER_OF', from: e.id, to: alliance.id },
        `${e.nameDe} ist Mitglied von ${alliance.nameDe}`,
        `${e.name} is a member of ${alliance.name}.`,
      );
    }
  }
  for (const [type, from, to] of HUB_RELATIONS) {
    const a = chosen.get(from);
    const b = chosen.get(to);
    if (!a || !b || !rng.chance(0.6)) continue;
    const texts: Record<typeof type, [string, string]> = {
      MEMBER_OF: [`${a.nameDe} ist Mitglied von ${b.nameDe}`, `${a.name} is a member of ${b.name}.`],
      PARTNER_OF: [`${a.nameDe} und ${b.nameDe} sind enge Partner`, `${a.name} and ${b.name} are close partners.`],
      BORDERS: [`${a.nameDe} grenzt an ${b.nameDe}`, `${a.name} borders ${b.name}.`],
    };
    const [de, en] = texts[type];
    relation({ id: `${type.toLowerCase().replace('_', '-')}-${from}-${to}`, type, from, to }, de, en);
  }

  // Events, each reported by the publisher; some also attributed to a source, a few denied.
  const events: EventAnnotation[] = [];
  for (let k = 0, n = rng.int(15, 90); k < n; k++) {
    const cameo = rng.pick(CAMEO);
    const used = new Set<string>();
    const sources = others(rng.chance(0.15) ? 2 : 1, used);
    const targets = others(rng.chance(0.2) ? 2 : 1, used);
    if (sources.length === 0 || targets.length === 0) continue;
    const { date, words } = dateOf(rng);
    const u = rng.next();
    const status = (STATUSES.find(([, p]) => u < p) ?? STATUSES[0])?.[0] ?? 'OCCURRED';
    const id = `${docId}-e${k}`;
    const drones = cameo.code === '062' || cameo.code === '070' || cameo.code === '195';
    const concerns: string[] = [];
    if (drones && chosen.has('combat-drones')) concerns.push('combat-drones');
    else if (materiel.length > 0 && rng.chance(0.2)) concerns.push(rng.pick(materiel).id);
    if (disputes.length > 0 && rng.chance(0.1)) concerns.push(rng.pick(disputes).id);
    const answered = events.length > 0 && rng.chance(0.2) ? rng.pick(events) : undefined;
    const event: EventAnnotation = {
      id,
      type: cameo.type,
      label: cameo.en.replace('{S}', listEn(sources)).replace('{T}', listEn(targets)),
      labelDe: `${listDe(sources)}: ${cameo.type.toLowerCase().replace(/_/g, ' ')} (${listDe(targets)})`,
      cameo: cameo.code,
      goldstein: cameo.goldstein,
      date,
      status,
      sources: sources.map((s) => s.id),
      targets: targets.map((t) => t.id),
      concerns: [...new Set(concerns)],
      locations: regions.length > 0 && rng.chance(0.25) ? [rng.pick(regions).id] : [],
      respondsTo: answered && !datedBefore(date, answered.date) ? [answered.id] : [],
      partOf: disputes.length > 0 && rng.chance(0.4) ? [rng.pick(disputes).id] : [],
    };
    events.push(event);
    const sentence = cameo.de.replace('{D}', words).replace('{S}', listDe(sources)).replace('{T}', listDe(targets));
    claim(`c-${id}`, { event: id }, sentence, `${event.label}.`);
    if (rng.chance(0.25)) {
      const who = sources[0] as HubEntity;
      claim(
        `c-${id}-source`,
        { event: id },
        `Ein Sprecher von ${who.nameDe} bestätigte den Vorgang ${k + 1}`,
        `A spokesperson of ${who.name} confirmed it.`,
        who.id,
        'ATTRIBUTED',
      );
    }
    if (rng.chance(0.08)) {
      const who = targets[0] as HubEntity;
      claim(
        `c-${id}-denied`,
        { event: id },
        `${who.nameDe} bestritt die Darstellung zu Vorgang ${k + 1}`,
        `${who.name} denied the account.`,
        who.id,
        'DENIED',
        [`c-${id}`],
      );
    }
  }

  // The text: a headline, then paragraphs of four sentences. Quotes that occur more than once say which.
  const title = `${publisherName}: ${listDe(named.filter((e) => e.kind === 'STATE').slice(0, 3))} im Streit (${index + 1})`;
  let text = `${title}\n\n`;
  const starts = new Map<ClaimAnnotation, number>();
  for (let i = 0; i < sentences.length; i += 4) {
    const paragraph = sentences.slice(i, i + 4);
    for (const [j, s] of paragraph.entries()) {
      if (s.claim) starts.set(s.claim, text.length);
      text += s.text + (j < paragraph.length - 1 ? ' ' : '\n\n');
    }
  }
  text = text.trimEnd();
  for (const [c, start] of starts) {
    const ev = c.evidence[0];
    if (!ev) continue;
    const at = occurrences(text, ev.quote);
    if (at.length > 1) ev.occurrence = at.indexOf(start) + 1;
  }

  const entities: EntityAnnotation[] = [
    {
      id: publisherId,
      kind: 'MEDIA',
      name: `${publisherName} editorial team`,
      nameDe: `Redaktion ${publisherName}`,
      aliases: [publisherName],
    },
    ...named.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      nameDe: e.nameDe,
      aliases: e.aliases,
      ...(e.wikidataId ? { wikidataId: e.wikidataId } : {}),
    })),
  ];
  const annotations: Annotations = {
    document: {
      id: docId,
      title,
      publisher: publisherName,
      publisherEntity: publisherId,
      language: 'de',
      published: { value: `${2012 + (index % 13)}-${String((index % 12) + 1).padStart(2, '0')}`, precision: 'MONTH' },
    },
    nonFactual: [],
    entities,
    disputes,
    relations,
    events,
    claims,
  };
  return { index, slug: docId, text, yaml: stringify(annotations, { lineWidth: 0 }) };
}
