import { describe, expect, it } from 'vitest';
import { claimRecord, entityRecord, NODE_ROW_KEYS } from '../../src/domain/records.js';
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

  it('reads a property the query left out (false) as a placeholder, and still refuses one that is absent (null)', () => {
    const claim: Record<string, unknown> = {
      id: 'c1',
      labels: ['Claim'],
      localId: 'c1',
      documentId: 'doc',
      stance: 'ATTRIBUTED',
      aspect: 'REASON',
      statement: 'Turkey buys the S-400.',
      aboutKind: 'event',
      aboutId: 'e1',
      relationType: null,
    };
    const row = (over: Record<string, unknown>) =>
      NODE_ROW_KEYS.Claim.slice(0, 10).map((k) => ({ ...claim, ...over })[k]);
    const [sent] = parseRows('claims', claimRecord, [row({})]);
    expect([sent?.stance, sent?.aspect, sent?.documentId]).toEqual(['ATTRIBUTED', 'REASON', 'doc']);
    const [leftOut] = parseRows('claims', claimRecord, [row({ stance: false, aspect: false, documentId: false })]);
    expect(leftOut?.statement).toBe('Turkey buys the S-400.');
    expect([leftOut?.stance, leftOut?.aspect, leftOut?.documentId]).toEqual(['REPORTED', 'FACT', '']);
    expect(() => parseRows('claims', claimRecord, [row({ stance: null })])).toThrow(/0\.stance/);
    expect(() => parseRows('claims', claimRecord, [row({ documentId: null })])).toThrow(/0\.documentId/);
  });
});
