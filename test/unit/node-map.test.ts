import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  claimRecord,
  disputeRecord,
  documentRecord,
  entityRecord,
  eventRecord,
  evidenceRecord,
} from '../../src/domain/records.js';
import { OPTIONAL_PROPERTIES } from '../../src/repositories/projection.js';

const fragment = readFileSync('cypher/fragments/node-map.cypher', 'utf8')
  .split('\n')
  .filter((l) => !l.trim().startsWith('//'))
  .join('\n');

/** The keys the fragment projects for a label: `.prop` and `key: expression`. */
function projected(label: string): string[] {
  const branch = fragment.match(new RegExp(`WHEN %1:${label} THEN %1 \\{([\\s\\S]*?)\\}\\s*(?:WHEN|END)`))?.[1];
  if (!branch) throw new Error(`no branch for ${label}`);
  const keys = [...branch.matchAll(/(?:^|[,{\s])\.(\w+)|(?:^|[,{\s])(\w+):/g)].map((m) => (m[1] ?? m[2]) as string);
  return keys.sort();
}

/** Kept on the node for the loader and Entity.sources (entity-sources.cypher); never in a node row. */
const LOADER_ONLY = ['documentIds', 'sourceValues'];

describe('cypher/fragments/node-map.cypher', () => {
  it.each([
    ['Entity', entityRecord],
    ['Event', eventRecord],
    ['Dispute', disputeRecord],
    ['Claim', claimRecord],
    ['Evidence', evidenceRecord],
    ['Document', documentRecord],
  ] as const)('projects every property of the %s record', (label, record) => {
    const fields = Object.keys(record.shape)
      .filter((k) => !LOADER_ONLY.includes(k))
      .sort();
    expect(projected(label)).toEqual(fields);
  });

  it('makes only the optional properties depend on $projection, each with its own flag', () => {
    const text = fragment + readFileSync('cypher/queries/claims.cypher', 'utf8');
    const flags = [...text.matchAll(/\$projection\.(\w+)/g)].map((m) => m[1]);
    expect(new Set(flags)).toEqual(new Set(OPTIONAL_PROPERTIES));
  });
});
