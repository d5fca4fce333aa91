import { readFileSync } from 'node:fs';
import { validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/index.js';
import { printedSchema, schemaFile } from '../../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('is a valid GraphQL schema', () => {
    expect(validateSchema(schema).map((e) => e.message)).toEqual([]);
  });

  it('is the current, sorted SDL (run `npm run schema:print` after changing the schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });
});
