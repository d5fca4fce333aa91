import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database, DatabaseUnavailableError } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import { testDatabase } from '../helpers/db.js';

describe('Database against the real Neo4j', () => {
  const db = testDatabase();
  beforeAll(async () => {
    expect(await db.check()).toBe(true);
  });
  afterAll(() => db.close());

  it('writes through a write transaction and reads it back through a read transaction', async () => {
    const token = `probe-${Date.now()}`;
    await db.write('test-write', 'CREATE (:Probe {token: $token, n: $n})', { token, n: 42 });
    const rows = await db.read<{ n: number }>('test-read', 'MATCH (p:Probe {token: $token}) RETURN p.n AS n', {
      token,
    });
    expect(rows).toEqual([{ n: 42 }]);
    await db.write('test-cleanup', 'MATCH (p:Probe {token: $token}) DELETE p', { token });
  });

  it('rolls back every statement of a failed write transaction', async () => {
    const token = `tx-${Date.now()}`;
    await expect(
      db.writeTransaction('test-tx', async (tx) => {
        await tx.run('CREATE (:Probe {token: $token})', { token });
        await tx.run('RETURN 1/0');
      }),
    ).rejects.toThrow();
    const rows = await db.read('test-read', 'MATCH (p:Probe {token: $token}) RETURN p', { token });
    expect(rows).toHaveLength(0);
  });

  it('counts queries per request', async () => {
    const stats = { count: 0, ms: 0, names: [] as string[] };
    await db.read('one', 'RETURN 1 AS x', {}, { stats });
    await db.read('two', 'RETURN 2 AS x', {}, { stats });
    expect(stats.count).toBe(2);
    expect(stats.names).toEqual(['one', 'two']);
  });

  it('asks Neo4j for no notifications: a warning is not sent with every answer', async () => {
    // An unknown property key is a warning Neo4j would repeat with every answer of the query.
    const query = 'MATCH (p:Probe) RETURN p.neverWrittenProperty AS x LIMIT 1';
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(query);
      expect(result.summary.notifications).toEqual([]);
      expect(result.summary.gqlStatusObjects.filter((s) => s.severity === 'WARNING')).toEqual([]);
    } finally {
      await session.close();
    }
    // The same query on a driver with Neo4j's default brings the warning (the check above can fail).
    const n = inject('neo4j');
    const plain = neo4j.driver(n.uri, neo4j.auth.basic(n.user, n.password));
    try {
      const other = plain.session({ defaultAccessMode: 'READ', database: n.database });
      const result = await other.run(query);
      await other.close();
      expect(result.summary.notifications.map((x) => x.code)).toContain(
        'Neo.ClientNotification.Statement.UnknownPropertyKeyWarning',
      );
    } finally {
      await plain.close();
    }
  });

  it('captures no stack for a read it starts, and a failed read still says what failed', async () => {
    // The driver formats `new Error().stack` for every query, to put it on a later error: CPU spent on
    // every request for nothing (src/db/driver.ts withoutStackCapture).
    const frames: number[] = [];
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, sites) => {
      frames.push(sites.length);
      return previous ? previous(error, sites) : String(error);
    };
    try {
      expect(await db.read('probe', 'RETURN 1 AS x')).toEqual([{ x: 1 }]);
    } finally {
      Error.prepareStackTrace = previous;
    }
    expect(frames.filter((n) => n > 0)).toEqual([]);
    await expect(db.read('probe-fails', 'RETURN 1 / 0 AS x')).rejects.toThrow(/by zero/);
  });

  it('applies the schema idempotently', async () => {
    const first = await applySchema(db);
    const second = await applySchema(db);
    expect(second).toBe(first);
    const rows = await db.read<{ name: string }>('constraints', 'SHOW CONSTRAINTS YIELD name RETURN name');
    expect(rows.map((r) => r.name)).toContain('entity_id');
    const ft = await db.read<{ name: string }>(
      'fulltext',
      "SHOW FULLTEXT INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
    );
    expect(ft.map((r) => r.name).sort()).toEqual(['entity_names', 'evidence_quotes']);
  });

  it('reports a wrong password as unavailable with one clear line, without throwing', async () => {
    const bad = new Database({ ...db.connection, password: 'wrong-password' }, { queryTimeoutMs: 5_000 });
    try {
      expect(await bad.check()).toBe(false);
      expect(bad.status.error).toBe('Neo4j refused the user name or password');
      await expect(bad.read('x', 'RETURN 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await bad.close();
    }
  });

  it('fails fast for an unreachable server', async () => {
    const bad = new Database(
      { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined },
      { queryTimeoutMs: 5_000 },
    );
    try {
      const started = Date.now();
      expect(await bad.check()).toBe(false);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(bad.status.error).toMatch(/^Neo4j is unreachable/);
    } finally {
      await bad.close();
    }
  });
});
