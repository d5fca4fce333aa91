import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import type { Database } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'editor-secret-0123456789';
const auth = { authorization: `Bearer ${EDITOR}` };
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';

const input = (dir: string, edit: (yaml: string) => string = (y) => y) => ({
  articleText: readFileSync(`${dir}/article.txt`, 'utf8'),
  annotationsYaml: edit(readFileSync(`${dir}/annotations.yaml`, 'utf8')),
});
const first = input(ARTICLE);
/** The second article, saying other things about NATO and Ankara's government than the first one. */
const conflicting = (published = '2022-01-11') =>
  input(SECOND, (y) =>
    y
      .replace('published: { value: "2022-01-11"', `published: { value: "${published}"`)
      .replace(
        '    aliases: ["Nato"]',
        '    aliases: ["Nato"]\n    description: "An alliance, as the second article puts it."',
      )
      .replace('name: "NATO"', 'name: "North Atlantic Treaty Organization"')
      .replace(
        '    kind: GOVERNMENT_BODY\n    name: "Government of Turkey"',
        '    kind: ORGANIZATION\n    name: "Government of Turkey"',
      ),
  );

/** Every entity with its labels and properties, comparable across databases. */
async function entities(db: Database) {
  const rows = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    'entities',
    'MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, properties(e) AS props ORDER BY id',
  );
  return rows.map((r) => ({ ...r, labels: [...r.labels].sort() }));
}

describe('shared entities: one merge rule, whatever the order of ingests', () => {
  const db = testDatabase();
  const { gql } = testApp(db, { apiKeys: [{ name: 'ed', role: 'editor', sha256: sha256Hex(EDITOR) }] });
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  beforeEach(() => clearGraph(db));
  afterAll(() => db.close());

  const ingest = async (i: ReturnType<typeof input>) => {
    const r = await gql(INGEST, { input: i }, auth);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  };
  const entity = async (id: string) =>
    (await gql('query($id: ID!) { entity(id: $id) { __typename name nameDe kind description wikidataId } }', { id }))
      .data.entity;
  const sources = async (id: string) => {
    const r = await gql(
      `query($id: ID!) { entity(id: $id) {
        sources { documentKey document { key } name nameDe kind description wikidataId aliases } } }`,
      { id },
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data.entity.sources;
  };

  it('never erases what one article gave because another article does not say it', async () => {
    await ingest(first);
    const before = await entities(db);
    await ingest(input(SECOND));
    for (const id of ['erdogan', 'nato', 'russian-government', 'turkish-government']) {
      const was = before.find((e) => e.id === id)?.props;
      expect(was?.description, id).toBeTruthy();
      expect((await entity(id)).description, id).toBe(was?.description);
    }
  });

  it('keeps conflicting values per document and shows the earliest-published one, in either order', async () => {
    await ingest(first);
    await ingest(conflicting());
    const oneOrder = await entities(db);
    const nato = await entity('nato');
    expect(nato).toMatchObject({
      name: 'NATO',
      description: 'The transatlantic defence alliance; Turkey is a member.',
    });
    expect(await sources('nato')).toEqual([
      expect.objectContaining({
        documentKey: 'flashup-2022-01-moskau-ankara',
        name: 'NATO',
        description: 'The transatlantic defence alliance; Turkey is a member.',
      }),
      expect.objectContaining({
        documentKey: 'test-second-article',
        document: { key: 'test-second-article' },
        name: 'North Atlantic Treaty Organization',
        description: 'An alliance, as the second article puts it.',
        aliases: ['Nato'],
      }),
    ]);
    expect(await entity('turkish-government')).toMatchObject({ __typename: 'Organization', kind: 'GOVERNMENT_BODY' });

    await clearGraph(db);
    await ingest(conflicting());
    await ingest(first);
    expect(await entities(db)).toEqual(oneOrder);
  });

  it('shows the values of the earlier article when the other one is published first', async () => {
    await ingest(first);
    await ingest(conflicting('2021-12-30'));
    expect(await entity('nato')).toMatchObject({
      name: 'North Atlantic Treaty Organization',
      description: 'An alliance, as the second article puts it.',
    });
    expect(await entity('turkish-government')).toMatchObject({ __typename: 'Organization', kind: 'ORGANIZATION' });
    const labels = (await entities(db)).find((e) => e.id === 'turkish-government')?.labels;
    expect(labels).toEqual(['Actor', 'Entity', 'Organization']);
    // When the earlier article no longer says it (re-ingested without the description), the other one shows.
    const silent = conflicting('2021-12-30');
    silent.annotationsYaml = silent.annotationsYaml.replace(/\n {4}description: "An alliance[^\n]*/, '');
    await ingest(silent);
    expect(await entity('nato')).toMatchObject({
      name: 'North Atlantic Treaty Organization',
      description: 'The transatlantic defence alliance; Turkey is a member.',
    });
  });

  it('ends in the same graph when the two articles are ingested at the same time', async () => {
    await ingest(first);
    await ingest(conflicting());
    const sequential = await entities(db);
    const counts = await graphCounts(db);
    for (let round = 0; round < 3; round++) {
      await clearGraph(db);
      await Promise.all([ingest(conflicting()), ingest(first)]);
      expect(await entities(db)).toEqual(sequential);
      expect(await graphCounts(db)).toEqual(counts);
    }
  });
});
