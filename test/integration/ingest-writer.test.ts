import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, statements } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle, loadArticleFrom } from '../../src/ingest/ingest.js';
import { deriveNames, upsertEdges } from '../../src/repositories/ingest-upsert.js';
import { writePlan } from '../../src/repositories/ingest-writer.js';
import { clearGraph, testDatabase } from '../helpers/db.js';
import { wholeGraph } from '../helpers/snapshot.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';

/** The second article without its own publisher (test-desk) and without its second event. */
function shrunkSecond(): string {
  const yaml = readFileSync(`${SECOND}/annotations.yaml`, 'utf8')
    .replace('publisherEntity: test-desk', 'publisherEntity: erdogan')
    .replaceAll('assertedBy: test-desk', 'assertedBy: erdogan')
    .replace(/ {2}- id: test-desk\n(?: {4}.*\n)+/, '')
    .replace(/ {2}- id: turkey-seeks-dialogue-with-moscow\n(?: {4}.*\n)+/, '')
    .replace(/ {2}- id: c-dialogue\n[\s\S]*$/, '');
  expect(yaml).not.toContain('test-desk');
  expect(yaml).not.toContain('turkey-seeks-dialogue-with-moscow');
  return yaml;
}

async function ingestSecond(db: Database, yaml: string) {
  const article = loadArticleFrom('test-second-article', SECOND, readFileSync(`${SECOND}/article.txt`, 'utf8'), yaml);
  await writePlan(db, article.plan);
}

describe('the ingest writer', () => {
  const db = testDatabase(60_000);
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  afterAll(() => db.close());

  /** The plan operators of every writer statement that scan a label, all nodes or all relationships. */
  async function scans(): Promise<string[]> {
    const files = [
      '00-lock-documents',
      '01-remove-document-claims',
      '03-release-shared',
      '04-upsert-document',
      '05-upsert-sentences',
      '06-upsert-entities',
      '07-upsert-disputes',
      '08-upsert-events',
      '10-upsert-claims',
      '11-upsert-evidence',
      '12-link-contradictions',
      '13-create-mentions',
      '13b-reapply-edits',
      '14-remove-orphans',
    ];
    const texts = [
      ...files.map((f) => [f, cypher(`ingest/${f}`)]),
      ['06b-derive-names', deriveNames()],
      ['09-upsert-edges', upsertEdges()],
    ];
    const found: string[] = [];
    const session = db.driver.session({ database: db.connection.database });
    try {
      for (const [name, text] of texts) {
        for (const statement of statements(text ?? '')) {
          // Planned now, on this graph (not a plan cached on another).
          const { summary } = await session.run(`EXPLAIN CYPHER replan=force ${statement}`);
          const operators: string[] = [];
          const walk = (p: { operatorType: string; children: unknown[] }) => {
            operators.push(p.operatorType);
            for (const c of p.children) walk(c as typeof p);
          };
          if (summary.plan) walk(summary.plan as never);
          for (const op of operators)
            if (/AllNodesScan|NodeByLabelScan|NodeByLabelsScan|NodeIndexScan|AllRelationshipsScan|TypeScan/.test(op))
              found.push(`${name}: ${op}`);
        }
      }
    } finally {
      await session.close();
    }
    return found;
  }

  it('finds every node it touches through an index: no statement scans all nodes or a whole label', async () => {
    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
    await ingestArticle(db, SECOND);
    expect(await scans()).toEqual([]);
  });

  it('plans no scan on an empty graph either (Neo4j keeps a plan made there while the graph grows)', async () => {
    await clearGraph(db);
    expect(await scans()).toEqual([]);
  });

  it.each([
    ['it wrote the document', false],
    ['an older loader wrote the document (no ids of shared nodes on it)', true],
  ])('a re-ingest removes the shared nodes only that document held, when %s', async (_name, older) => {
    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
    await ingestSecond(db, shrunkSecond());
    const fresh = await wholeGraph(db);
    expect(fresh.counts[':Document']).toBe(2);

    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
    await ingestArticle(db, SECOND);
    const [doc] = await db.read<{ entityIds: string[] | null }>(
      'held',
      "MATCH (d:Document {id: 'test-second-article'}) RETURN d.entityIds AS entityIds",
    );
    expect(doc?.entityIds).toContain('test-desk');
    if (older) {
      await db.write(
        'older-loader',
        "MATCH (d:Document {id: 'test-second-article'}) REMOVE d.entityIds, d.eventIds, d.disputeIds",
      );
    }
    await ingestSecond(db, shrunkSecond());
    const after = await wholeGraph(db);
    const left = await db.read(
      'left',
      "MATCH (n) WHERE n.id IN ['test-desk', 'turkey-seeks-dialogue-with-moscow'] RETURN n.id AS id",
    );
    expect(left).toEqual([]);
    expect(after).toEqual(fresh);
  });
});
