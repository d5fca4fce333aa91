import { cypher } from '../db/cypher.js';
import { type Database, int, type QueryOptions } from '../db/driver.js';
import type { NodeRecord } from '../domain/records.js';
import type { GraphRepository } from './graph.js';

export interface Page<T> {
  items: T[];
  /** Counted by a separate query, only when the client asks for totalCount. */
  total: () => Promise<number>;
}

/** The filtered lists behind the connections: a page query and a count query per list. */
export class ListRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
    private readonly graph: GraphRepository,
  ) {}

  private async page<T extends NodeRecord>(
    name: string,
    filters: Record<string, unknown>,
    offset: number,
    limit: number,
  ): Promise<Page<T>> {
    const rows = await this.db.read<{ node: T }>(
      `${name}-page`,
      cypher(`queries/${name}-page`),
      { ...filters, offset: int(offset), limit: int(limit) },
      this.opts,
    );
    let total: Promise<number> | undefined;
    return {
      items: this.graph.prime(rows.map((r) => r.node)),
      total: () => {
        total ??= this.db
          .read<{ total: number }>(`${name}-count`, cypher(`queries/${name}-count`), filters, this.opts)
          .then(([r]) => r?.total ?? 0);
        return total;
      },
    };
  }

  entities(
    f: { actorsOnly: boolean; kinds: string[] | null; disputeId: string | null; nameKey: string | null },
    offset: number,
    limit: number,
  ) {
    return this.page('actors', f, offset, limit);
  }

  events(
    f: {
      from: string | null;
      to: string | null;
      types: string[] | null;
      statuses: string[] | null;
      actorId: string | null;
      affiliates: boolean;
      disputeId: string | null;
    },
    offset: number,
    limit: number,
  ) {
    return this.page('events', f, offset, limit);
  }

  disputes(f: { actorId: string | null }, offset: number, limit: number) {
    return this.page('disputes', f, offset, limit);
  }

  claims(
    f: { stances: string[] | null; documentId: string | null; assertedBy: string | null },
    offset: number,
    limit: number,
  ) {
    return this.page('claims', f, offset, limit);
  }

  documents(offset: number, limit: number) {
    return this.page('documents', {}, offset, limit);
  }
}
