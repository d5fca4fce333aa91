import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, isAlive, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { testDatabase } from '../helpers/db.js';
import { startServer, waitFor } from '../helpers/server-process.js';

describe('the server process (npm start)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('`npm start` starts its own local Neo4j, serves GraphQL, and leaves no process after SIGTERM to npm', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-start-'));
    dirs.push(dir);
    const server = startServer(
      {
        NEO4J_URI: '',
        NEO4J_LOCAL_DIR: dir,
        NEO4J_LOCAL_PORT: String(await freePort()),
        LOAD_ARTICLES_ON_START: 'false',
      },
      await freePort(),
      'npm',
    );
    try {
      const ready = await waitFor(async () => (await fetch(`${server.url}/ready`)).status === 200, 150_000);
      expect(ready, server.output()).toBe(true);
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
      const { pid } = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { pid: number };
      expect(isAlive(pid)).toBe(true);

      // The signal goes to the npm process only, as a supervisor would send it.
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(isAlive(pid)).toBe(false);
      expect(existsSync(path.join(dir, 'run.json'))).toBe(false);
      // Nor the server process that npm started.
      const serverPid = Number(/"pid":(\d+)[^\n]*GraphQL server listening/.exec(server.output())?.[1]);
      expect(serverPid).toBeGreaterThan(0);
      expect(isAlive(serverPid)).toBe(false);
      expect(server.output()).toMatch(/local Neo4j stopped/);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 240_000);

  it.each([
    ['the server is killed (SIGKILL): Java sees its stdin close', 'server'],
    ['the parent of the server is killed: the server notices and shuts down', 'parent'],
  ])(
    'leaves no Java process when %s',
    async (_name, victim) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-kill-'));
      dirs.push(dir);
      const port = await freePort();
      const env = {
        NEO4J_URI: '',
        NEO4J_LOCAL_DIR: dir,
        NEO4J_LOCAL_PORT: String(await freePort()),
        LOAD_ARTICLES_ON_START: 'false',
      };
      // The server runs under a shell that does not exec it, so that the shell can be killed alone.
      const shell = spawn('sh', ['-c', `"${process.execPath}" --import tsx src/server.ts; true`], {
        env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      shell.stdout?.on('data', (c) => {
        out += c;
      });
      try {
        expect(
          await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200, 90_000),
          out,
        ).toBe(true);
        const { pid: javaPid } = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { pid: number };
        const serverPid = Number(/"pid":(\d+)[^\n]*GraphQL server listening/.exec(out)?.[1]);
        expect(isAlive(serverPid)).toBe(true);
        process.kill(victim === 'server' ? serverPid : (shell.pid as number), 'SIGKILL');
        expect(await waitFor(async () => !isAlive(javaPid), 30_000)).toBe(true);
        expect(await waitFor(async () => !isAlive(serverPid), 15_000)).toBe(true);
        if (victim === 'parent') expect(out).toMatch(/parent process gone/);
      } finally {
        shell.kill('SIGKILL');
      }
    },
    150_000,
  );

  it('joins a local Neo4j another process runs, and starts its own when that one stops', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-join-'));
    dirs.push(dir);
    const port = await freePort();
    const other = await startLocalNeo4j({ dir, port, heap: '512m' });
    const server = startServer(
      { NEO4J_URI: '', NEO4J_LOCAL_DIR: dir, NEO4J_LOCAL_PORT: String(port), LOAD_ARTICLES_ON_START: 'false' },
      await freePort(),
    );
    try {
      const ready = async () => (await fetch(`${server.url}/ready`)).status === 200;
      expect(await waitFor(ready, 60_000), server.output()).toBe(true);
      expect(server.output()).toMatch(/using the local Neo4j already running/);

      await other.stop();
      expect(
        await waitFor(async () => /started our own/.test(server.output()) && (await ready()), 120_000),
        server.output(),
      ).toBe(true);
      const { pid } = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as { pid: number };
      expect(pid).not.toBe(other.pid);
      expect(isAlive(pid)).toBe(true);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(isAlive(pid)).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
      await other.stop();
    }
  }, 300_000);

  it.each([
    ['Java is missing', { PATH: '/nonexistent' }, /^Java 17\+ is needed to run the local Neo4j: install a JDK 17/m],
    ['a bad PORT', { PORT: 'eighty' }, /^Invalid configuration: PORT /m],
  ])(
    'stops with one clear line when %s',
    async (_name, env, message) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-nojava-'));
      dirs.push(dir);
      const server = startServer(
        { NEO4J_URI: '', NEO4J_LOCAL_DIR: dir, NEO4J_LOCAL_PORT: String(await freePort()), ...env },
        await freePort(),
      );
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(message);
      expect(server.output()).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  it('stops with one clear line when the local Bolt port is taken by another program', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-port-'));
    dirs.push(dir);
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const server = startServer(
        { NEO4J_URI: '', NEO4J_LOCAL_DIR: dir, NEO4J_LOCAL_PORT: String(port) },
        await freePort(),
      );
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(
        new RegExp(`Port ${port} on 127.0.0.1 is taken by another program: set NEO4J_LOCAL_PORT`),
      );
    } finally {
      blocker.close();
    }
  }, 30_000);

  // A user of its own, since Neo4j locks a user for a few seconds after repeated failed logins.
  const probeUser = 'wrong_password_probe';
  beforeAll(async () => {
    const db = testDatabase();
    try {
      await db.driver.executeQuery(
        `CREATE OR REPLACE USER ${probeUser} SET PASSWORD 'the-right-password' CHANGE NOT REQUIRED`,
        {},
        { database: 'system' },
      );
    } finally {
      await db.close();
    }
  });

  it.each([
    ['an unreachable NEO4J_URI', 'bolt://127.0.0.1:1', undefined, /Neo4j is unreachable/],
    ['a wrong password', undefined, 'not-the-password', /Neo4j refused the user name or password/],
  ])(
    'keeps serving /health with /ready false for %s, and retries',
    async (_name, uri, password, message) => {
      const neo4j = inject('neo4j');
      const server = startServer(
        {
          NEO4J_URI: uri ?? neo4j.uri,
          NEO4J_USER: password ? probeUser : neo4j.user,
          NEO4J_PASSWORD: password ?? neo4j.password,
          LOAD_ARTICLES_ON_START: 'false',
        },
        await freePort(),
      );
      try {
        expect(await waitFor(async () => (await fetch(`${server.url}/health`)).ok, 30_000), server.output()).toBe(true);
        expect(await waitFor(async () => message.test(server.output()), 30_000), server.output()).toBe(true);
        const ready = await fetch(`${server.url}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ ready: false, neo4j: 'down' });

        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ graphStats { labels { name } } }' }),
        });
        const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');

        // Still alive after several backoff rounds, and it logged the cause once, not a stack trace.
        await new Promise((r) => setTimeout(r, 3_000));
        expect(server.child.exitCode).toBeNull();
        expect(server.output().match(message)?.length).toBe(1);
        expect(server.output()).not.toMatch(/\n\s+at /);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
    90_000,
  );
});
