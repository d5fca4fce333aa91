import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every variable the config reads is documented in .env.example and the README. */
describe('.env.example and README', () => {
  const source = readFileSync('src/config.ts', 'utf8');
  const variables = [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+): z(\.|$)/gm)].map((m) => m[1] as string);
  const example = readFileSync('.env.example', 'utf8');
  const readme = readFileSync('README.md', 'utf8');

  it('finds the variables of the config', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'NEO4J_URI', 'API_KEYS', 'MAX_COST']));
  });

  it.each(['.env.example', 'README.md'])('%s names every variable', (file) => {
    const text = file === 'README.md' ? readme : example;
    const missing = variables.filter((v) => !new RegExp(`\\b${v}\\b`).test(text));
    expect(missing).toEqual([]);
  });
});
