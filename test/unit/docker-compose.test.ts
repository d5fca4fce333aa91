import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };

  it('runs Neo4j 5.26 Community with a health check and a named data volume', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j?.image).toBe('neo4j:5.26-community');
    expect(neo4j?.healthcheck?.test.join(' ')).toMatch(/7474/);
    expect(neo4j?.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  });

  it('builds the app, waits for a healthy Neo4j and publishes the GraphQL port', () => {
    const app = compose.services.app;
    expect(app?.build).toBe('.');
    expect(app?.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(app?.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app?.ports).toContain('4000:4000');
    expect(app?.healthcheck?.test.join(' ')).toMatch(/\/ready/);
  });

  it('uses the same password for Neo4j and the app', () => {
    const auth = compose.services.neo4j?.environment?.NEO4J_AUTH;
    expect(auth).toBe(`neo4j/${compose.services.app?.environment?.NEO4J_PASSWORD}`);
  });

  it('has a Dockerfile that starts the server', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/src\/server\.ts/);
  });
});
