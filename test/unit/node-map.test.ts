import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_SCHEMAS } from '../../src/domain/records.js';
import { OPTIONAL_PROPERTIES } from '../../src/repositories/projection.js';

const read = (name: string) =>
  readFileSync(`cypher/fragments/${name}.cypher`, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');

/** The keys a label's map projects (every branch of it): `.prop` and `key: expression`. */
function projected(label: string): string[] {
  const text = read(`${label.toLowerCase()}-map`);
  const branches = [...text.matchAll(/%1 \{([\s\S]*?)\}(?=\s*(?:ELSE|END|$))/g)].map((m) => m[1] as string);
  if (branches.length === 0) throw new Error(`no map for ${label}`);
  const keysOf = (branch: string) =>
    [...branch.matchAll(/(?:^|[,{\s])\.(\w+)|(?:^|[,{\s])(\w+):/g)].map((m) => (m[1] ?? m[2]) as string);
  // A claim without edits leaves its (absent) edit properties out: every key is in the fullest branch.
  const fullest = branches.map(keysOf).sort((a, b) => b.length - a.length)[0] as string[];
  for (const b of branches) for (const k of keysOf(b)) expect(fullest).toContain(k);
  return [...fullest].sort();
}

/** Kept on the node for the loader and Entity.sources (entity-sources.cypher); never in a node row. */
const LOADER_ONLY = ['documentIds', 'sourceValues'];

describe('the node maps of cypher/fragments/', () => {
  it.each(NODE_SCHEMAS)('projects every property of the %s record', (label, record) => {
    const fields = Object.keys(record.shape)
      .filter((k) => !LOADER_ONLY.includes(k))
      .sort();
    expect(projected(label)).toEqual(fields);
  });

  it('node-map gives every label its own map', () => {
    const text = read('node-map');
    for (const [label] of NODE_SCHEMAS)
      expect(text).toContain(`WHEN %1:${label} THEN {{${label.toLowerCase()}-map %1}}`);
  });

  it('makes only the optional properties depend on $projection, each with its own flag', () => {
    const maps = NODE_SCHEMAS.map(([label]) => read(`${label.toLowerCase()}-map`));
    const text = maps.join('\n') + read('claims-of-asks');
    const flags = [...text.matchAll(/\$projection\.(\w+)/g)].map((m) => m[1]);
    expect(new Set(flags)).toEqual(new Set(OPTIONAL_PROPERTIES));
  });
});
