import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { freePort, isAlive } from '../../src/db/local-neo4j.js';
import { javaPid, post, startServer, statusOf, waitFor } from '../helpers/server-process.js';

const EDITOR = 'supervision-editor-secret';
const SECOND = 'test/fixtures/articles/test-second-article';
const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';

/** The server owns its local Neo4j and keeps it running: a Java process that dies is started again. */
describe('the supervised local Neo4j', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function serverWithLocalNeo4j(maxRestarts: number) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-supervised-'));
    dirs.push(dir);
    const boltPort = await freePort();
    const server = startServer(
      {
        NEO4J_URI: '',
        NEO4J_PASSWORD: '',
        NEO4J_LOCAL_DIR: dir,
        NEO4J_LOCAL_PORT: String(boltPort),
        NEO4J_LOCAL_HEAP: '512m',
        NEO4J_LOCAL_MAX_RESTARTS: String(maxRestarts),
        LOAD_ARTICLES_ON_START: 'false',
        API_KEYS: `ed:editor:${sha256Hex(EDITOR)}`,
      },
      await freePort(),
    );
    const ready = async () => (await statusOf(server.url, '/ready')) === 200;
    expect(await waitFor(ready, 300_000), server.output()).toBe(true);
    return { dir, boltPort, server, ready };
  }

  it('starts Neo4j again after kill -9 (/ready 503, then 200; reads and writes work); when restarts keep failing beyond the cap, /health is 503', async () => {
    const { dir, boltPort, server, ready } = await serverWithLocalNeo4j(2);
    const blocker = net.createServer();
    try {
      const first = javaPid(dir);
      process.kill(first, 'SIGKILL');
      expect(await waitFor(async () => (await statusOf(server.url, '/ready')) === 503, 30_000), server.output()).toBe(
        true,
      );
      expect(await waitFor(ready, 300_000), server.output()).toBe(true);
      const second = javaPid(dir);
      expect(second).not.toBe(first);
      expect(isAlive(second)).toBe(true);
      // The death is logged with its cause, and the restart.
      expect(server.output()).toMatch(/"signal":"SIGKILL"[^\n]*killed by signal SIGKILL/);
      expect(server.output()).toMatch(/the local Neo4j runs again/);

      const read = await post(server.url, '{ graphStats { labels { name } } }');
      expect(read.errors).toBeUndefined();
      const write = await post<{ ingestArticle: { documentId: string } }>(
        server.url,
        INGEST,
        {
          input: {
            articleText: readFileSync(`${SECOND}/article.txt`, 'utf8'),
            annotationsYaml: readFileSync(`${SECOND}/annotations.yaml`, 'utf8'),
          },
        },
        { authorization: `Bearer ${EDITOR}` },
      );
      expect(write.errors).toBeUndefined();
      expect(write.data?.ingestArticle.documentId).toBe('test-second-article');
      const back = await post<{ document: { title: string } | null }>(
        server.url,
        '{ document(id: "test-second-article") { title } }',
      );
      expect(back.data?.document?.title).toBe('Erdogan bekräftigt Nato-Mitgliedschaft der Türkei');
      expect(await statusOf(server.url, '/health')).toBe(200);

      // Killed again, and its port taken by another program as soon as it is free (the next restart
      // waits 2 s): that restart fails, and with NEO4J_LOCAL_MAX_RESTARTS=2 used up the server gives up.
      process.kill(second, 'SIGKILL');
      const listening = await waitFor(
        () =>
          new Promise<boolean>((resolve) => {
            blocker.once('error', () => resolve(false));
            blocker.listen(boltPort, '127.0.0.1', () => resolve(true));
          }),
        10_000,
      );
      expect(listening).toBe(true);
      expect(await waitFor(async () => (await statusOf(server.url, '/health')) === 503, 60_000), server.output()).toBe(
        true,
      );
      const body = (await (await fetch(`${server.url}/health`)).json()) as { healthy: boolean; reason: string };
      expect(body.healthy).toBe(false);
      expect(body.reason).toMatch(/gave up on the local Neo4j after 2 restart/);
      expect(body.reason).toMatch(/taken by another program/);
      expect(server.output().match(/restarting the local Neo4j failed/g)?.length).toBe(1);
      expect(await statusOf(server.url, '/ready')).toBe(503);
      const down = await post(server.url, '{ graphStats { labels { name } } }');
      expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

      // It still stops cleanly.
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      blocker.close();
      server.child.kill('SIGKILL');
    }
  }, 600_000);
});
