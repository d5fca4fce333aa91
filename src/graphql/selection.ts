import {
  type FieldNode,
  type GraphQLCompositeType,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';

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

/** The names of the fields the resolving field's selection selects on its type (see fieldsOn). */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return new Set();
  return new Set(
    info.fieldNodes.flatMap((f) => fieldsOn(f.selectionSet, type, info)).map(({ field }) => field.name.value),
  );
}
