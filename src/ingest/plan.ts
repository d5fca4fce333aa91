import { createHash } from 'node:crypto';
import { sortDate } from '../domain/dates.js';
import type { EdgeType, EventEdgeType } from '../domain/edges.js';
import type { EntityField } from '../domain/entities.js';
import { quadClass } from '../domain/events.js';
import { type EdgeRow, type IngestPlan, LOADER_VERSION } from '../domain/ingest-plan.js';
import { searchKey } from '../domain/text.js';
import type { Annotations } from './annotation-schema.js';
import { findMentions, occurrences, type Sentence, sentenceAt, splitSentences } from './text.js';

export type { EdgeRow, IngestPlan } from '../domain/ingest-plan.js';

/** Turns validated annotations and the article text into the rows the writer sends to Neo4j. */
export function planIngest(a: Annotations, text: string, slug: string): IngestPlan {
  const documentId = a.document.id;
  const claimPrefix = `${documentId}:`;
  const sentences = splitSentences(text);
  const sentenceId = (s: Sentence) => `${documentId}:s${s.index}`;

  // What this document says of each entity, field by field ("name|NATO", "alias|Nato"); absent when it
  // says nothing (no description). 06b derives what an entity shows from every document's say.
  const entities = a.entities
    .map((e) => {
      const names = [...new Set([e.name, e.nameDe, ...e.aliases])];
      const said: [EntityField, string | undefined][] = [
        ['kind', e.kind],
        ['name', e.name],
        ['nameDe', e.nameDe],
        ['description', e.description],
        ['wikidataId', e.wikidataId],
        ...e.aliases.map((x): [EntityField, string] => ['alias', x]),
        ...[...new Set(names.map(searchKey))].map((x): [EntityField, string] => ['key', x]),
      ];
      return { id: e.id, values: said.filter(([, v]) => v !== undefined).map(([f, v]) => `${f}|${v}`) };
    })
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const claimsAbout = new Map<string, string[]>();
  for (const c of a.claims) {
    const aboutId = Object.values(c.about)[0] as string;
    const ids = claimsAbout.get(aboutId);
    if (ids) ids.push(claimPrefix + c.id);
    else claimsAbout.set(aboutId, [claimPrefix + c.id]);
  }

  const edges = new Map<EdgeType, EdgeRow[]>();
  const addEdge = (type: EdgeType, row: EdgeRow) => {
    const rows = edges.get(type);
    if (rows) rows.push(row);
    else edges.set(type, [row]);
  };
  for (const r of a.relations) {
    addEdge(r.type, {
      from: r.from,
      to: r.to,
      claimIds: claimsAbout.get(r.id) ?? [],
      props: { relationId: r.id, role: r.role ?? null, stance: r.stance ?? null },
    });
  }
  for (const e of a.events) {
    const claimIds = claimsAbout.get(e.id) ?? [];
    const roles: [EventEdgeType | 'PART_OF', string[]][] = [
      ['HAS_SOURCE', e.sources],
      ['HAS_TARGET', e.targets],
      ['CONCERNS', e.concerns],
      ['TAKES_PLACE_IN', e.locations],
      ['RESPONDS_TO', e.respondsTo],
      ['IN_DISPUTE', e.partOf],
      ['PART_OF', e.within === undefined ? [] : [e.within]],
    ];
    for (const [type, ids] of roles) for (const to of ids) addEdge(type, { from: e.id, to, claimIds, props: {} });
  }
  for (const d of a.disputes) {
    for (const to of d.concerns)
      addEdge('CONCERNS', { from: d.id, to, claimIds: claimsAbout.get(d.id) ?? [], props: {} });
  }

  const relationById = new Map(a.relations.map((r) => [r.id, r]));
  const claims: IngestPlan['claims'] = [];
  const evidence: IngestPlan['evidence'] = [];
  for (const c of a.claims) {
    const [aboutKind, aboutId] = Object.entries(c.about)[0] as [string, string];
    const relation = aboutKind === 'relation' ? relationById.get(aboutId) : undefined;
    const id = claimPrefix + c.id;
    claims.push({
      id,
      assertedBy: c.assertedBy,
      aboutId,
      aboutKind,
      subject: relation?.from ?? null,
      object: relation?.to ?? null,
      props: {
        localId: c.id,
        documentId,
        stance: c.stance,
        aspect: c.aspect,
        statement: c.statement,
        aboutKind,
        aboutId,
        relationType: relation?.type ?? null,
      },
    });
    c.evidence.forEach((ev, i) => {
      const start = occurrences(text, ev.quote)[(ev.occurrence ?? 1) - 1] ?? 0;
      const sentence = sentenceAt(sentences, start) ?? sentences[0];
      if (!sentence) throw new Error('the article has no sentence');
      evidence.push({
        id: `${id}:e${i}`,
        claimId: id,
        sentenceId: sentenceId(sentence),
        props: {
          documentId,
          claimId: id,
          quote: ev.quote,
          gloss: ev.gloss,
          start,
          end: start + ev.quote.length,
          sentenceIndex: sentence.index,
          sentence: sentence.text,
        },
      });
    });
  }

  const order = timelineOrder(a.events);

  const terms = a.entities.flatMap((e) =>
    [...new Set([e.name, e.nameDe, ...e.aliases])].map((term) => ({ entityId: e.id, term })),
  );
  const mentions = findMentions(text, terms).map((m) => ({
    ...m,
    sentenceIndex: sentenceAt(sentences, m.start)?.index ?? -1,
  }));

  return {
    documentId,
    claimPrefix,
    document: {
      id: documentId,
      slug,
      title: a.document.title,
      publisher: a.document.publisher,
      language: a.document.language,
      publishedValue: a.document.published.value ?? null,
      publishedPrecision: a.document.published.precision,
      publishedText: a.document.published.text ?? null,
      url: a.document.url ?? null,
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      sentenceCount: sentences.length,
      loaderVersion: LOADER_VERSION,
    },
    publisherEntity: a.document.publisherEntity,
    sentences: sentences.map((s) => ({ id: sentenceId(s), index: s.index, start: s.start, end: s.end, text: s.text })),
    entities,
    disputes: a.disputes.map((d) => ({
      id: d.id,
      props: {
        name: d.name,
        nameDe: d.nameDe,
        description: d.description,
        searchKeys: [searchKey(d.name), searchKey(d.nameDe)],
      },
    })),
    events: a.events.map((e) => ({
      id: e.id,
      props: {
        ...order.get(e.id),
        type: e.type,
        label: e.label,
        labelDe: e.labelDe,
        cameo: e.cameo,
        quadClass: quadClass(e.cameo),
        goldstein: e.goldstein,
        dateValue: e.date.value ?? null,
        datePrecision: e.date.precision,
        dateText: e.date.text ?? null,
        sortDate: sortDate(e.date.value),
        status: e.status,
      },
    })),
    edges,
    claims,
    evidence,
    contradictions: a.claims.flatMap((c) =>
      c.contradicts.map((to) => ({ from: claimPrefix + c.id, to: claimPrefix + to })),
    ),
    mentions,
  };
}

