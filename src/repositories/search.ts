import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import {
  claimRecord,
  displayName,
  type EdgeRecord,
  type EntityRecord,
  type EvidenceRecord,
  edgeKey,
  edgeRecord,
  entityRecord,
  isEntity,
  isEvidence,
  type NodeRecord,
  nodeRecord,
} from '../domain/records.js';
import { searchKey } from '../domain/text.js';
import type { GraphRepository } from './graph.js';
import type { Projection } from './projection.js';
import { parseRows } from './rows.js';

/** The words Lucene's classic query parser reads as operators (only in upper case). */
const LUCENE_KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO']);

/**
 * A word of user text as Lucene reads it literally: its syntax characters (+ - ! ( ) { } [ ] ^ " ~ * ? : \ /,
 * & and |) escaped, and a keyword (AND, OR, NOT, TO) quoted, so that it is searched as a word.
 */
export function escapeLucene(word: string): string {
  if (LUCENE_KEYWORDS.has(word)) return `"${word}"`;
  return word.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&');
}

/**
 * A word as typed, or, for words of five letters and more, any indexed word that contains its stem:
 * German compounds ("Kampfdrohnen") then match their parts ("Drohnen"). The stem is folded the way
 * the German analyzer folds the index (lower case, ä → a, ß → ss) and loses a common ending.
 */
export function luceneTerms(word: string): string {
  const exact = escapeLucene(word);
  const folded = searchKey(word).replace(/[^a-z0-9]/g, '');
  if (folded.length < 5 || folded !== searchKey(word)) return exact;
  const stem = folded.replace(/(en|er|es|em|e|n|s)$/, '');
  return `(${exact} OR *${stem}*)`;
}

const entityRow = z.object({ node: entityRecord });
const hitRow = z.object({
  node: nodeRecord,
  score: z.number(),
  via: z
    .object({
      claim: claimRecord,
      about: nodeRecord.nullable(),
      object: nodeRecord.nullable(),
      edge: edgeRecord.nullable(),
    })
    .nullable(),
});
type HitRow = z.infer<typeof hitRow>;

/** One fact that a search found: an entity, event, dispute, relationship or claim, with its best quote. */
export interface SearchHit {
  fact: NodeRecord | EdgeRecord;
  score: number;
  /** The best quote that matched (an evidence hit), or null when the fact's own names matched. */
  evidence: EvidenceRecord | null;
  /** A query word matched as a whole word (not only as part of a compound). */
  exact: boolean;
  /** How many index hits (names, quotes) point to this fact. */
  matches: number;
}

