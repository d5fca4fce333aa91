import { describe, expect, it } from 'vitest';
import { entityRecord } from '../../src/domain/records.js';
import { parseRows, RowShapeError } from '../../src/repositories/rows.js';

const russia = { id: 'russia', kind: 'STATE', name: 'Russia', nameDe: 'Russland', labels: ['Entity', 'State'] };

describe('parseRows', () => {
  it('parses every row with the schema (defaults filled in)', () => {
    const rows = parseRows('entities', entityRecord, [russia, { ...russia, id: 'turkey', aliases: ['Türkei'] }]);
    expect(rows.map((r) => r.id)).toEqual(['russia', 'turkey']);
    expect(rows[0]?.aliases).toEqual([]);
    expect(rows[1]?.aliases).toEqual(['Türkei']);
    expect(rows[0]?.wikidataId).toBeNull();
  });

  it('names the query, the row and the property of a row of another shape', () => {
    const bad = () => parseRows('entities', entityRecord, [russia, { ...russia, kind: 'PLANET' }]);
    expect(bad).toThrow(RowShapeError);
    expect(bad).toThrow(/query "entities" returned a row of another shape: 1\.kind/);
  });
});
