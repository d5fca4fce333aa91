import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { Database } from '../../src/db/driver.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { testApp } from '../helpers/app.js';
import { graphCounts } from '../helpers/counts.js';
import { waitFor } from '../helpers/server-process.js';

const SECOND = 'test/fixtures/articles/test-second-article';
const EDITOR = 'outage-editor-secret';

/** Neo4j stopped and started again under a running app: fail fast, then recover by itself. */
describe('a Neo4j outage', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-outage-'));
  const password = 'outage-password';
  let port: number;
  let neo4j: LocalNeo4j;
  let db: Database;
  let gql: ReturnType<typeof testApp>['gql'];
  let app: ReturnType<typeof testApp>['app'];

  beforeAll(async () => {
    port = await freePort();
    neo4j = await startLocalNeo4j({ dir, port, heap: '512m', password });
    db = new Database({ uri: neo4j.uri, user: 'neo4j', password, database: undefined }, { queryTimeoutMs: 5_000 });
    await db.check();
    await applySchema(db);
    await ingestArticle(db, 'data/articles/2022-01-flashup-moskau-ankara');
    db.startMonitoring();
    ({ gql, app } = testApp(db, { apiKeys: [{ name: 'ed', role: 'editor', sha256: sha256Hex(EDITOR) }] }));
  }, 180_000);

  afterAll(async () => {
    await db?.close();
    await neo4j?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails fast with DATABASE_UNAVAILABLE while Neo4j is down, writes nothing half, and recovers', async () => {
    const before = await graphCounts(db);
    expect((await gql('{ entity(id: "turkey") { name } }')).data.entity.name).toBe('Turkey');

    await neo4j.stop();

    const first = Date.now();
    const down = await gql('{ entity(id: "nato") { name } }');
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - first).toBeLessThan(10_000);

    const again = Date.now();
    const fast = await gql('{ events(first: 5) { totalCount } }');
    expect(fast.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - again).toBeLessThan(500);

    const ready = await app.fetch('http://localhost/ready');
    expect(ready.status).toBe(503);

    const write = await gql(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }',
      {
        input: {
          articleText: readFileSync(`${SECOND}/article.txt`, 'utf8'),
          annotationsYaml: readFileSync(`${SECOND}/annotations.yaml`, 'utf8'),
        },
      },
      { authorization: `Bearer ${EDITOR}` },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

    neo4j = await startLocalNeo4j({ dir, port, heap: '512m', password });
    const restarted = Date.now();
    const recovered = await waitFor(async () => (await app.fetch('http://localhost/ready')).status === 200, 45_000);
    expect(recovered).toBe(true);
    console.info(`recovered ${Date.now() - restarted} ms after Neo4j was back`);

    expect((await gql('{ entity(id: "nato") { name } }')).data.entity.name).toBe('NATO');
    // The data survived the restart, and the refused write left nothing behind.
    expect(await graphCounts(db)).toEqual(before);
  }, 180_000);
});