/** Whether a folded query word stands as a whole word in the text (folded the same way). */
export function matchesWholeWord(text: string, words: readonly string[]): boolean {
  const tokens = new Set(
    searchKey(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  return words.some((w) => tokens.has(w));
}

export class SearchRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
    private readonly graph: GraphRepository,
  ) {}

  /** Entities whose name or alias matches, folding case and diacritics ("erdogan" → Erdoğan). */
  async byName(name: string, limit: number): Promise<EntityRecord[]> {
    const key = searchKey(name);
    if (!key) return [];
    const rows = parseRows(
      'entities-by-name',
      entityRow,
      await this.db.read('entities-by-name', cypher('queries/entities-by-name'), { key, limit: int(limit) }, this.opts),
    );
    return this.graph.prime(rows.map((r) => r.node));
  }

  /**
   * The fact an index hit shows: the node itself, or for a quote the event, dispute or relationship
   * its claim asserts — a party's stance (PARTY_TO) shows the dispute it takes part in.
   */
  private factOf(row: HitRow): { key: string; fact: NodeRecord | EdgeRecord } {
    const { via, node } = row;
    if (!via) return { key: node.id, fact: node };
    if (via.about) return { key: via.about.id, fact: via.about };
    if (via.claim.relationType === 'PARTY_TO' && via.object) return { key: via.object.id, fact: via.object };
    if (via.edge) return { key: edgeKey(via.edge), fact: via.edge };
    return { key: via.claim.id, fact: via.claim };
  }

  /**
   * Full-text search over names, aliases, event labels, dispute names and evidence quotes, grouped
   * by the fact each hit shows (no fact twice, no quote twice). Ranked: whole-word matches before
   * matches of a compound part; then facts whose own name or label matched before facts found
   * through a quote; then by score, and a little by how many hits point to the fact. A fact found
   * only through quotes that a higher-ranked fact already shows is left out.
   */
  async fullText(query: string, limit: number): Promise<SearchHit[]> {
    const typed = query.trim().split(/\s+/).filter(Boolean).slice(0, 20);
    if (typed.length === 0) return [];
    const folded = typed.map((w) => searchKey(w)).filter(Boolean);
    const rows = parseRows(
      'search',
      hitRow,
      await this.db.read(
        'search',
        cypher('queries/search'),
        // More hits than facts asked for: several hits often show one fact. An entity's aliases
        // decide whether it matched a whole word, a claim's relation type which fact a quote shows,
        // whatever the operation reads.
        {
          query: typed.map(luceneTerms).join(' '),
          limit: int(Math.min(limit * 4, 400)),
          projection: {
            ...(this.opts.params?.projection as Projection | undefined),
            aliases: true,
            relationType: true,
          },
        },
        this.opts,
      ),
    );
    const byFact = new Map<string, Grouped>();
    for (const row of rows) {
      const { key, fact } = this.factOf(row);
      const evidence = isEvidence(row.node) ? row.node : null;
      const text = evidence
        ? evidence.quote
        : displayName(row.node) + (isEntity(row.node) ? ` ${row.node.aliases.join(' ')}` : '');
      const exact = matchesWholeWord(text, folded);
      const hit = { score: row.score, exact, evidence };
      const seen = byFact.get(key);
      if (!seen) byFact.set(key, { fact, hits: [hit] });
      else seen.hits.push(hit);
    }
    const ranked = [...byFact.values()].map(summarize).sort(byRank);
    const usedQuotes = new Set<string>();
    const hits: SearchHit[] = [];
    for (const g of ranked) {
      const quote = g.quotes.find((q) => !usedQuotes.has(q.evidence.id));
      if (!quote && !g.titled) continue;
      if (quote) usedQuotes.add(quote.evidence.id);
      hits.push({
        fact: g.fact,
        score: g.best.score,
        evidence: quote?.evidence ?? null,
        exact: g.best.exact,
        matches: g.matches,
      });
      if (hits.length === limit) break;
    }
    this.graph.prime(hits.flatMap((h) => ('labels' in h.fact ? [h.fact] : [])));
    return hits;
  }
}

interface IndexHit {
  score: number;
  exact: boolean;
  evidence: EvidenceRecord | null;
}
interface Grouped {
  fact: NodeRecord | EdgeRecord;
  hits: IndexHit[];
}
interface Ranked {
  fact: NodeRecord | EdgeRecord;
  best: IndexHit;
  /** Its own name or label matched (not only a quote). */
  titled: boolean;
  matches: number;
  /** Its quotes, best first. */
  quotes: (IndexHit & { evidence: EvidenceRecord })[];
}

/** Weight of a whole-word hit against a compound part's, for choosing a fact's best hit and quote. */
const EXACT_WEIGHT = 2;
/** How much each further hit of a fact adds to its score. */
const EACH_FURTHER_HIT = 0.1;
const weight = (h: IndexHit) => h.score * (h.exact ? EXACT_WEIGHT : 1);

function summarize(g: Grouped): Ranked {
  const byWeight = [...g.hits].sort((a, b) => weight(b) - weight(a));
  return {
    fact: g.fact,
    best: byWeight[0] as IndexHit,
    titled: g.hits.some((h) => !h.evidence),
    matches: g.hits.length,
    quotes: byWeight.filter((h): h is IndexHit & { evidence: EvidenceRecord } => h.evidence !== null),
  };
}

function byRank(a: Ranked, b: Ranked): number {
  const exact = Number(b.best.exact) - Number(a.best.exact);
  if (exact !== 0) return exact;
  const titled = Number(b.titled) - Number(a.titled);
  if (titled !== 0) return titled;
  const score = (r: Ranked) => weight(r.best) + EACH_FURTHER_HIT * (r.matches - 1);
  return score(b) - score(a);
}
