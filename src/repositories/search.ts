import { cypher } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import type { EntityRecord, NodeRecord } from '../domain/records.js';
import { searchKey } from '../ingest/text.js';
import type { GraphRepository } from './graph.js';

export interface SearchHit {
  node: NodeRecord;
  score: number;
  matched: string | null;
}

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
    const rows = await this.db.read<{ node: EntityRecord }>(
      'entities-by-name',
      cypher('queries/entities-by-name'),
      { key, limit: int(limit) },
      this.opts,
    );
    return this.graph.prime(rows.map((r) => r.node));
  }

  /** Full-text search over names, aliases, event labels, dispute names and evidence quotes. */
  async fullText(query: string, limit: number): Promise<SearchHit[]> {
    const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 20).map(luceneTerms);
    if (words.length === 0) return [];
    const rows = await this.db.read<SearchHit>(
      'search',
      cypher('queries/search'),
      { query: words.join(' '), limit: int(limit) },
      this.opts,
    );
    this.graph.prime(rows.map((r) => r.node));
    return rows;
  }
}
