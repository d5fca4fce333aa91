import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolSizeFor, syntheticCorpus } from '../../bench/synthetic/generate.js';
import type { Database } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import type { IngestPlan } from '../../src/domain/ingest-plan.js';
import { loadArticleFrom } from '../../src/ingest/ingest.js';
import { writePlan, writePlans } from '../../src/repositories/ingest-writer.js';
import { clearGraph, testDatabase } from '../helpers/db.js';
import { wholeGraph } from '../helpers/snapshot.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';

function planOf(
  dir: string,
  edit: (yaml: string) => string = (y) => y,
  slug = dir.split('/').at(-1) ?? dir,
): IngestPlan {
  const yaml = edit(readFileSync(`${dir}/annotations.yaml`, 'utf8'));
  return loadArticleFrom(slug, dir, readFileSync(`${dir}/article.txt`, 'utf8'), yaml).plan;
}

/** The article again under another id, saying other things of the same event, dispute and edge. */
const copy = () =>
  planOf(
    ARTICLE,
    (y) =>
      y
        .replace('id: flashup-2022-01-moskau-ankara', 'id: flashup-copy')
        .replace('label: "Putin and Erdoğan speak by telephone"', 'label: "Putin calls Erdoğan"')
        .replace('name: "Russia\'s security demands on NATO and the USA"', 'name: "Security demands"')
        .replace('role: DEMANDING_PARTY', 'role: ADDRESSEE'),
    'flashup-copy',
  );

function synthetic(n: number): IngestPlan[] {
  const plans: IngestPlan[] = [];
  for (const a of syntheticCorpus(7, poolSizeFor(1_000))) {
    if (plans.length >= n) break;
    plans.push(loadArticleFrom(a.slug, a.slug, a.text, a.yaml).plan);
  }
  return plans;
}

async function oneByOne(db: Database, plans: IngestPlan[]) {
  await clearGraph(db);
  for (const p of plans) await writePlan(db, p);
  return wholeGraph(db);
}

describe('the ingest writer, several documents in one transaction', () => {
  const db = testDatabase(120_000);
  const [s0, s1, s2, s3] = synthetic(4) as [IngestPlan, IngestPlan, IngestPlan, IngestPlan];
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  afterAll(() => db.close());

  it('ends in the same graph as writing them one by one, in the same order', async () => {
    // Shared entities and edges; the copy says other things of the article's event, dispute and edge.
    const plans = [s0, planOf(ARTICLE), s1, planOf(SECOND), copy(), s2];
    const expected = await oneByOne(db, plans);
    expect(expected.counts[':Document']).toBe(6);

    await clearGraph(db);
    expect(await writePlans(db, plans)).toEqual(
      plans.map(() => ({ keptRetractions: 0, keptCorrections: 0, droppedEdits: [] })),
    );
    expect(await wholeGraph(db)).toEqual(expected);
  });

  it('keeps the order when the two copies come the other way round', async () => {
    const plans = [copy(), s0, planOf(ARTICLE)];
    const expected = await oneByOne(db, plans);
    await clearGraph(db);
    await writePlans(db, plans);
    expect(await wholeGraph(db)).toEqual(expected);
  });

  it('writes a document that is there already, or twice in the batch, where it stands in the order', async () => {
    const shrunk = planOf(SECOND, (y) =>
      y
        .replace(/ {2}- id: turkey-seeks-dialogue-with-moscow\n(?: {4}.*\n)+/, '')
        .replace(/ {2}- id: c-dialogue\n[\s\S]*$/, ''),
    );
    const first = [planOf(ARTICLE), s0];
    const plans = [s1, planOf(SECOND), s0, shrunk, s2, planOf(SECOND), s3, s1];
    const expected = await oneByOne(db, [...first, ...plans]);

    await clearGraph(db);
    await writePlans(db, first);
    await writePlans(db, plans);
    expect(await wholeGraph(db)).toEqual(expected);
  });

  it('writes nothing when one document of the batch fails', async () => {
    await clearGraph(db);
    await writePlan(db, planOf(ARTICLE));
    const before = await wholeGraph(db);
    const bad = planOf(SECOND);
    const [type, rows] = [...bad.edges][0] ?? [];
    if (!type || !rows?.[0]) throw new Error('the second article has no edge');
    bad.edges.set(type, [...rows, { ...rows[0], to: 'nobody' }]);

    await expect(writePlans(db, [s0, planOf(ARTICLE), bad, s1])).rejects.toThrow(/names no node "nobody"/);
    expect(await wholeGraph(db)).toEqual(before);
  });
});
