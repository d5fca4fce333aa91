import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { AnnotationError } from '../../src/ingest/validate.js';
import { graphCounts } from '../helpers/counts.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';

/** A copy of an article folder whose annotations the test may edit. */
function editableCopy(from: string, edit: (yaml: string) => string): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'geo-kg-article-')), path.basename(from));
  cpSync(from, dir, { recursive: true });
  const file = path.join(dir, 'annotations.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('ingest into the real Neo4j', () => {
  const db = testDatabase();
  beforeAll(async () => {
    await db.check();
    await applySchema(db);
  });
  beforeEach(() => clearGraph(db));
  afterAll(() => db.close());

  it('loads the article with verbatim evidence and reports what it wrote', async () => {
    const summary = await ingestArticle(db, ARTICLE);
    const counts = await graphCounts(db);
    console.info('after loading the article:', JSON.stringify(summary), JSON.stringify(counts));
    expect(counts[':Claim']).toBe(summary.claims);
    expect(counts[':Evidence']).toBe(summary.evidence);
    expect(counts[':Entity']).toBe(summary.entities);
    expect(counts[':Event']).toBe(summary.events);
    expect(counts[':Document']).toBe(1);
    expect(counts['[MENTIONS]']).toBe(summary.mentions);
    expect(counts['[SUPPORTED_BY]']).toBe(summary.evidence);

    const text = readFileSync(`${ARTICLE}/article.txt`, 'utf8');
    const rows = await db.read<{ quote: string; start: number; end: number; sentence: string }>(
      'evidence',
      'MATCH (:Claim)-[:SUPPORTED_BY]->(e:Evidence)-[:IN_SENTENCE]->(s:Sentence) RETURN e.quote AS quote, e.start AS start, e.end AS end, s.text AS sentence',
    );
    expect(rows).toHaveLength(summary.evidence);
    for (const r of rows) {
      expect(text.slice(r.start, r.end)).toBe(r.quote);
      expect(r.sentence).toContain(r.quote.split('\n')[0]);
    }
  });

  it('states that Turkey is a member of NATO, with who says so and where', async () => {
    await ingestArticle(db, ARTICLE);
    const [row] = await db.read<{ quotes: string[]; by: string[]; claims: number }>(
      'membership',
      `MATCH (:State {id: 'turkey'})-[r:MEMBER_OF]->(:Alliance {id: 'nato'})
       MATCH (c:Claim) WHERE c.id IN r.claimIds
       MATCH (c)-[:SUPPORTED_BY]->(e:Evidence), (c)-[:ASSERTED_BY]->(who)
       RETURN collect(DISTINCT e.quote) AS quotes, collect(DISTINCT who.id) AS by, size(r.claimIds) AS claims`,
    );
    expect(row?.quotes).toContain('der auch die Türkei angehört');
    expect(row?.by).toContain('flashup');
  });

  it('links every mention of every name or alias with its offsets', async () => {
    await ingestArticle(db, ARTICLE);
    const text = readFileSync(`${ARTICLE}/article.txt`, 'utf8');
    const rows = await db.read<{ id: string; start: number; end: number; text: string }>(
      'mentions',
      'MATCH (:Document)-[m:MENTIONS]->(e:Entity) RETURN e.id AS id, m.start AS start, m.end AS end, m.text AS text',
    );
    for (const r of rows) expect(text.slice(r.start, r.end)).toBe(r.text);
    const ids = (id: string) => rows.filter((r) => r.id === id).map((r) => r.text);
    expect(ids('erdogan')).toEqual(expect.arrayContaining(['Recep Tayyip Erdogan', 'Erdogan']));
    expect(ids('nato-russia-council')).toEqual(['Nato-Russland-Rat']);
    expect(ids('kremlin').length).toBeGreaterThanOrEqual(3);
    expect(ids('nato').length).toBeGreaterThanOrEqual(5);
  });

  it('is idempotent: two loads give the same counts', async () => {
    await ingestArticle(db, ARTICLE);
    const once = await graphCounts(db);
    await ingestArticle(db, ARTICLE);
    expect(await graphCounts(db)).toEqual(once);
  });

  it.each([
    [
      'a quote that is not in the text',
      (y: string) => y.replace('der auch die Türkei angehört', 'der die Türkei angehört'),
      /quote not found verbatim/,
    ],
    [
      'an unknown entity reference',
      (y: string) => y.replace('sources: [putin, erdogan]', 'sources: [putin, erdowan]'),
      /unknown entity "erdowan"/,
    ],
    ['malformed YAML', (y: string) => y.replace('claims:', 'claims:\n  - id: [broken'), /YAML:/],
    ['a bad date', (y: string) => y.replace('value: "2022-01-02"', 'value: "2022-13-02"'), /must match DAY precision/],
  ])('rejects %s naming its place, and leaves the database as it was', async (_name, edit, message) => {
    await ingestArticle(db, ARTICLE);
    const before = await graphCounts(db);
    const dir = editableCopy(ARTICLE, edit);
    try {
      const err = await ingestArticle(db, dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AnnotationError);
      expect((err as AnnotationError).message).toMatch(message);
      expect((err as AnnotationError).problems[0]?.line).toBeGreaterThan(0);
      expect(await graphCounts(db)).toEqual(before);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('re-ingesting an edited file removes the dropped claim and its evidence', async () => {
    await ingestArticle(db, ARTICLE);
    const before = await graphCounts(db);
    const source = readFileSync(`${ARTICLE}/annotations.yaml`, 'utf8');
    const claim =
      /\n {2}- id: (c-[a-z0-9-]+)\n {4}about: \{ event: nato-russia-council-meeting \}[\s\S]*?(?=\n {2}- id: |\n*$)/.exec(
        source,
      );
    expect(claim, 'the NATO–Russia Council claim is in the file').not.toBeNull();
    const dir = editableCopy(ARTICLE, (y) => y.replace(claim?.[0] ?? '', ''));
    try {
      await ingestArticle(db, dir);
      const ids = await db.read<{ id: string }>('claims', 'MATCH (c:Claim) RETURN c.localId AS id');
      expect(ids.map((r) => r.id)).not.toContain(claim?.[1]);
      const after = await graphCounts(db);
      expect(after[':Claim']).toBe((before[':Claim'] ?? 0) - 1);
      expect(after[':Evidence']).toBeLessThan(before[':Evidence'] ?? 0);
      const stale = await db.read('stale', 'MATCH ()-[r]->() WHERE $id IN r.claimIds RETURN r', {
        id: `flashup-2022-01-moskau-ankara:${claim?.[1]}`,
      });
      expect(stale).toHaveLength(0);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('merges entities across documents while each claim keeps its own provenance', async () => {
    await ingestArticle(db, ARTICLE);
    const first = await graphCounts(db);
    await ingestArticle(db, SECOND);
    const both = await graphCounts(db);
    expect(both[':Document']).toBe(2);
    // Only the fixture's publisher is a new entity; Turkey, NATO, Erdoğan … are shared.
    expect(both[':Entity']).toBe((first[':Entity'] ?? 0) + 1);
    const rows = await db.read<{ document: string; quote: string }>(
      'membership-sources',
      `MATCH (:State {id: 'turkey'})-[r:MEMBER_OF]->(:Alliance {id: 'nato'})
       MATCH (c:Claim)-[:SUPPORTED_BY]->(e:Evidence)-[:IN_DOCUMENT]->(d:Document) WHERE c.id IN r.claimIds
       RETURN d.id AS document, e.quote AS quote ORDER BY document, e.start`,
    );
    expect(rows).toEqual([
      { document: 'flashup-2022-01-moskau-ankara', quote: 'der auch die Türkei angehört' },
      {
        document: 'flashup-2022-01-moskau-ankara',
        quote: 'trotz ihrer Mitgliedschaft in dem transatlantischen Verteidigungsbündnis',
      },
      { document: 'test-second-article', quote: 'dass die Türkei fest in der Nato verankert bleibe' },
    ]);
    const [turkey] = await db.read<{ docs: string[] }>(
      'turkey',
      "MATCH (t:Entity {id: 'turkey'}) RETURN t.documentIds AS docs",
    );
    expect(turkey?.docs.sort()).toEqual(['flashup-2022-01-moskau-ankara', 'test-second-article']);

    // Re-loading the first article leaves the second one's facts alone.
    await ingestArticle(db, ARTICLE);
    expect(await graphCounts(db)).toEqual(both);
  });

  it("keeps every document's aliases of a shared entity, and drops those a document no longer gives", async () => {
    await ingestArticle(db, ARTICLE);
    await ingestArticle(db, SECOND);
    const aliases = async () =>
      (
        await db.read<{ a: string[]; k: string[] }>(
          'aliases',
          "MATCH (t:Entity {id: 'turkey'}) RETURN t.aliases AS a, t.searchKeys AS k",
        )
      )[0];
    // "Türkiye" only the FLASH UP annotations give; the fixture names Turkey with fewer aliases.
    expect((await aliases())?.a).toEqual(expect.arrayContaining(['Türkiye', 'Türkei', 'türkische']));
    const added = editableCopy(SECOND, (y) =>
      y.replace('aliases: ["Türkei", "türkische"]', 'aliases: ["Türkei", "türkische", "Tuerkei"]'),
    );
    try {
      await ingestArticle(db, added);
      expect((await aliases())?.a).toContain('Tuerkei');
      expect((await aliases())?.k).toContain('tuerkei');
      await ingestArticle(db, SECOND);
      const after = await aliases();
      expect(after?.a).not.toContain('Tuerkei');
      expect(after?.k).not.toContain('tuerkei');
      expect(after?.a).toContain('Türkiye');
    } finally {
      rmSync(path.dirname(added), { recursive: true, force: true });
    }
  });

  it('the CLI validates first and exits non-zero listing all problems, writing nothing', async () => {
    const dir = editableCopy(ARTICLE, (y) =>
      y
        .replace('der auch die Türkei angehört', 'der auch die Türkei angehoert')
        .replace('sources: [putin, erdogan]', 'sources: [putin, nobody]'),
    );
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', dir], {
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/2 problems/);
      expect(r.stderr).toMatch(/annotations\.yaml:\d+:\d+ claims\[\d+\]\.evidence\[0\]\.quote: quote not found/);
      expect(r.stderr).toMatch(/annotations\.yaml:\d+:\d+ events\[0\]\.sources\[1\]: unknown entity "nobody"/);
      expect(r.stderr).toMatch(/nothing was written/);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('the CLI joins the local Neo4j that is already running instead of opening its store', async () => {
    const neo4j = inject('neo4j');
    if (!neo4j.localDir) return; // only meaningful when the tests started their own local Neo4j
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', SECOND], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: '', NEO4J_LOCAL_DIR: neo4j.localDir, NEO4J_PASSWORD: neo4j.password },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      documentId: 'test-second-article',
      claims: 4,
    });
    // The shared Neo4j is still up and holds what the CLI wrote.
    expect(await db.check()).toBe(true);
    const [row] = await db.read<{ n: number }>(
      'docs',
      "MATCH (d:Document {id: 'test-second-article'}) RETURN count(d) AS n",
    );
    expect(row?.n).toBe(1);
  });

  it('finds German words in quotes and names through the full-text indexes (German analyzer)', async () => {
    await ingestArticle(db, ARTICLE);
    const quotes = await db.read<{ quote: string }>(
      'ft-quotes',
      "CALL db.index.fulltext.queryNodes('evidence_quotes', 'Drohnen') YIELD node RETURN node.quote AS quote",
    );
    expect(quotes.some((q) => q.quote.includes('Drohnen'))).toBe(true);
    const names = await db.read<{ id: string }>(
      'ft-names',
      "CALL db.index.fulltext.queryNodes('entity_names', 'Verteidigungsbündnis') YIELD node RETURN node.id AS id",
    );
    expect(names.map((n) => n.id)).toContain('nato');
  });
});
