import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { NodeRecord } from '../domain/records.js';
import { InputError } from '../errors.js';
import { lookUpCompiledOf, lookUpPlanOf } from './preload.js';

const KEY = /^[a-z0-9][a-z0-9:-]{0,199}$/;

/**
 * Takes a global id (as `node(id:)` returns) or a plain key ("turkey") and gives the key.
 * `types` lists the GraphQL types the caller accepts; a global id of another type is a bad argument.
 */
export function keyOf(id: string, types?: readonly string[]): string {
  if (KEY.test(id)) return id;
  const invalid = () =>
    new InputError(`"${id.slice(0, 80)}" is not a valid id: give a global id or a key such as "turkey"`);
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(id);
  } catch {
    decoded = undefined;
  }
  if (!decoded || !KEY.test(decoded.id) || !/^[A-Z][A-Za-z]+$/.test(decoded.typename)) {
    // Not a global id: a key typed with capitals ("Turkey") is still that key.
    if (KEY.test(id.toLowerCase())) return id.toLowerCase();
    throw invalid();
  }
  if (types && !types.includes(decoded.typename)) {
    throw new InputError(`id "${id.slice(0, 80)}" is a ${decoded.typename}, expected ${types.join(' or ')}`);
  }
  return decoded.id;
}

/** keyOf for an optional argument. */
export const optionalKey = (id: string | null | undefined, types?: readonly string[]) =>
  id === null || id === undefined ? null : keyOf(id, types);

/**
 * A root look-up: the node with this id (global or key) when it is of the wanted kind, else null. With
 * `info`, what the selection's fields load comes in the same query: compiled (graphql/compile.ts)
 * or preloaded (graphql/preload.ts).
 */
export async function lookUp<T extends NodeRecord>(
  ctx: Context,
  id: string,
  types: readonly string[],
  is: (n: NodeRecord) => n is T,
  info?: GraphQLResolveInfo,
): Promise<T | null> {
  const key = keyOf(id, types);
  const compiled = info && ctx.compile ? lookUpCompiledOf(info) : null;
  const node = compiled
    ? await ctx.repos.graph.lookUpCompiled(key, compiled)
    : await ctx.repos.graph.lookUp(key, info ? lookUpPlanOf(info) : []);
  return node && is(node) ? node : null;
}
