import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNDATED_SORT_KEY } from '../../src/domain/orders.js';

const cypherFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? cypherFiles(path.join(dir, d.name)) : d.name.endsWith('.cypher') ? [path.join(dir, d.name)] : [],
  );

describe('the undated sort key', () => {
  it('is defined once (src/domain/orders.ts): the page queries take it as $undated', () => {
    const spelled = cypherFiles('cypher').filter((f) => readFileSync(f, 'utf8').includes(String(UNDATED_SORT_KEY)));
    expect(spelled).toEqual([]);
    for (const f of ['cypher/fragments/events-sort-key.cypher', 'cypher/queries/documents-page.cypher']) {
      expect(readFileSync(f, 'utf8'), f).toContain('$undated');
    }
  });
});
