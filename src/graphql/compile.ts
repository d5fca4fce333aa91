import {
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { ENTITY_KINDS } from '../domain/entities.js';
import { DISPLAY_KEY, NODE_SCHEMAS } from '../domain/records.js';
import { TIMELINE_ORDER } from '../domain/timeline.js';
import type { CompiledSelection } from '../repositories/lists.js';
import { edgeTypes } from '../repositories/patterns.js';
import type { FieldLoad } from '../repositories/preload.js';
import type { CompileSpec } from './compiled.js';
import { COMPILED_TYPE } from './compiled.js';
import { included } from './selection.js';

type Label = (typeof NODE_SCHEMAS)[number][0];
const SCHEMAS = new Map(NODE_SCHEMAS.map(([label, schema]) => [label as Label, schema]));

/** The node label behind a GraphQL type that can be compiled: a node type, an entity type or interface. */
function labelOf(type: GraphQLCompositeType): Label | null {
  if (SCHEMAS.has(type.name as Label)) return type.name as Label;
  if (type.name === 'Entity' || type.name === 'Actor') return 'Entity';
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity')) return 'Entity';
  return null;
}

/**
 * The value a record gives a property the node lacks (domain/records.ts: null for an optional one,
 * [] for a list, the word or number an `orElse` names), or undefined where the record requires it.
 */
const defaults = new Map<string, { value: unknown } | undefined>();
function recordDefault(label: Label, key: string): { value: unknown } | undefined {
  const cacheKey = `${label}.${key}`;
  if (defaults.has(cacheKey)) return defaults.get(cacheKey);
  const field = SCHEMAS.get(label)?.shape[key as never] as unknown as
    | { safeParse(v: unknown): { success: boolean; data?: unknown } }
    | undefined;
  const parsed = field?.safeParse(null);
  const found = parsed?.success ? { value: parsed.data } : undefined;
  defaults.set(cacheKey, found);
  return found;
}

const ENTITY_TYPE_CASE = (v: string) =>
  `CASE ${v}.kind ${Object.entries(ENTITY_KINDS)
    .map(([kind, k]) => `WHEN '${kind}' THEN '${k.type}'`)
    .join(' ')} END`;

const CLAIMS_OF: Record<string, (v: string, c: string) => string> = {
  about: (v, c) => `MATCH (${c}:Claim)-[:ABOUT|SUBJECT|OBJECT]->(${v})`,
  asserted: (v, c) => `MATCH (${c}:Claim)-[:ASSERTED_BY]->(${v})`,
};

class Compiler {
  private vars = 0;
  readonly params: Record<string, unknown> = {};

  constructor(private readonly info: GraphQLResolveInfo) {}

  private param(value: unknown): string {
    const name = `p${Object.keys(this.params).length}`;
    this.params[name] = value;
    return `$compiled.${name}`;
  }

  private variable(): string {
    this.vars += 1;
    return `x${this.vars}`;
  }

  /**
   * The fields of selection sets on a type, by response key, or null when a fragment narrows the
   * type (a compiled map has the same keys for every node of its list).
   */
  fields(sets: readonly SelectionSetNode[], type: GraphQLCompositeType): Map<string, FieldNode[]> | null {
    const out = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode): boolean => {
      for (const s of set.selections) {
        if (!included(s, this.info)) continue;
        if (s.kind === 'Field') {
          const key = s.alias?.value ?? s.name.value;
          out.set(key, [...(out.get(key) ?? []), s]);
          continue;
        }
        const fragment = s.kind === 'InlineFragment' ? s : this.info.fragments[s.name.value];
        if (!fragment) return false;
        const condition = fragment.typeCondition ? fragment.typeCondition.name.value : type.name;
        const covers =
          condition === type.name ||
          (isObjectType(type) && this.info.schema.isSubType(this.info.schema.getType(condition) as never, type)) ||
          (isInterfaceType(type) && type.getInterfaces().some((i) => i.name === condition));
        if (!covers || !visit(fragment.selectionSet)) return false;
      }
      return true;
    };
    for (const set of sets) if (!visit(set)) return null;
    return out;
  }

  /** A map of the selected fields of a node `v` of a type, or null when one of them cannot be compiled. */
  object(sets: readonly SelectionSetNode[], type: GraphQLCompositeType, v: string): string | null {
    const label = labelOf(type);
    const fields = this.fields(sets, type);
    if (!label || !fields || (!isObjectType(type) && label !== 'Entity')) return null;
    const typeName = isObjectType(type) ? `'${type.name}'` : ENTITY_TYPE_CASE(v);
    const entries = [`\`${COMPILED_TYPE}\`: ${typeName}`];
    for (const [key, nodes] of fields) {
      const name = nodes[0]?.name.value as string;
      if (name === '__typename') continue;
      const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      const value = def && this.field(def, nodes, label, v, typeName);
      if (!value) return null;
      entries.push(`\`${key}\`: ${value}`);
    }
    return `{${entries.join(', ')}}`;
  }

  /** The value of one field of a node `v`, or null. */
  field(
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    label: Label,
    v: string,
    typeName: string,
  ): string | null {
    const spec = specOf(def);
    if (!spec) return null;
    switch (spec.kind) {
      case 'property': {
        const fallback = recordDefault(label, spec.property);
        const read = `${v}.\`${spec.property}\``;
        return fallback && fallback.value !== null ? `coalesce(${read}, ${this.param(fallback.value)})` : read;
      }
      case 'key':
        return `${v}.id`;
      case 'label':
        return `${v}.${DISPLAY_KEY[label]}`;
      case 'typeName':
        return typeName;
      default:
        return this.relation(spec, def, nodes, v);
    }
  }

  /** A relationship field: a subquery of the nodes it reaches, each as the map of its own selection. */
  relation(spec: CompileSpec, def: GraphQLField<unknown, unknown>, nodes: FieldNode[], v: string): string | null {
    const child = getNamedType(def.type);
    if (!isCompositeType(child)) return null;
    const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    const m = this.variable();
    const map = this.object(sets, child, m);
    if (!map) return null;
    const load = def.extensions?.preload as FieldLoad | undefined;
    const list = isListType(isNonNullType(def.type) ? def.type.ofType : def.type);
    let body: string;
    switch (spec.kind) {
      case 'related': {
        if (load?.kind !== 'edges') return null;
        const types = `:${edgeTypes(load.types)}`;
        const pattern =
          load.direction === 'OUT' ? `-[${types}]->` : load.direction === 'IN' ? `<-[${types}]-` : `-[${types}]-`;
        const order = spec.order === 'timeline' ? TIMELINE_ORDER(m) : `${m}.id`;
        body = `MATCH (${v})${pattern}(${m}:${spec.label}) WITH ${m} ORDER BY ${order} RETURN ${map}`;
        break;
      }
      case 'claims': {
        const of = load?.kind === 'claims' ? CLAIMS_OF[load.by] : undefined;
        if (!of) return null;
        let aspect: unknown = null;
        if (spec.aspect && 'value' in spec.aspect) aspect = spec.aspect.value;
        else if (spec.aspect) {
          const args = getArgumentValues(def, nodes[0] as FieldNode, this.info.variableValues);
          aspect = args[spec.aspect.arg] ?? null;
        }
        const where = aspect === null ? '' : ` WHERE coalesce(${m}.aspect, 'FACT') = ${this.param(aspect)}`;
        // The claims' order of cypher/fragments/claims-of-asks.cypher.
        body = `${of(v, m)}${where} WITH DISTINCT ${m} ORDER BY ${m}.documentId, ${m}.id RETURN ${map}`;
        break;
      }
      case 'evidence':
        // The evidence's order of cypher/fragments/claims-of-asks.cypher.
        body = `MATCH (${v})-[:SUPPORTED_BY]->(${m}) WITH ${m} ORDER BY ${m}.start RETURN ${map}`;
        break;
      case 'asserter':
        body = `MATCH (${v})-[:ASSERTED_BY]->(${m}) RETURN ${map}`;
        break;
      default:
        return null;
    }
    return list ? `COLLECT { ${body} }` : `head(COLLECT { ${body} })`;
  }
}

