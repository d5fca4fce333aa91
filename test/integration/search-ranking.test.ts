import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fragment } from '../../src/db/cypher.js';
import { int } from '../../src/db/driver.js';
import { DROPPED_QUOTES, searchKey, wholeWordPattern } from '../../src/domain/text.js';
import { luceneTerms } from '../../src/repositories/search.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/*
 * search groups and ranks its hits in Neo4j (cypher/queries/search.cypher). Checked here against the
 * rules written out in plain code over the raw index hits, and the whole-word test against
 * searchKey's own tokens.
 */

/** The raw index hits: what each shows (its fact's key), its text, whether it is a quote. */
const RAW_HITS = `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, null AS claim
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $limit}) YIELD node, score
  OPTIONAL MATCH (c:Claim)-[:SUPPORTED_BY]->(node)
  RETURN node, score, c AS claim
}
WITH node, score, claim ORDER BY score DESC, node.id LIMIT $limit
WITH node, score, claim,
     [(claim)-[:ABOUT]->(x) | x.id][0] AS about,
     [(claim)-[:OBJECT]->(o) | o.id][0] AS object,
     [(claim)-[:SUBJECT]->(s)-[r]->(o)<-[:OBJECT]-(claim) WHERE type(r) = claim.relationType | type(r) + ':' + s.id + '->' + o.id][0] AS edge
RETURN score, node:Evidence AS quoted, node.id AS id,
       CASE WHEN node:Evidence THEN node.quote WHEN node:Entity THEN node.name + ' ' + reduce(t = '', a IN coalesce(node.aliases, []) | t + ' ' + a)
            WHEN node:Event THEN node.label ELSE node.name END AS text,
       CASE WHEN claim IS NULL THEN node.id WHEN about IS NOT NULL THEN about
            WHEN claim.relationType = 'PARTY_TO' AND object IS NOT NULL THEN object
            WHEN edge IS NOT NULL THEN edge ELSE claim.id END AS fact`;

interface Raw {
  score: number;
  quoted: boolean;
  id: string;
  text: string;
  fact: string;
}

/** A folded word stands whole in a text: one of the text's searchKey tokens. */
const standsWhole = (text: string, words: string[]) => {
  const tokens = new Set(searchKey(text).split(/[^\p{L}\p{N}]+/u));
  return words.some((w) => tokens.has(w));
};

/** The ranking rules of SearchRepository.fullText, in plain code. */
function expected(raw: Raw[], typed: string[], first: number) {
  const words = typed.map(searchKey).filter(Boolean);
  const groups = new Map<string, { hits: { score: number; exact: boolean; quote: string | null }[] }>();
  for (const r of raw) {
    const hit = { score: r.score, exact: standsWhole(r.text, words), quote: r.quoted ? r.id : null };
    const g = groups.get(r.fact) ?? { hits: [] };
    g.hits.push(hit);
    groups.set(r.fact, g);
  }
  const weight = (h: { score: number; exact: boolean }) => h.score * (h.exact ? 2 : 1);
  const ranked = [...groups].map(([fact, g]) => {
    const hits = [...g.hits].sort((a, b) => weight(b) - weight(a));
    const best = hits[0] as (typeof hits)[number];
    return {
      fact,
      best,
      titled: hits.some((h) => !h.quote),
      matches: hits.length,
      quotes: hits.flatMap((h) => (h.quote ? [h.quote] : [])),
      rank: weight(best) + 0.1 * (hits.length - 1),
    };
  });
  ranked.sort(
    (a, b) => Number(b.best.exact) - Number(a.best.exact) || Number(b.titled) - Number(a.titled) || b.rank - a.rank,
  );
  const used = new Set<string>();
  const out: { key: string; score: number; exact: boolean; matches: number; evidence: string | null }[] = [];
  for (const g of ranked) {
    const quote = g.quotes.find((q) => !used.has(q)) ?? null;
    if (!quote && !g.titled) continue;
    if (quote) used.add(quote);
    out.push({ key: g.fact, score: g.best.score, exact: g.best.exact, matches: g.matches, evidence: quote });
    if (out.length === first) break;
  }
  return out;
}

