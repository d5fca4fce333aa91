import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');
const cache = new Map<string, string>();

const FILE_NAME = /^[a-z0-9/-]+$/;
const MACRO = /\{\{([a-z0-9-]+)((?:\s+[^\s}]+)*)\s*\}\}/g;
/** A variable, a property path or a parameter; `-` stands for nothing (a subquery that imports no variable); `%1` … passes a fragment's own argument on to a fragment it uses, `%1.e` a property of it. */
const MACRO_ARG = /^(\$?[A-Za-z_][A-Za-z0-9_.]*(,[A-Za-z_][A-Za-z0-9_]*)*|-|%\d(\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

/**
 * Expands `{{name arg …}}` with `cypher/fragments/<name>.cypher`, its `%1`, `%2` … replaced by the
 * arguments (variable names and property paths only): one source for a projection or a look-up
 * that several queries share.
 */
function expandFragments(text: string, file: string): string {
  return text.replace(MACRO, (_m, name: string, rawArgs: string) => {
    const args = rawArgs.trim() ? rawArgs.trim().split(/\s+/) : [];
    for (const a of args) if (!MACRO_ARG.test(a)) throw new Error(`${file}: unsafe fragment argument "${a}"`);
    const body = cypher(`fragments/${name}`)
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .trim();
    return body.replace(/%(\d)/g, (_p, i: string) => {
      const value = args[Number(i) - 1]?.replace(/^-$/, '');
      if (value === undefined) throw new Error(`${file}: fragment ${name} needs argument %${i}`);
      return value;
    });
  });
}

/** The text of `cypher/<name>.cypher` with its fragments expanded, e.g. cypher('queries/claims'). Read once, then cached. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!FILE_NAME.test(name)) throw new Error(`bad cypher file name: ${name}`);
    text = expandFragments(readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8'), name);
    cache.set(name, text);
  }
  return text;
}

/** The text of `cypher/fragments/<name>.cypher` with its arguments, as `{{name arg …}}` in a file would give it. */
export function fragment(name: string, ...args: string[]): string {
  return expandFragments(`{{${name}${args.map((a) => ` ${a}`).join('')}}}`, `fragment ${name}`);
}

/** Splits a file of several statements at `;` line ends, dropping `//` comment lines. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A cypher file with `__NAME__` placeholders filled from values the caller checked against an allow-list. */
export function templated(name: string, values: Record<string, string | number>): string {
  let text = cypher(name);
  for (const [key, value] of Object.entries(values)) {
    if (!/^[A-Za-z0-9_:|]+$/.test(String(value))) throw new Error(`unsafe template value for ${key}`);
    text = text.replaceAll(`__${key}__`, String(value));
  }
  return text;
}
