import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');
const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`, e.g. cypher('queries/actor-by-id'). Read once, then cached. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9/-]+$/.test(name)) throw new Error(`bad cypher file name: ${name}`);
    text = readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
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
    if (!/^[A-Za-z0-9_:]+$/.test(String(value))) throw new Error(`unsafe template value for ${key}`);
    text = text.replaceAll(`__${key}__`, String(value));
  }
  return text;
}