const QUERIES = [
  'Drohnen',
  'Kampfdrohnen',
  'Erdogan',
  'erdoğan',
  'ERDOĞAN',
  'Türkei',
  'Turkei',
  'Nato',
  'S-400',
  'S400',
  'Putin Erdoğan',
  'Russland',
  'Syrien Libyen',
  'Raketenabwehrsystem',
  'Telefonat',
  'Moskau Ankara',
  'Ukraine',
  'Sicherheitsgarantien',
  'NATO-Russland-Rat',
  '„Drohnen“',
  'Interessen',
];

describe('search ranks in Neo4j by its rules', () => {
  const db = testDatabase();
  const { gql } = testApp(db);
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it.each(QUERIES)('answers %j as the rules over the raw hits say', async (q) => {
    for (const first of [5, 20]) {
      const typed = q.trim().split(/\s+/);
      const raw = await db.read<Raw>('raw-hits', RAW_HITS, {
        query: typed.map(luceneTerms).join(' '),
        limit: int(first * 4),
      });
      const r = await gql(
        'query($q: String!, $first: Int) { search(query: $q, first: $first) { fact { key } score exact matches evidence { key } } }',
        { q, first },
      );
      expect(r.errors).toBeUndefined();
      const got = r.data.search.map((h: any) => ({
        key: h.fact.key,
        score: h.score,
        exact: h.exact,
        matches: h.matches,
        evidence: h.evidence?.key ?? null,
      }));
      expect(got, `${q}, first ${first}`).toEqual(expected(raw, typed, first));
    }
  });

  it('finds a word whole through case, diacritics, ß and quotes, as searchKey folds them', async () => {
    const texts = [
      'Präsident Erdoğan telefonierte',
      'Präsident Erdog\u0306an telefonierte', // a decomposed breve
      'ERDOĞANS Besuch',
      'die „Drohnen“ aus der Türkei',
      "Putin's Forderungen",
      'Kampfdrohnen und Drohnen-Lieferungen',
      'Straße nach Ankara',
      'STRASSE',
      'İstanbul und Ankara',
      'Kampfdrohnen',
      'das S-400-System',
      'Sanktionen 2022',
      'x\u0301drohnen', // a mark after a letter joins the word
      '\u0301drohnen', // a mark at the start does not
    ];
    const words = [
      ['erdogan'],
      ['erdogans'],
      ['drohnen'],
      ['putins'],
      ['putin'],
      ['strasse'],
      ['istanbul'],
      ['s'],
      ['400'],
      ['2022'],
      ['ankara', 'tur'],
      ['s-400'],
    ];
    const cases = texts.flatMap((text) => words.map((w) => ({ text, words: w, pattern: wholeWordPattern(w) })));
    const rows = await db.read<{ i: number; whole: boolean }>(
      'whole-word',
      `UNWIND range(0, size($cases) - 1) AS i WITH i, $cases[i] AS c, $cases[i].text AS text
       RETURN i, c.pattern IS NOT NULL AND ${fragment('folded-text', 'text')} =~ c.pattern AS whole`,
      { cases, dropped: DROPPED_QUOTES },
    );
    const got = rows.map((r) => ({ ...cases[r.i], whole: r.whole }));
    const want = cases.map((c) => ({ ...c, whole: standsWhole(c.text, c.words) }));
    expect(got).toEqual(want);
    expect(got.filter((c) => c.whole).length).toBeGreaterThan(10);
  });

  it('sends Neo4j back one row per fact it answers, not every index hit', async () => {
    const rowsOf: number[] = [];
    const read = db.read.bind(db);
    db.read = (async (name: string, ...rest: Parameters<typeof read> extends [string, ...infer R] ? R : never) => {
      const rows = await read(name, ...rest);
      if (name === 'search') rowsOf.push(rows.length);
      return rows;
    }) as typeof db.read;
    try {
      const r = await gql('{ search(query: "Drohnen", first: 5) { fact { key } } }');
      expect(r.errors).toBeUndefined();
      expect(r.data.search).toHaveLength(5);
      expect(rowsOf).toEqual([5]);
    } finally {
      db.read = read;
    }
  });
});
