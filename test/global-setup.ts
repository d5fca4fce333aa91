import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/db/local-neo4j.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /** Set when the tests run their own throwaway Neo4j (its data folder). */
  localDir: string | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

let local: LocalNeo4j | undefined;
let dir: string | undefined;

/** Starts a throwaway Neo4j (temporary folder, free port) unless TEST_NEO4J_URI names one. */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.TEST_NEO4J_URI,
      user: process.env.TEST_NEO4J_USER ?? 'neo4j',
      password: process.env.TEST_NEO4J_PASSWORD ?? '',
      database: process.env.TEST_NEO4J_DATABASE,
      localDir: undefined,
    });
    return;
  }
  dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-test-neo4j-'));
  const password = 'test-password';
  local = await startLocalNeo4j({ dir, port: await freePort(), heap: '1g', password });
  project.provide('neo4j', { uri: local.uri, user: 'neo4j', password, database: undefined, localDir: dir });
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
