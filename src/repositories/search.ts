import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import {
  type EdgeRecord,
  type EntityRecord,
  type EvidenceRecord,
  edgeRecord,
  entityRecord,
  evidenceRecord,
  type NodeRecord,
  nodeRecord,
} from '../domain/records.js';
import { DROPPED_QUOTES, searchKey, wholeWordPattern } from '../domain/text.js';
import type { GraphRepository } from './graph.js';
import { parseRows, RowShapeError } from './rows.js';

/** Weight of a whole-word hit against a compound part's, for choosing a fact's best hit and quote. */
const EXACT_WEIGHT = 2;
/** How much each further hit of a fact adds to its score. */
const EACH_FURTHER_HIT = 0.1;

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
  node: nodeRecord.nullable(),
  edge: edgeRecord.nullable(),
  score: z.number(),
  exact: z.boolean(),
  matches: z.number().int(),
  evidence: evidenceRecord.nullable(),
});

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
   * Full-text search over names, aliases, event labels, dispute names and evidence quotes, grouped
   * by the fact each hit shows — the node, or for a quote the event, dispute or relationship its
   * claim asserts (a party's stance, PARTY_TO, shows the dispute it takes part in) — no fact twice,
   * no quote twice. Ranked: whole-word matches before matches of a compound part; then facts whose
   * own name or label matched before facts found through a quote; then by score (doubled for a
   * whole word: EXACT_WEIGHT), and a little (EACH_FURTHER_HIT) by how many hits point to the fact. A fact found
   * only through quotes that a higher-ranked fact already shows is left out. Neo4j groups and ranks
   * (search.cypher): only the answered facts come back.
   */
  async fullText(query: string, limit: number): Promise<SearchHit[]> {
    const typed = query.trim().split(/\s+/).filter(Boolean).slice(0, 20);
    if (typed.length === 0) return [];
    const rows = parseRows(
      'search',
      hitRow,
      await this.db.read(
        'search',
        cypher('queries/search'),
        {
          query: typed.map(luceneTerms).join(' '),
          // More hits than facts asked for: several hits often show one fact.
          limit: int(Math.min(limit * 4, 400)),
          first: int(limit),
          wholeWord: wholeWordPattern(typed.map(searchKey)),
          dropped: DROPPED_QUOTES,
          exactWeight: EXACT_WEIGHT,
          eachFurtherHit: EACH_FURTHER_HIT,
        },
        this.opts,
      ),
    );
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const fact = row.node ?? row.edge;
      if (!fact) throw new RowShapeError('query "search" returned a hit without its fact');
      hits.push({ fact, score: row.score, evidence: row.evidence, exact: row.exact, matches: row.matches });
    }
    this.graph.prime(hits.flatMap((h) => ('labels' in h.fact ? [h.fact] : [])));
    return hits;
  }
}
