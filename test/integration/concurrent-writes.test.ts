import { readFileSync } from 'node:fs';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import type { Database } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'editor-secret-0123456789';
const auth = { authorization: `Bearer ${EDITOR}` };
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';
const input = (dir: string) => ({
  articleText: readFileSync(`${dir}/article.txt`, 'utf8'),
  annotationsYaml: readFileSync(`${dir}/annotations.yaml`, 'utf8'),
  slug: dir.split('/').at(-1),
});

/** Every node and relationship with its properties, in a stable order. */
async function snapshot(db: Database) {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    'nodes',
    // The graph's version node counts writes (32 here, 2 in the reference): it is not the graph's content.
    `MATCH (n) WHERE NOT n:GraphVersion WITH n, properties(n) AS p
     RETURN labels(n) AS labels, p {.*, ingestedAt: null} AS props ORDER BY n.id`,
  );
  const rels = await db.read<{ key: string; props: Record<string, unknown> }>(
    'rels',
    `MATCH (a)-[r]->(b) WITH a, r, b ORDER BY a.id, type(r), b.id, r.start
     RETURN a.id + ' ' + type(r) + ' ' + b.id AS key, properties(r) AS props`,
  );
  return { nodes: nodes.map((n) => ({ ...n, labels: [...n.labels].sort() })), rels };
}

const deadlock = () =>
  new Neo4jError(
    'ForsetiClient can not acquire ExclusiveLock',
    'Neo.TransientError.Transaction.DeadlockDetected',
    '50N42',
    'deadlock',
  );

describe('concurrent writes: transient Neo4j errors are retried, and the graph ends whole', () => {
  const db = testDatabase();
  const { gql } = testApp(db, { apiKeys: [{ name: 'ed', role: 'editor', sha256: sha256Hex(EDITOR) }] });
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  afterAll(() => db.close());

  it('lets 30 concurrent ingests of the two articles all succeed; the graph equals one clean ingest of each', async () => {
    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
    await ingestArticle(db, SECOND);
    const reference = await snapshot(db);
    const counts = await graphCounts(db);

    await clearGraph(db);
    const inputs = [input(ARTICLE), input(SECOND)];
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => gql(INGEST, { input: inputs[i % 2] }, auth)),
    );
    const failed = replies.filter((r) => r.errors);
    expect(failed.map((r) => r.errors?.[0]?.extensions?.code)).toEqual([]);
    expect(await graphCounts(db)).toEqual(counts);
    expect(await snapshot(db)).toEqual(reference);
  });

  it('retries a transient error (deadlock) in a write transaction and then succeeds', async () => {
    let attempts = 0;
    const value = await db.writeTransaction('test-retry', async (tx) => {
      attempts += 1;
      await tx.run('RETURN 1');
      if (attempts < 4) throw deadlock();
      return 'done';
    });
    expect(value).toBe('done');
    expect(attempts).toBe(4);
  });

  it('gives up with the coded, retryable TRANSIENT_ERROR when the deadline passes', async () => {
    let attempts = 0;
    const err = await db
      .writeTransaction(
        'test-deadline',
        async () => {
          attempts += 1;
          throw deadlock();
        },
        { retryForMs: 300 },
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TRANSIENT_ERROR' });
    expect(attempts).toBeGreaterThan(1);
  });

  it("stops retrying when the caller's signal aborts", async () => {
    const controller = new AbortController();
    let attempts = 0;
    const err = await db
      .writeTransaction(
        'test-abort',
        async () => {
          attempts += 1;
          if (attempts === 2) controller.abort();
          throw deadlock();
        },
        { signal: controller.signal, retryForMs: 60_000 },
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(attempts).toBe(2);
  });

  it('does not retry an error that is not transient', async () => {
    let attempts = 0;
    await expect(
      db.writeTransaction('test-no-retry', async (tx) => {
        attempts += 1;
        await tx.run('RETURN 1/0');
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
