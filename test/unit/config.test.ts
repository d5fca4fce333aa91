import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the local Neo4j on port 4000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.neo4j).toBeUndefined();
    expect(c.local).toEqual({ dir: '.neo4j-local', port: 7687, heap: '1g', password: undefined, maxRestarts: 5 });
  });

  it('gives the local Neo4j no password of its own unless NEO4J_PASSWORD is set (a random one is kept in its folder)', () => {
    expect(loadConfig({}).local.password).toBeUndefined();
    expect(loadConfig({ NEO4J_PASSWORD: 'mine' }).local.password).toBe('mine');
  });

  it('takes a Neo4j server with its credentials', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'kg' });
    expect(c.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'neo4j', password: 'pw', database: 'kg' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI must look like/],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, /NEO4J_PASSWORD is required/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, /NEO4J_LOCAL_HEAP/],
    [{ NEO4J_LOCAL_MAX_RESTARTS: '-1' }, /NEO4J_LOCAL_MAX_RESTARTS/],
    [{ NEO4J_PASSWORD: 'two\nlines' }, /NEO4J_PASSWORD must be one line/],
  ])('rejects %o with one clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