/** A field's compile spec: its own, or an exposed record property's. */
function specOf(def: GraphQLField<unknown, unknown>): CompileSpec | undefined {
  const spec = def.extensions?.compile as CompileSpec | undefined;
  if (spec) return spec;
  const exposed = def.extensions?.pothosExposedField;
  return typeof exposed === 'string' && def.args.length === 0 ? { kind: 'property', property: exposed } : undefined;
}

const RELATIONS = new Set<CompileSpec['kind']>(['related', 'claims', 'evidence', 'asserter']);

/**
 * The relationship fields of a list's items compiled into one map over `x0`, when every field the
 * items' selection loads (extensions.preload) can be compiled with all it selects; else null (the
 * list preloads them as before). The items' other fields are answered from their records.
 */
export function compileItems(
  sets: readonly SelectionSetNode[],
  itemType: GraphQLCompositeType,
  info: GraphQLResolveInfo,
): CompiledSelection | null {
  if (!labelOf(itemType)) return null;
  const compiler = new Compiler(info);
  const fields = compiler.fields(sets, itemType);
  if (!fields) return null;
  const entries: string[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]?.name.value as string;
    const def = isObjectType(itemType) || isInterfaceType(itemType) ? itemType.getFields()[name] : undefined;
    if (!def) continue;
    const spec = specOf(def);
    const loads = def.extensions?.preload !== undefined;
    if (!spec || !RELATIONS.has(spec.kind)) {
      if (loads) return null;
      continue;
    }
    const value = compiler.relation(spec, def, nodes, 'x0');
    if (!value) return null;
    entries.push(`\`${key}\`: ${value}`);
  }
  if (entries.length === 0) return null;
  return { map: `{${entries.join(', ')}}`, params: compiler.params };
}
