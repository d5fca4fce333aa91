import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { loadConfig } from '../../src/config.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { cachedApp } from '../helpers/cached-app.js';
import { clearGraph, testDatabase } from '../helpers/db.js';

const ARTICLE = 'data/articles/2022-01-flashup-moskau-ankara';
const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'editor-secret-0123456789';
const apiKeys = [{ name: 'ed', role: 'editor' as const, sha256: sha256Hex(EDITOR) }];
const auth = { authorization: `Bearer ${EDITOR}` };
const MEMBER = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';

const DOCUMENTS = '{ documents(first: 10) { totalCount edges { node { key } } } }';
const CLAIM = 'query($id: ID!) { claim(id: $id) { statement corrections retracted } }';
const CORRECT = `mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) { statement corrections } }`;
const RETRACT = 'mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { removedEdges } }';
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';
const second = {
  articleText: readFileSync(`${SECOND}/article.txt`, 'utf8'),
  annotationsYaml: readFileSync(`${SECOND}/annotations.yaml`, 'utf8'),
  slug: 'test-second-article',
};
const correction = (statement: string) => ({ id: MEMBER, input: { statement, reason: 'test' } });

describe('response cache: hits while the graph is unchanged, never a stale answer after a write', () => {
  const db = testDatabase();
  /** A second server on the same Neo4j: its own driver, its own cache. */
  const otherDb = testDatabase();
  const a = cachedApp(db, { apiKeys });
  const b = cachedApp(otherDb, { apiKeys });
  beforeAll(async () => {
    await db.check();
    await otherDb.check();
    await applySchema(db);
  });
  beforeEach(async () => {
    await clearGraph(db);
    await ingestArticle(db, ARTICLE);
  });
  afterAll(async () => {
    await db.close();
    await otherDb.close();
  });

  it('answers a second identical query from the cache, equal and without a Neo4j query', async () => {
    const first = await a.gql(DOCUMENTS);
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    expect(first.queries).toBeGreaterThan(0);
    const again = await a.gql(DOCUMENTS);
    expect(again.cache).toBe('hit');
    expect(again.queries).toBe(0);
    expect(again.body).toEqual(first.body);
    // Other variables, another operation name, another document: other entries.
    expect((await a.gql(CLAIM, { id: MEMBER })).cache).toBe('miss');
    expect((await a.gql(CLAIM, { id: 'flashup-2022-01-moskau-ankara:c-s400-purchase' })).cache).toBe('miss');
    expect((await a.gql(CLAIM, { id: MEMBER })).cache).toBe('hit');
    expect((await a.gql(`${DOCUMENTS} `)).cache).toBe('miss');
  });

  it('misses after an ingest, and shows the new document', async () => {
    await a.gql(DOCUMENTS);
    expect((await a.gql(DOCUMENTS)).cache).toBe('hit');
    const ingested = await a.gql(INGEST, { input: second }, auth);
    expect(ingested.body.errors).toBeUndefined();
    const after = await a.gql(DOCUMENTS);
    expect(after.cache).toBe('miss');
    expect(after.body.data.documents.edges.map((e: any) => e.node.key)).toContain('test-second-article');
    expect((await a.gql(DOCUMENTS)).cache).toBe('hit');
  });

  it('misses after a retraction and after a correction, and shows each', async () => {
    await a.gql(CLAIM, { id: MEMBER });
    expect((await a.gql(CLAIM, { id: MEMBER })).cache).toBe('hit');
    expect((await a.gql(CORRECT, correction('Turkey is in NATO (corrected)'), auth)).body.errors).toBeUndefined();
    const corrected = await a.gql(CLAIM, { id: MEMBER });
    expect(corrected.cache).toBe('miss');
    expect(corrected.body.data.claim).toMatchObject({ statement: 'Turkey is in NATO (corrected)', corrections: 1 });
    expect((await a.gql(CLAIM, { id: MEMBER })).cache).toBe('hit');
    expect((await a.gql(RETRACT, { id: MEMBER, reason: 'test' }, auth)).body.errors).toBeUndefined();
    const retracted = await a.gql(CLAIM, { id: MEMBER });
    expect(retracted.cache).toBe('miss');
    expect(retracted.body.data.claim.retracted).toBe(true);
  });

  it('a write through one server makes the other miss: no stale answer across instances', async () => {
    const cached = await b.gql(CLAIM, { id: MEMBER });
    expect((await b.gql(CLAIM, { id: MEMBER })).cache).toBe('hit');
    const write = await a.gql(CORRECT, correction('written through A'), auth);
    expect(write.body.errors).toBeUndefined();
    const seen = await b.gql(CLAIM, { id: MEMBER });
    expect(seen.cache).toBe('miss');
    expect(seen.body.data.claim.statement).toBe('written through A');
    expect(seen.body).not.toEqual(cached.body);
    // The loader (ingest CLI) and a single-statement write change the version too.
    await b.gql(DOCUMENTS);
    await ingestArticle(db, SECOND);
    const loaded = await b.gql(DOCUMENTS);
    expect(loaded.cache).toBe('miss');
    expect(loaded.body.data.documents.totalCount).toBe(2);
    await db.write('retitle', 'MATCH (d:Document {id: $id}) SET d.title = $title', {
      id: 'test-second-article',
      title: 'Retitled',
    });
    expect((await b.gql(DOCUMENTS)).cache).toBe('miss');
  });

  it('never stores an answer under a version newer than the data it was computed from (a write while it runs)', async () => {
    // B's query reads its data; before B can store the answer, A commits a correction. Were the
    // version read after the query ran, the old answer would be kept under the new version.
    const read = otherDb.read.bind(otherDb);
    let armed = true;
    otherDb.read = (async (...args: Parameters<typeof read>) => {
      const rows = await read(...args);
      if (armed) {
        armed = false;
        const w = await a.gql(CORRECT, correction('committed while B ran'), auth);
        expect(w.body.errors).toBeUndefined();
      }
      return rows;
    }) as typeof otherDb.read;
    try {
      const during = await b.gql(CLAIM, { id: MEMBER });
      expect(during.cache).toBe('miss');
      expect(armed).toBe(false);
      const after = await b.gql(CLAIM, { id: MEMBER });
      expect(after.cache).toBe('miss');
      expect(after.body.data.claim.statement).toBe('committed while B ran');
    } finally {
      otherDb.read = read;
    }
  });

  it('never caches a mutation', async () => {
    const first = await a.gql(CORRECT, correction('same mutation'), auth);
    expect(first.body.errors).toBeUndefined();
    const second = await a.gql(CORRECT, correction('same mutation'), auth);
    expect(first.cache).toBe('bypass');
    expect(second.cache).toBe('bypass');
    expect(first.body.data.correctClaim.corrections).toBe(1);
    expect(second.body.data.correctClaim.corrections).toBe(2);
  });

  it('never caches an answer with errors', async () => {
    const bad = '{ claims(first: 1000) { totalCount } }';
    const first = await a.gql(bad);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(first.cache).toBe('miss');
    expect((await a.gql(bad)).cache).toBe('miss');
    // A partial answer (data and an error) is not stored either.
    const partial = `{ documents(first: 1) { totalCount } claim(id: "${'x'.repeat(300)}") { key } }`;
    const p1 = await a.gql(partial);
    expect(p1.body.errors?.length).toBeGreaterThan(0);
    expect(p1.body.data?.documents.totalCount).toBe(1);
    expect((await a.gql(partial)).cache).toBe('miss');
  });

  it('stays within its size: the least recently used answers go first', async () => {
    const small = cachedApp(db, { responseCacheBytes: 64 * 1024 });
    const page = 'query($first: Int) { claims(first: $first) { edges { node { key statement } } } }';
    const sizes = Array.from({ length: 40 }, (_, i) => i + 1);
    for (const first of sizes) expect((await small.gql(page, { first })).cache).toBe('miss');
    // The newest are held; the oldest were evicted to stay within 64 KiB (the 40 answers take more).
    expect((await small.gql(page, { first: 40 })).cache).toBe('hit');
    expect((await small.gql(page, { first: 1 })).cache).toBe('miss');
    const all = await a.gql('{ claims(first: 40) { edges { node { key statement } } } }');
    expect(JSON.stringify(all.body).length * 2 * 20).toBeGreaterThan(64 * 1024);
  });

  it('charges a cached answer to the rate limit like any request', async () => {
    const limited = cachedApp(db, { rateLimit: { perMinute: 1, burst: 3, trustProxyHops: 0 } });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await limited.gql('{ graphStats { labels { name count } } }'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    expect(replies.map((r) => r.cache)).toEqual(['miss', 'hit', 'hit', null, null]);
  });

  it('is on by default with 32 MiB, off with RESPONSE_CACHE_MB=0: then no header, every query runs', async () => {
    expect(loadConfig({}).responseCacheBytes).toBe(32 * 1_048_576);
    const off = cachedApp(db, { responseCacheBytes: loadConfig({ RESPONSE_CACHE_MB: '0' }).responseCacheBytes });
    await off.gql(DOCUMENTS);
    const again = await off.gql(DOCUMENTS);
    expect(again.cache).toBeNull();
    expect(again.queries).toBeGreaterThan(0);
  });
});
