import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import type { EntityRecord, NodeRecord } from '../domain/records.js';
import { searchKey } from '../ingest/text.js';
import type { GraphRepository } from './graph.js';

export interface SearchHit {
  node: NodeRecord;
  score: number;
  matched: string | null;
}

/** Lucene's query syntax characters, escaped so that user text is searched as words. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/]|&&|\|\|/g, (m) => m.replace(/./g, '\\$&'));
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
      { key, limit },
      this.opts,
    );
    return this.graph.prime(rows.map((r) => r.node));
  }

  /** Full-text search over names, aliases, event labels, dispute names and evidence quotes. */
  async fullText(query: string, limit: number): Promise<SearchHit[]> {
    const words = query.trim().split(/\s+/).filter(Boolean).map(escapeLucene);
    if (words.length === 0) return [];
    const rows = await this.db.read<SearchHit>(
      'search',
      cypher('queries/search'),
      { query: words.join(' '), limit },
      this.opts,
    );
    this.graph.prime(rows.map((r) => r.node));
    return rows;
  }
}
