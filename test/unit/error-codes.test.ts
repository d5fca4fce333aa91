import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/error-codes.js';

const README = readFileSync('README.md', 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('error codes', () => {
  it('the README lists exactly the codes of src/error-codes.ts', () => {
    const section = README.slice(README.indexOf('### Error codes'));
    const listed = [...section.slice(0, section.indexOf('\n### ', 5)).matchAll(/^\| `([A-Z_]+)` \|/gm)].map(
      (m) => m[1],
    );
    expect(listed).toEqual(Object.keys(ERROR_CODES));
  });

  it('no code is written outside the vocabulary', () => {
    const known = new Set(Object.keys(ERROR_CODES));
    for (const file of sources('src')) {
      if (file.endsWith('error-codes.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/code(?:: ErrorCode)?\s*[:=]\s*'([A-Z_]{4,})'/g)) {
        expect(known.has(m[1] as string), `${file}: ${m[1]}`).toBe(true);
      }
      // Coded errors are built by apiError / InputError, not by hand.
      expect(text, file).not.toMatch(/extensions:\s*\{\s*code:/);
    }
  });
});
