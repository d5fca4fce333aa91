import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDGE_ROW_KEYS, LEFT_OUT, NODE_ROW_KEYS, NODE_SCHEMAS } from '../../src/domain/records.js';
import { OPTIONAL_PROPERTIES } from '../../src/repositories/projection.js';
import { CLAIM_DETAIL_KEYS } from '../../src/repositories/rows.js';

const read = (name: string) =>
  readFileSync(`cypher/fragments/${name}.cypher`, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');

/** The top-level values of a Cypher list `[a, f(b, c), CASE … END]`. */
function valuesOf(list: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list.slice(1, -1)) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      values.push(current.trim());
      current = '';
    } else current += ch;
  }
  values.push(current.trim());
  return values.map((v) => v.replace(/\s+/g, ' '));
}

/** The key a value of a row stands for: `%1.prop`, `labels(%1)`, or a CASE on `$projection.prop`. */
function keyOf(value: string): string {
  const prop = value.match(/^%1\.(\w+)$/) ?? value.match(/^CASE WHEN \$projection\.(\w+) THEN %1\.(\w+) /);
  if (prop?.[2] && prop[2] !== prop[1]) throw new Error(`${value}: flag and property differ`);
  if (prop) return prop[1] as string;
  if (value === 'labels(%1)') return 'labels';
  throw new Error(`not a row value: ${value}`);
}

/** The keys of every list a label's fragment can send, in order (a claim has a short and a full one). */
function rowsOf(name: string): string[][] {
  const text = read(name);
  const lists = [...text.matchAll(/\[%1\.id/g)].map((m) => {
    let depth = 0;
    for (let i = m.index; i < text.length; i++) {
      if (text[i] === '[') depth++;
      if (text[i] === ']' && --depth === 0) return text.slice(m.index, i + 1);
    }
    throw new Error(`${name}: a row without its ]`);
  });
  if (lists.length === 0) throw new Error(`no row in ${name}`);
  return lists.map((l) => valuesOf(l).map(keyOf));
}

/** Kept on the node for the loader and Entity.sources (entity-sources.cypher); never in a node row. */
const LOADER_ONLY = ['documentIds', 'sourceValues'];

describe('the node rows of cypher/fragments/', () => {
  it.each(NODE_SCHEMAS)('sends every property of the %s record, in the order of NODE_ROW_KEYS', (label, record) => {
    const rows = rowsOf(`${label.toLowerCase()}-map`);
    const keys = NODE_ROW_KEYS[label];
    // The fullest row is the order of the keys; a shorter one (a claim without edits) is its beginning.
    const fullest = [...rows].sort((a, b) => b.length - a.length)[0];
    expect(fullest).toEqual(keys);
    for (const row of rows) expect(keys.slice(0, row.length)).toEqual(row);
    expect(keys.slice(0, 2)).toEqual(['id', 'labels']);
    const fields = Object.keys(record.shape).filter((k) => !LOADER_ONLY.includes(k));
    expect([...keys].sort()).toEqual(fields.sort());
  });

  it('sends an edge in the order of EDGE_ROW_KEYS', () => {
    const expressions: Record<(typeof EDGE_ROW_KEYS)[number], string> = {
      type: 'type(%1)',
      from: 'startNode(%1).id',
      to: 'endNode(%1).id',
      relationId: '%1.relationId',
      role: '%1.role',
      stance: '%1.stance',
      claimIds: 'coalesce(%1.claimIds, [])',
    };
    const [list] = read('edge').match(/\[[\s\S]*\]/) ?? [];
    expect(valuesOf(list as string)).toEqual(EDGE_ROW_KEYS.map((k) => expressions[k]));
  });

  it("sends a claim's details in the order of CLAIM_DETAIL_KEYS (the comment after each value)", () => {
    const text = read('claims-of-asks');
    const list = text.slice(text.indexOf('collect(['), text.indexOf(']) AS claims'));
    const named = [...list.matchAll(/\/\/ (\w+)$/gm)].map((m) => m[1]);
    expect(named).toEqual(CLAIM_DETAIL_KEYS);
    expect(valuesOf(`${list.slice('collect('.length)}]`.replace(/\/\/ \w+$/gm, ''))).toHaveLength(
      CLAIM_DETAIL_KEYS.length,
    );
  });

  it.each(NODE_SCHEMAS)(
    'reads every value the %s row leaves out as false as a placeholder that its record accepts',
    (label, record) => {
      const text = read(`${label.toLowerCase()}-map`);
      const leftOut = [...text.matchAll(/CASE WHEN \$projection\.(\w+) THEN %1\.\w+ ELSE false END/g)].map((m) => m[1]);
      const placeholders = LEFT_OUT[label] ?? {};
      expect([...new Set(leftOut)].sort()).toEqual(Object.keys(placeholders).sort());
      for (const [key, value] of Object.entries(placeholders)) {
        expect(record.shape[key as keyof typeof record.shape].safeParse(value).success, `${label}.${key}`).toBe(true);
      }
    },
  );

  it('node-map gives every label its own row', () => {
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
