import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema as graphqlSchema } from '../../src/graphql/index.js';
import { loadPersistedDocuments, ManifestError } from '../../src/persisted-documents.js';
import { cachedApp } from '../helpers/cached-app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const MANIFEST = 'test/fixtures/persisted/manifest.json';
const DOCUMENTS_ID = '7ed4eb67bd562488e48beb5e0566d8c3dc3393f70ca9550fd61b317ae9796704';
const CLAIM_ID = 'e4f7f83850fa23b972e9cbe5845129ba62eb731968bc32e7904cda4ef7f33446';
const DOCUMENTS_TEXT = 'query Documents { documents(first: 10) { totalCount edges { node { key } } } }';
const MEMBER = 'flashup-2022-01-moskau-ankara:c-turkey-member-of-nato';
const ARBITRARY = '{ documents(first: 1) { totalCount } }';

describe('persisted documents', () => {
  const db = testDatabase();
  const trusted = cachedApp(db, { persistedDocuments: loadPersistedDocuments(MANIFEST, true, graphqlSchema) });
  const open = cachedApp(db, { persistedDocuments: loadPersistedDocuments(MANIFEST, false, graphqlSchema) });
  beforeAll(() => resetToArticle(db));
  afterAll(() => db.close());

  it('runs a known document named by documentId, or by Apollo persistedQuery hash, with its variables', async () => {
    const byId = await trusted.send({ documentId: DOCUMENTS_ID });
    expect(byId.status).toBe(200);
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data.documents.totalCount).toBe(1);
    const apollo = await trusted.send({
      variables: { id: MEMBER },
      extensions: { persistedQuery: { version: 1, sha256Hash: CLAIM_ID } },
    });
    expect(apollo.body.errors).toBeUndefined();
    expect(apollo.body.data.claim.retracted).toBe(false);
    // Named documents are cached like any query.
    expect((await trusted.send({ documentId: DOCUMENTS_ID })).cache).toBe('hit');
  });

  it('answers an unknown id with PERSISTED_DOCUMENT_NOT_FOUND (404)', async () => {
    for (const app of [trusted, open]) {
      const r = await app.send({ documentId: 'f'.repeat(64) });
      expect(r.status).toBe(404);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    }
  });

  it('refuses an arbitrary document in trusted-only mode (PERSISTED_DOCUMENT_REQUIRED, 403), runs a manifest text', async () => {
    const r = await trusted.gql(ARBITRARY);
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(r.queries).toBe(0);
    const unknownWithText = await trusted.send({ documentId: 'nope', query: ARBITRARY });
    expect(unknownWithText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    const sameText = await trusted.gql(DOCUMENTS_TEXT);
    expect(sameText.body.errors).toBeUndefined();
    expect(sameText.body.data.documents.totalCount).toBe(1);
  });

  it('still runs arbitrary documents when not trusted-only', async () => {
    const r = await open.gql(ARBITRARY);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.documents.totalCount).toBe(1);
  });

  it('refuses a manifest whose documents do not fit the schema, or that is not a manifest', () => {
    expect(() => loadPersistedDocuments('test/fixtures/persisted/invalid.json', true, graphqlSchema)).toThrow(
      ManifestError,
    );
    expect(() => loadPersistedDocuments('test/fixtures/persisted/missing.json', true, graphqlSchema)).toThrow(
      ManifestError,
    );
    expect(() => loadPersistedDocuments('package.json', true, graphqlSchema)).toThrow(ManifestError);
  });
});
