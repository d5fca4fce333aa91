import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as exportOps from '../../src/export/operations.js';
import { schema } from '../../src/graphql/index.js';
import * as pageOps from '../../web/src/operations.js';

// The explorer and the exports talk only through the public API: every operation they send must be
// valid against the schema as it is now (a removed field or union fails here, not in a browser).
const strings = (module: Record<string, unknown>): [string, string][] =>
  Object.entries(module).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : []));

const operations: [string, string][] = [
  ...strings(pageOps).map(([name, text]): [string, string] => [`web ${name}`, text]),
  ...strings(exportOps)
    .filter(([, text]) => /^\s*query /m.test(text))
    .map(([name, text]): [string, string] => [`export ${name}`, text]),
  ['export exportEdgeEvidence(3)', exportOps.exportEdgeEvidence(3)],
];

describe('the operations of the explorer and the exports', () => {
  it('are all checked', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['web SUGGEST', 'web NEIGHBORHOOD', 'export EXPORT_NEIGHBORHOOD', 'export EXPORT_PATH']),
    );
  });
  it.each(operations)('%s is valid against the schema', (_name, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });
});
