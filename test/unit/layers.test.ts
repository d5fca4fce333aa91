import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module of src/ with the modules of src/ and the packages it imports (static and dynamic). */
function graph(): Map<string, { local: string[]; packages: string[] }> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  const out = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of files('src')) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
      (m) => (m[1] ?? m[2]) as string,
    );
    out.set(file, {
      local: specs
        .filter((s) => s.startsWith('.'))
        .map((s) => path.join(path.dirname(file), s).replace(/\.js$/, '.ts')),
      packages: specs.filter((s) => !s.startsWith('.')),
    });
  }
  return out;
}

const layer = (file: string) => file.split(path.sep)[1]?.replace(/\.ts$/, '') ?? '';

describe('layers of src/', () => {
  const modules = graph();

  it('domain/ depends on nothing but itself (and zod)', () => {
    for (const [file, { local, packages }] of modules) {
      if (layer(file) !== 'domain') continue;
      expect(
        local.filter((l) => layer(l) !== 'domain'),
        file,
      ).toEqual([]);
      expect(
        packages.filter((p) => p !== 'zod'),
        file,
      ).toEqual([]);
    }
  });

  it('the read side (graphql/, repositories/, cost/, services/) does not import the loader (ingest/)', () => {
    for (const [file, { local }] of modules) {
      if (!['graphql', 'repositories', 'cost'].includes(layer(file))) continue;
      expect(
        local.filter((l) => layer(l) === 'ingest'),
        file,
      ).toEqual([]);
    }
  });

  it('only db/ and repositories/ talk to neo4j-driver', () => {
    const users = [...modules].filter(([, m]) => m.packages.includes('neo4j-driver')).map(([f]) => layer(f));
    expect(new Set(users)).toEqual(new Set(['db', 'repositories']));
  });

  it('Cypher is sent only from db/ and repositories/ (graphql/ and services/ call repositories)', () => {
    for (const [file, { local }] of modules) {
      if (!['graphql', 'services'].includes(layer(file))) continue;
      expect(
        local.filter((l) => l.endsWith(path.join('db', 'cypher.ts'))),
        file,
      ).toEqual([]);
    }
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[][] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f]);
        return;
      }
      state.set(f, 'open');
      for (const next of modules.get(f)?.local ?? []) if (modules.has(next)) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of modules.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
