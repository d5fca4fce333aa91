import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { poolSizeFor, syntheticCorpus } from '../../bench/synthetic/generate.js';
import { applySchema } from '../../src/db/schema.js';
import { planRelationships } from '../../src/domain/ingest-plan.js';
import { writeInBatches } from '../../src/ingest/batches.js';
import { type LoadedArticle, loadArticleFrom } from '../../src/ingest/ingest.js';
import { writePlan } from '../../src/repositories/ingest-writer.js';
import { clearGraph, testDatabase } from '../helpers/db.js';
import { wholeGraph } from '../helpers/snapshot.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';

function synthetic(n: number): LoadedArticle[] {
  const articles: LoadedArticle[] = [];
  for (const a of syntheticCorpus(11, poolSizeFor(1_000))) {
    if (articles.length >= n) break;
    articles.push(loadArticleFrom(a.slug, a.slug, a.text, a.yaml));
  }
  return articles;
}

describe('writing many articles in batches', () => {
  const db = testDatabase(120_000);
  const articles = synthetic(5);
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  afterAll(() => db.close());

  it('writes batches of about the size asked for, in order, ending as one by one does', async () => {
    await clearGraph(db);
    for (const a of articles) await writePlan(db, a.plan);
    const expected = await wholeGraph(db);

    await clearGraph(db);
    const sizes = articles.map((a) => planRelationships(a.plan));
    // Two articles' worth: a batch ends with the article that reaches the size.
    const size = (sizes[0] ?? 0) + 1;
    const queue = [...articles];
    const batches: string[][] = [];
    await writeInBatches(db, () => queue.shift(), {
      size,
      onBatch: ({ items, outcomes, writeMs }) => {
        expect(outcomes).toHaveLength(items.length);
        expect(writeMs).toBeGreaterThan(0);
        batches.push(items.map((i) => i.slug));
      },
    });
    expect(batches.flat()).toEqual(articles.map((a) => a.slug));
    expect(batches.length).toBeLessThan(articles.length);
    expect(batches.every((b) => b.length >= 1)).toBe(true);
    expect(await wholeGraph(db)).toEqual(expected);
  });

  it('takes the next batch while the current one writes', async () => {
    await clearGraph(db);
    const events: string[] = [];
    const queue = [...articles.slice(0, 3)];
    await writeInBatches(
      db,
      () => {
        const a = queue.shift();
        if (a) events.push(`take ${a.slug}`);
        return a;
      },
      { size: 0, onBatch: ({ items }) => void events.push(`written ${items[0]?.slug}`) },
    );
    const [a, b, c] = articles.map((x) => x.slug);
    // One article per transaction: the second is taken before the first is written, and so on.
    expect(events).toEqual([`take ${a}`, `take ${b}`, `written ${a}`, `take ${c}`, `written ${b}`, `written ${c}`]);
  });

  it('throws what a batch throws, after the batches before it are written', async () => {
    await clearGraph(db);
    const broken = {
      ...articles[1],
      plan: { ...articles[1]?.plan, documentId: undefined },
    } as unknown as LoadedArticle;
    const queue = [articles[0] as LoadedArticle, broken, articles[2] as LoadedArticle];
    const written: string[] = [];
    await expect(
      writeInBatches(db, () => queue.shift(), {
        size: 0,
        onBatch: ({ items }) => void written.push(...items.map((i) => i.slug)),
      }),
    ).rejects.toThrow();
    expect(written).toEqual([articles[0]?.slug]);
    const docs = await db.read<{ id: string }>('docs', 'MATCH (d:Document) RETURN d.id AS id ORDER BY id');
    expect(docs.map((d) => d.id)).toEqual([articles[0]?.plan.documentId]);
  });

  it('the CLI writes several folders in order, with a summary of each', async () => {
    const neo4j = inject('neo4j');
    if (!neo4j.localDir) return; // the CLI joins the tests' own local Neo4j
    await clearGraph(db);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', ARTICLE, SECOND], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: '', NEO4J_LOCAL_DIR: neo4j.localDir, NEO4J_PASSWORD: neo4j.password },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.slug)).toEqual(['2022-01-flashup-moskau-ankara', 'test-second-article']);
    const docs = await db.read<{ id: string }>('docs', 'MATCH (d:Document) RETURN d.id AS id ORDER BY id');
    expect(docs).toHaveLength(2);
  });

  it('the CLI refuses a batch size that is not a whole number', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', '--batch', 'lots', ARTICLE], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: .*--batch <relationships>/);
  });
});
