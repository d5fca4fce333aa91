import {
  type FieldNode,
  type GraphQLCompositeType,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { keptKey } from '../cache/kept-keys.js';

/** Whether a selection is part of the operation: not skipped (@skip) nor left out (@include). */
export function included(
  node: FieldNode | { directives?: FieldNode['directives'] },
  info: GraphQLResolveInfo,
): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** The selection sets of some field nodes (of one response key, or a field's nodes). */
export const selectionSets = (nodes: readonly FieldNode[]): SelectionSetNode[] =>
  nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/**
 * The fields a selection set selects on a type, with the type each is selected on: fields, inline
 * fragments and named fragments whose type condition is the type, one of its interfaces or (for an
 * abstract type) one of its possible types. Over-inclusive on abstract types, never short: a load
 * of another type's field only brings true data the request may not read.
 */
export function fieldsOn(
  selections: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
  info: GraphQLResolveInfo,
  out: { field: FieldNode; on: GraphQLCompositeType }[] = [],
) {
  for (const s of selections?.selections ?? []) {
    if (!included(s, info)) continue;
    if (s.kind === 'Field') {
      out.push({ field: s, on: type });
      continue;
    }
    const fragment = s.kind === 'InlineFragment' ? s : info.fragments[s.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition ? info.schema.getType(fragment.typeCondition.name.value) : type;
    if (!condition || !isCompositeType(condition)) continue;
    const applies =
      condition === type ||
      (isAbstractType(condition) && isObjectType(type) && info.schema.isSubType(condition, type)) ||
      (isAbstractType(type) && isObjectType(condition) && info.schema.isSubType(type, condition));
    if (applies) fieldsOn(fragment.selectionSet, isObjectType(condition) ? condition : type, info, out);
  }
  return out;
}

/**
 * What perSelection keeps, in all, in characters of keys and values (about 16 MB): a client sending
 * new documents or variables each time replaces the least recently used, never grows it.
 */
export const MAX_KEPT_CHARS = 8_000_000;
const kept = new LRUCache<string, { value: unknown }>({ maxSize: MAX_KEPT_CHARS });

/** How many characters perSelection keeps now (at most MAX_KEPT_CHARS). */
export const keptSelectionChars = () => kept.calculatedSize;

/**
 * `compute()` once per selection and variables: what depends only on a field's selection (its field
 * nodes, where they stand in the document), the types it is resolved on and the operation's
 * variables — a list's plan, a look-up's compiled selection — is kept (Yoga's parser cache gives the
 * same document for the same text) and computed again only for new variables. Without source
 * locations (a document built in code), or with long variables, nothing is kept.
 */
export function perSelection<T>(info: GraphQLResolveInfo, what: string, compute: () => T): T {
  const [first] = info.fieldNodes;
  if (!first || info.fieldNodes.some((n) => !n.loc)) return compute();
  const byVariables = keptKey(first, info.variableValues);
  if (byVariables === null) return compute();
  const key = `${byVariables}|${what}|${info.parentType.name}|${String(info.returnType)}|${info.fieldNodes.map((n) => n.loc?.start).join(',')}`;
  const hit = kept.get(key);
  if (hit) return hit.value as T;
  const value = compute();
  kept.set(key, { value }, { size: key.length + charsOf(value) });
  return value;
}

/** About how many characters a kept value holds (its JSON; a value JSON cannot write counts as 10,000). */
function charsOf(value: unknown): number {
  try {
    return (JSON.stringify(value)?.length ?? 0) + 1;
  } catch {
    return 10_000;
  }
}