/**
 * Where each event stands in a timeline: `orderDate` is the first day it can mean, but never before
 * what it answers or is part of (a readout dated to the month comes after the call it reports);
 * `orderRank` puts an answer after what it answers on the same day.
 */
export function timelineOrder(
  events: Annotations['events'],
): Map<string, { orderDate: string | null; orderRank: number }> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const done = new Map<string, { orderDate: string | null; orderRank: number }>();
  const visit = (id: string, path: Set<string>): { orderDate: string | null; orderRank: number } => {
    const known = done.get(id);
    if (known) return known;
    const e = byId.get(id);
    const own = { orderDate: sortDate(e?.date.value), orderRank: 0 };
    if (!e || path.has(id)) return own;
    const before = [...e.respondsTo, ...(e.within === undefined ? [] : [e.within])]
      .filter((x) => byId.has(x))
      .map((x) => visit(x, new Set([...path, id])));
    const result = before.reduce((acc, b) => {
      if (b.orderDate === null) return acc;
      if (acc.orderDate === null || b.orderDate > acc.orderDate)
        return { orderDate: b.orderDate, orderRank: b.orderRank + 1 };
      if (b.orderDate === acc.orderDate)
        return { orderDate: acc.orderDate, orderRank: Math.max(acc.orderRank, b.orderRank + 1) };
      return acc;
    }, own);
    done.set(id, result);
    return result;
  };
  for (const e of events) visit(e.id, new Set());
  return done;
}
