import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { StatKey } from '../repositories/stats.js';
import type { Fanout, FanoutInput } from './fanout.js';
import { CONNECTION_EDGES, FANOUT } from './fanout-table.js';

export interface Estimate {
  /** Fields the answer can hold at most: each field counts 1, and a list's selection once per item. */
  cost: number;
  /** The deepest nesting of fields. */
  depth: number;
}

/** Lists of objects missing from the fan-out table are counted as this many (a test keeps the table whole). */
const UNKNOWN_LIST = 100;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  degree: (key: StatKey) => number;
  sides?: Pick<FanoutInput, 'side' | 'pair'>;
  /** Selection sets already walked for a type and enclosing arguments (fragments spread many times). */
  memo: Map<SelectionSetNode, Map<string, Estimate>>;
}

/** The fan-out of a list field: its own entry, or its interface's. */
export function fanoutOf(parent: GraphQLCompositeType, fieldName: string): Fanout | undefined {
  const own = FANOUT[`${parent.name}.${fieldName}`];
  if (own) return own;
  if (fieldName === 'edges' && parent.name.endsWith('Connection')) return CONNECTION_EDGES;
  if (isObjectType(parent) || isInterfaceType(parent)) {
    for (const i of parent.getInterfaces()) {
      const inherited = FANOUT[`${i.name}.${fieldName}`];
      if (inherited) return inherited;
    }
  }
  return undefined;
}

function walkSelection(
  w: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  parentArgs: Record<string, unknown>,
  seen: ReadonlySet<string>,
): Estimate {
  const walked = w.memo.get(set) ?? new Map<string, Estimate>();
  w.memo.set(set, walked);
  const key = `${type.name} ${JSON.stringify(parentArgs)}`;
  const known = walked.get(key);
  if (known) return known;
  const result = walkSelectionOnce(w, set, type, parentArgs, seen);
  walked.set(key, result);
  return result;
}

function walkSelectionOnce(
  w: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  parentArgs: Record<string, unknown>,
  seen: ReadonlySet<string>,
): Estimate {
  let cost = 0;
  let depth = 0;
  for (const s of set.selections) {
    let part: Estimate;
    if (s.kind === Kind.FIELD) {
      part = walkField(w, s, type, parentArgs, seen);
    } else {
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(s.name.value) : s;
      if (!fragment || (s.kind === Kind.FRAGMENT_SPREAD && seen.has(s.name.value))) continue;
      const condition = fragment.typeCondition ? w.schema.getType(fragment.typeCondition.name.value) : type;
      if (!condition || !isCompositeType(condition)) continue;
      const inside = s.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, s.name.value]) : seen;
      // A fragment for another type adds to the cost whether or not the object turns out of that type.
      part = walkSelection(w, fragment.selectionSet, condition, parentArgs, inside);
    }
    cost += part.cost;
    depth = Math.max(depth, part.depth);
  }
  return { cost, depth };
}

/** The field's arguments with their defaults; ones that do not coerce fail the field at execution, so their defaults count. */
function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return Object.fromEntries(field.args.map((a) => [a.name, a.defaultValue]));
  }
}

function walkField(
  w: Walk,
  node: FieldNode,
  parent: GraphQLCompositeType,
  parentArgs: Record<string, unknown>,
  seen: ReadonlySet<string>,
): Estimate {
  const name = node.name.value;
  // Introspection is bounded by the schema; __typename is free.
  if (name.startsWith('__')) return { cost: 0, depth: 0 };
  const field: GraphQLField<unknown, unknown> | undefined =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!field) return { cost: 1, depth: 1 };
  const args = field.args.length > 0 ? argumentsOf(field, node, w.variables) : {};
  const named = getNamedType(field.type);
  if (!node.selectionSet || !isCompositeType(named)) return { cost: 1, depth: 1 };
  let items = 1;
  if (isListType(getNullableType(field.type))) {
    const fanout = fanoutOf(parent, name);
    items = fanout ? fanout.items({ args, parentArgs, degree: w.degree, ...w.sides }) : UNKNOWN_LIST;
  }
  const inner = walkSelection(w, node.selectionSet, named, field.args.length > 0 ? args : parentArgs, seen);
  return { cost: 1 + items * inner.cost, depth: 1 + inner.depth };
}

/**
 * The cost of an operation before it runs, from the sizes the data really has (FanoutStats).
 * Null when the operation or its variables are invalid: execution reports that itself.
 */
export function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  degree: (key: StatKey) => number,
  sides?: Pick<FanoutInput, 'side' | 'pair'>,
): Estimate | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || (!operationName && operations.length > 1)) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const walk: Walk = { schema, fragments, variables: coerced.coerced, degree, sides, memo: new Map() };
  return walkSelection(walk, operation.selectionSet, root, {}, new Set());
}
