import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { javaPid, startServer, statusOf, waitFor } from '../helpers/server-process.js';

/** What earlier versions used for every local Neo4j, written in the code. */
const OLD_CONSTANT = 'local-neo4j-password';
const SECOND = 'test/fixtures/articles/test-second-article';

async function login(uri: string, password: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.executeQuery('RETURN 1');
  } finally {
    await driver.close();
  }
}

describe('the password of the local Neo4j', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-password-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is random, kept 0600 in the data folder (0700), never on a command line; it replaces the old constant and the ingest CLI finds it', async () => {
    const boltPort = await freePort();
    const uri = `bolt://127.0.0.1:${boltPort}`;
    // A data folder as earlier versions left it: the store's password is the old constant, no password file.
    const old = await startLocalNeo4j({ dir, port: boltPort, heap: '512m', password: OLD_CONSTANT });
    await old.stop();
    rmSync(path.join(dir, 'password'), { force: true });
    chmodSync(dir, 0o755);

    const env = {
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_DIR: dir,
      NEO4J_LOCAL_PORT: String(boltPort),
      NEO4J_LOCAL_HEAP: '512m',
      LOAD_ARTICLES_ON_START: 'false',
    };
    const server = startServer(env, await freePort());
    try {
      expect(await waitFor(async () => (await statusOf(server.url, '/ready')) === 200, 300_000), server.output()).toBe(
        true,
      );
      const file = path.join(dir, 'password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const password = readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32,}$/);

      // Not in the process list, nor in the environment of the Java process.
      const pid = javaPid(dir);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      expect(cmdline).toMatch(/Launcher/);
      expect(cmdline).not.toContain(password);
      expect(cmdline).not.toContain(OLD_CONSTANT);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(password);

      await expect(login(uri, OLD_CONSTANT)).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
      await login(uri, password);

      // The ingest CLI joins the running Neo4j with the password from the file (once the server has
      // applied the schema: two processes creating the same index at once collide).
      expect(await waitFor(async () => /schema applied/.test(server.output()), 60_000), server.output()).toBe(true);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/cli.ts', SECOND], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
        documentId: 'test-second-article',
      });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 400_000);
});
