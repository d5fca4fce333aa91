import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localPassword, readLocalPassword } from '../../src/db/local-neo4j.js';

/** The password file of a local Neo4j data folder (the Neo4j side is in test/integration/local-password.test.ts). */
describe('localPassword', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-pwfile-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const mode = (p: string) => statSync(p).mode & 0o777;

  it('makes a random one on the first start, 0600 in a 0700 folder, and reuses it later', () => {
    const dir = path.join(root, 'fresh');
    const first = localPassword(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'password'))).toBe(0o600);
    expect(readLocalPassword(dir)).toBe(first);
    expect(localPassword(dir)).toBe(first);
    expect(localPassword(path.join(root, 'other'))).not.toBe(first);
  });

  it('closes a folder an earlier version left readable by everyone', () => {
    const dir = path.join(root, 'old');
    localPassword(dir);
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'password'), 0o644);
    localPassword(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'password'))).toBe(0o600);
  });

  it('keeps a given password (NEO4J_PASSWORD) in the file, so that processes joining find it', () => {
    const dir = path.join(root, 'given');
    localPassword(dir);
    expect(localPassword(dir, 'set-by-the-operator')).toBe('set-by-the-operator');
    expect(readFileSync(path.join(dir, 'password'), 'utf8').trim()).toBe('set-by-the-operator');
    expect(mode(path.join(dir, 'password'))).toBe(0o600);
    expect(localPassword(dir)).toBe('set-by-the-operator');
  });

  it('has none to read in a folder that never held a Neo4j', () => {
    expect(readLocalPassword(path.join(root, 'nothing'))).toBeUndefined();
  });
});
