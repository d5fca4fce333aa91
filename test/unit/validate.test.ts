import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnnotations } from '../../src/ingest/validate.js';

const dir = 'data/articles/2022-01-flashup-moskau-ankara';
const text = readFileSync(`${dir}/article.txt`, 'utf8');
const source = readFileSync(`${dir}/annotations.yaml`, 'utf8');

function problems(yaml: string) {
  const result = validateAnnotations(yaml, text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const lineOf = (yaml: string, needle: string) => yaml.slice(0, yaml.indexOf(needle)).split('\n').length;

describe('validateAnnotations', () => {
  it('accepts the curated article', () => {
    expect(validateAnnotations(source, text).ok).toBe(true);
  });

  it('reports a quote that is not in the text, with its line and the nearest passage', () => {
    const bad = source.replace('der auch die Türkei angehört', 'der auch die Türkei angehören');
    const [p, ...rest] = problems(bad);
    expect(rest).toEqual([]);
    expect(p?.message).toMatch(/quote not found verbatim/);
    expect(p?.message).toMatch(/nearest text: ".*Türkei angehört/);
    expect(p?.line).toBe(lineOf(bad, 'der auch die Türkei angehören'));
    expect(p?.path).toMatch(/^claims\[\d+\]\.evidence\[0\]\.quote$/);
  });

  it('reports every unknown entity reference, not only the first', () => {
    const bad = source
      .replace('sources: [putin, erdogan]', 'sources: [putinn, erdogan]')
      .replace(/assertedBy: kremlin/, 'assertedBy: kreml');
    const ps = problems(bad);
    expect(ps.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown entity "putinn"/),
        expect.stringMatching(/unknown entity "kreml"/),
      ]),
    );
    expect(ps.find((p) => p.message.includes('putinn'))?.line).toBe(lineOf(bad, 'putinn'));
  });

  it('reports malformed YAML with its line', () => {
    const bad = `${source.slice(0, 200)}\n  - [unclosed\n${source.slice(200)}`;
    const [p] = problems(bad);
    expect(p?.message).toMatch(/^YAML:/);
    expect(p?.line).toBeGreaterThan(0);
  });

  it('reports a bad date, a bad CAMEO code and an out-of-range Goldstein value', () => {
    const bad = source
      .replace(
        'value: "2022-01-02", precision: DAY, text: "am Sonntag" }',
        'value: "2022-02-30", precision: DAY, text: "am Sonntag" }',
      )
      .replace('cameo: "041"', 'cameo: "4x1"')
      .replace('goldstein: 1.0', 'goldstein: 12');
    const messages = problems(bad).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^events\[0\]\.date\.value: 2022-02-30 is not a calendar date/),
        expect.stringMatching(/^events\[0\]\.cameo:/),
        expect.stringMatching(/^events\[0\]\.goldstein:/),
      ]),
    );
  });

  it('reports a duplicated id, a dangling contradiction and a fact without a claim', () => {
    const bad = source
      .replace(
        '- id: turkey-member-of-nato\n',
        '- id: turkey-member-of-nato\n    type: MEMBER_OF\n    from: turkey\n    to: nato\n  - id: orphan-relation\n',
      )
      .replace(/contradicts: \[([a-z0-9-]+)\]/, 'contradicts: [no-such-claim]');
    const messages = problems(bad).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown claim "no-such-claim"/),
        expect.stringMatching(/no claim asserts "orphan-relation"/),
      ]),
    );
  });

  it('asks which occurrence is meant when a quote appears twice', () => {
    const bad = source.replace(/quote: "Sie dürften[^"]*"/, 'quote: "Recep Tayyip Erdogan - Bild"');
    expect(problems(bad).map((p) => p.message)).toContainEqual(expect.stringMatching(/occurs 2 times; say which/));
  });

  it('refuses a YAML alias bomb as a problem, not a crash', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ),
      )
      .join('\n');
    const [p] = problems(bomb);
    expect(p?.message).toMatch(/^YAML:.*alias/i);
  });
});
