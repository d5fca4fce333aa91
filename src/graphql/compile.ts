import {
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { type Direction, EDGE_TYPE_WORDS } from '../domain/edges.js';
import { ENTITY_KINDS } from '../domain/entities.js';
import { DISPLAY_KEY, edgeFields, NODE_SCHEMAS } from '../domain/records.js';
import { TIMELINE_ORDER } from '../domain/timeline.js';
import type { CompiledSelection } from '../repositories/compiled.js';
import { relationshipPattern } from '../repositories/patterns.js';
import type { FieldLoad } from '../repositories/preload.js';
import type { CompileSpec } from './compiled.js';
import { COMPILED_TYPE } from './compiled.js';
import { included, selectionSets } from './selection.js';

type Label = (typeof NODE_SCHEMAS)[number][0];
const SCHEMAS = new Map(NODE_SCHEMAS.map(([label, schema]) => [label as Label, schema]));

/** The node label behind a GraphQL type that can be compiled: a node type, an entity type or interface. */
function labelOf(type: GraphQLCompositeType): Label | null {
  if (SCHEMAS.has(type.name as Label)) return type.name as Label;
  if (type.name === 'Entity' || type.name === 'Actor') return 'Entity';
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity')) return 'Entity';
  return null;
}

type Parseable = { safeParse(v: unknown): { success: boolean; data?: unknown } };

/**
 * The value a record gives a property the node (or edge) lacks (domain/records.ts: null for an
 * optional one, [] for a list, the word or number an `orElse` names), or undefined where the record
 * requires it.
 */
const defaults = new Map<string, { value: unknown } | undefined>();
function recordDefault(label: Label | 'Relation', key: string): { value: unknown } | undefined {
  const cacheKey = `${label}.${key}`;
  if (defaults.has(cacheKey)) return defaults.get(cacheKey);
  const schema = label === 'Relation' ? edgeFields : SCHEMAS.get(label);
  const field = schema?.shape[key as never] as unknown as Parseable | undefined;
  const parsed = field?.safeParse(null);
  const found = parsed?.success ? { value: parsed.data } : undefined;
  defaults.set(cacheKey, found);
  return found;
}

/** The GraphQL type of an entity node `v`, from its kind (domain/entities.ts). */
const ENTITY_TYPE_CASE = (v: string) =>
  `CASE ${v}.kind ${Object.entries(ENTITY_KINDS)
    .map(([kind, k]) => `WHEN '${kind}' THEN '${k.type}'`)
    .join(' ')} END`;

/** The kinds whose nodes are of an entity type. */
const kindsOf = (typeName: string) =>
  Object.entries(ENTITY_KINDS)
    .filter(([, k]) => k.type === typeName)
    .map(([kind]) => kind);

/** What a node `v` is called (domain/records.ts displayName), whatever its label. */
const DISPLAY_CASE = (v: string) =>
  `CASE ${Object.entries(DISPLAY_KEY)
    .map(([label, key]) => `WHEN ${v}:${label} THEN ${v}.${key}`)
    .join(' ')} END`;

const CLAIMS_OF: Record<string, (v: string, c: string) => string> = {
  about: (v, c) => `MATCH (${c}:Claim)-[:ABOUT|SUBJECT|OBJECT]->(${v})`,
  asserted: (v, c) => `MATCH (${c}:Claim)-[:ASSERTED_BY]->(${v})`,
};

/** What a compiled map is of: a node in a variable (with its label and GraphQL type), or an edge with its ends. */
type Subject =
  | { kind: 'node'; v: string; label: Label; typeName: string }
  | { kind: 'edge'; r: string; from: string; to: string };

class Compiler {
  private vars = 0;
  readonly params: Record<string, unknown> = {};
  private readonly paramNames = new Map<string, string>();

  constructor(private readonly info: GraphQLResolveInfo) {}

  /** A parameter holding a value (the same value, the same parameter: equal selections compile to equal text). */
  private param(value: unknown): string {
    const key = JSON.stringify(value);
    let name = this.paramNames.get(key);
    if (!name) {
      name = `p${this.paramNames.size}`;
      this.paramNames.set(key, name);
      this.params[name] = value;
    }
    return `$compiled.${name}`;
  }

  private variable(): string {
    this.vars += 1;
    return `x${this.vars}`;
  }

  /** Variables named from the start again (for a selection of another possible type: equal selections, equal text). */
  restart() {
    this.vars = 0;
  }

  /**
   * The fields of selection sets on a type, by response key. On an object type, as GraphQL collects
   * them for a value of that type (fragments of other types left out); on an abstract type, null when
   * a fragment narrows it (then each possible type is compiled on its own).
   */
  fields(sets: readonly SelectionSetNode[], type: GraphQLCompositeType): Map<string, FieldNode[]> | null {
    const out = new Map<string, FieldNode[]>();
    const { schema, fragments } = this.info;
    const visit = (set: SelectionSetNode): boolean => {
      for (const s of set.selections) {
        if (!included(s, this.info)) continue;
        if (s.kind === 'Field') {
          const key = s.alias?.value ?? s.name.value;
          out.set(key, [...(out.get(key) ?? []), s]);
          continue;
        }
        const fragment = s.kind === 'InlineFragment' ? s : fragments[s.name.value];
        if (!fragment) return false;
        const name = fragment.typeCondition?.name.value ?? type.name;
        const condition = schema.getType(name);
        if (!condition || !isCompositeType(condition)) return false;
        const covers =
          condition === type ||
          (isAbstractType(condition) && isObjectType(type) && schema.isSubType(condition, type)) ||
          (isInterfaceType(type) && type.getInterfaces().includes(condition as never));
        if (covers) {
          if (!visit(fragment.selectionSet)) return false;
        } else if (!isObjectType(type)) return false;
      }
      return true;
    };
    for (const set of sets) if (!visit(set)) return null;
    return out;
  }

  /** The map of the selected fields of a node `v` of a type, or null when one of them cannot be compiled. */
  object(sets: readonly SelectionSetNode[], type: GraphQLCompositeType, v: string): string | null {
    if (isObjectType(type)) {
      const label = labelOf(type);
      return label && this.map(sets, type, { kind: 'node', v, label, typeName: `'${type.name}'` });
    }
    if (!isAbstractType(type)) return null;
    const label = labelOf(type);
    // An entity interface selected without narrowing fragments: one map, the type from the kind.
    if (label === 'Entity' && this.fields(sets, type)) {
      return this.map(sets, type, { kind: 'node', v, label, typeName: ENTITY_TYPE_CASE(v) });
    }
    // Any other abstract type: one branch per label (an entity type's kinds), equal branches merged.
    const start = this.vars;
    let end = start;
    const branches = new Map<string, { label: Label; types: string[] }>();
    for (const possible of this.info.schema.getPossibleTypes(type)) {
      if (possible.name === 'Relation') continue;
      const pLabel = labelOf(possible);
      if (!pLabel) return null;
      this.vars = start;
      const body = this.map(sets, possible, { kind: 'node', v, label: pLabel, typeName: '__TYPE__' });
      if (!body) return null;
      end = Math.max(end, this.vars);
      const key = `${pLabel}|${body}`;
      const branch = branches.get(key) ?? { label: pLabel, types: [] };
      branch.types.push(possible.name);
      branches.set(key, branch);
    }
    this.vars = end;
    const cases = [...branches].map(([key, { label: l, types }]) => {
      const body = key.slice(key.indexOf('|') + 1);
      if (l !== 'Entity') return `WHEN ${v}:${l} THEN ${body.replaceAll('__TYPE__', `'${types[0]}'`)}`;
      const kinds = types.flatMap(kindsOf);
      const every = kinds.length === Object.keys(ENTITY_KINDS).length;
      const condition = every
        ? `${v}:Entity`
        : `${v}:Entity AND ${v}.kind IN [${kinds.map((k) => `'${k}'`).join(', ')}]`;
      const typeName = types.length === 1 ? `'${types[0]}'` : ENTITY_TYPE_CASE(v);
      return `WHEN ${condition} THEN ${body.replaceAll('__TYPE__', typeName)}`;
    });
    return `CASE ${cases.join(' ')} END`;
  }

  /**
   * The map of the selected fields of a subject of a type, or null. A selection met again on the same
   * type, variable and numbering (the same fragment under many possible types) is compiled once: its
   * text is what it was, and the variables after it too.
   */
  map(sets: readonly SelectionSetNode[], type: GraphQLCompositeType, subject: Subject): string | null {
    const key = `${sets.map((set) => this.idOf(set)).join(',')}|${type.name}|${JSON.stringify(subject)}|${this.vars}`;
    const known = this.maps.get(key);
    if (known) {
      this.vars = known.vars;
      return known.text;
    }
    const text = this.compileMap(sets, type, subject);
    this.maps.set(key, { text, vars: this.vars });
    this.size += text?.length ?? 0;
    // A selection too large to send as one query's text takes the preload path.
    if (this.size > MAX_TEXT) throw new TooLarge();
    return text;
  }

  private readonly maps = new Map<string, { text: string | null; vars: number }>();
  private readonly ids = new Map<SelectionSetNode, number>();
  private size = 0;

  private idOf(set: SelectionSetNode): number {
    let id = this.ids.get(set);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(set, id);
    }
    return id;
  }

  private compileMap(sets: readonly SelectionSetNode[], type: GraphQLCompositeType, subject: Subject): string | null {
    const fields = this.fields(sets, type);
    if (!fields || !(isObjectType(type) || isInterfaceType(type))) return null;
    const typeName = subject.kind === 'node' ? subject.typeName : "'Relation'";
    const entries = [`\`${COMPILED_TYPE}\`: ${typeName}`];
    for (const [key, nodes] of fields) {
      const name = nodes[0]?.name.value as string;
      if (name === '__typename') continue;
      const def = type.getFields()[name];
      const value = def && this.field(def, nodes, subject);
      if (!value) return null;
      entries.push(`\`${key}\`: ${value}`);
    }
    return `{${entries.join(', ')}}`;
  }

  /** The value of one field of a subject, or null. */
  field(def: GraphQLField<unknown, unknown>, nodes: FieldNode[], subject: Subject): string | null {
    const spec = specOf(def);
    if (!spec) return null;
    if (subject.kind === 'edge') return this.edgeField(spec, def, nodes, subject);
    const { v, label } = subject;
    switch (spec.kind) {
      case 'property':
        return this.property(v, label, spec.property);
      case 'key':
        return `${v}.id`;
      case 'label':
        return `${v}.${DISPLAY_KEY[label]}`;
      case 'typeName':
        return subject.typeName;
      default:
        return this.relation(spec, def, nodes, v);
    }
  }

  private property(v: string, label: Label | 'Relation', property: string): string {
    const fallback = recordDefault(label, property);
    const read = `${v}.\`${property}\``;
    return fallback && fallback.value !== null ? `coalesce(${read}, ${this.param(fallback.value)})` : read;
  }

  /** A field of a Relation (domain/records.ts EdgeRecord) from its relationship and its two ends. */
  edgeField(
    spec: CompileSpec,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    { r, from, to }: Extract<Subject, { kind: 'edge' }>,
  ): string | null {
    const claims = (c: string, i: string) =>
      `UNWIND range(0, size(coalesce(${r}.claimIds, [])) - 1) AS ${i} MATCH (${c}:Claim {id: ${r}.claimIds[${i}]})`;
    switch (spec.kind) {
      case 'property':
        return this.property(r, 'Relation', spec.property);
      case 'key':
        // domain/records.ts edgeKey
        return `type(${r}) + ':' + ${from}.id + '->' + ${to}.id`;
      case 'label':
        // graphql/element.ts edgeLabel
        return `${DISPLAY_CASE(from)} + ' ' + type(${r}) + ' ' + ${DISPLAY_CASE(to)}`;
      case 'typeName':
        return "'Relation'";
      case 'edgeType':
        return `type(${r})`;
      case 'end': {
        const child = getNamedType(def.type);
        return isCompositeType(child)
          ? this.object(selectionSets(nodes), child, spec.end === 'from' ? from : to)
          : null;
      }
      case 'edgeClaims':
      case 'edgeEvidence': {
        const child = getNamedType(def.type);
        if (!isCompositeType(child)) return null;
        const [c, i, e] = [this.variable(), this.variable(), this.variable()];
        if (spec.kind === 'edgeClaims') {
          const map = this.object(selectionSets(nodes), child, c);
          return map && `COLLECT { ${claims(c, i)} WITH ${i}, ${c} ORDER BY ${i} RETURN ${map} }`;
        }
        const map = this.object(selectionSets(nodes), child, e);
        return (
          map &&
          `COLLECT { ${claims(c, i)} MATCH (${c})-[:SUPPORTED_BY]->(${e}) WITH ${i}, ${e} ORDER BY ${i}, ${e}.start RETURN ${map} }`
        );
      }
      default:
        return null;
    }
  }

  /** A relationship field of a node: a subquery of what it reaches, each as the map of its own selection. */
  relation(spec: CompileSpec, def: GraphQLField<unknown, unknown>, nodes: FieldNode[], v: string): string | null {
    const child = getNamedType(def.type);
    if (!isCompositeType(child)) return null;
    const sets = selectionSets(nodes);
    const m = this.variable();
    const load = def.extensions?.preload as FieldLoad | undefined;
    const list = isListType(isNonNullType(def.type) ? def.type.ofType : def.type);
    let body: string;
    if (spec.kind === 'relations') {
      let types = load?.kind === 'edges' ? load.types : null;
      let direction = load?.kind === 'edges' ? load.direction : null;
      if (spec.args) {
        const args = getArgumentValues(def, nodes[0] as FieldNode, this.info.variableValues);
        types = (args[spec.args.kinds] as string[] | null | undefined) ?? EDGE_TYPE_WORDS;
        direction = (args[spec.args.direction] as Direction | null | undefined) ?? 'BOTH';
      }
      if (!types || !direction || types.length === 0) return null;
      const [r, from, to] = [this.variable(), this.variable(), this.variable()];
      const map = this.map(sets, child, { kind: 'edge', r, from, to });
      if (!map) return null;
      const pattern = relationshipPattern(types, direction, r);
      // The loader's order (cypher/fragments/edges-of-ids.cypher): type, then the other end's key.
      body = `MATCH (${v})${pattern}(${m}) WITH ${r}, ${m}, startNode(${r}) AS ${from}, endNode(${r}) AS ${to} ORDER BY type(${r}), ${m}.id RETURN ${map}`;
      return list ? `COLLECT { ${body} }` : null;
    }
    const map = this.object(sets, child, m);
    if (!map) return null;
    switch (spec.kind) {
      case 'related': {
        if (load?.kind !== 'edges') return null;
        const pattern = relationshipPattern(load.types, load.direction, '');
        const order = spec.order === 'timeline' ? TIMELINE_ORDER(m) : `${m}.id`;
        body = `MATCH (${v})${pattern}(${m}${spec.label ? `:${spec.label}` : ''}) WITH ${m} ORDER BY ${order} RETURN ${map}`;
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
        const where = aspect === null ? '' : ` WHERE ${this.property(m, 'Claim', 'aspect')} = ${this.param(aspect)}`;
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

/** The most Cypher text a compiled selection may write (every map it compiles, counted as written). */
const MAX_TEXT = 200_000;
class TooLarge extends Error {}

/** A field's compile spec: its own, or an exposed record property's. */
function specOf(def: GraphQLField<unknown, unknown>): CompileSpec | undefined {
  const spec = def.extensions?.compile as CompileSpec | undefined;
  if (spec) return spec;
  const exposed = def.extensions?.pothosExposedField;
  return typeof exposed === 'string' && def.args.length === 0 ? { kind: 'property', property: exposed } : undefined;
}

const RELATIONS = new Set<CompileSpec['kind']>(['related', 'claims', 'evidence', 'asserter', 'relations']);

/**
 * The relationship fields of a list's items (or a look-up's node) compiled into one map over `x0`,
 * when every field the selection loads (extensions.preload) can be compiled with all it selects; else
 * null (the list preloads them as before). The items' other fields are answered from their records.
 * On an abstract type, the fields of each possible type (fragments that narrow it included) are
 * compiled, and a response key must compile the same for every type that selects it.
 */
export function compileItems(
  sets: readonly SelectionSetNode[],
  itemType: GraphQLCompositeType,
  info: GraphQLResolveInfo,
): CompiledSelection | null {
  const types = isObjectType(itemType) ? [itemType] : info.schema.getPossibleTypes(itemType);
  if (!types.every(labelOf)) return null;
  return compileRecords(sets, types, info, (compiler, spec, def, nodes) =>
    RELATIONS.has(spec.kind) ? compiler.relation(spec, def, nodes, 'x0') : undefined,
  );
}

/**
 * The claims and evidence of a path's edges compiled into one map per edge, over the relationship
 * `r0` and its ends `f0` and `t0`, when every field of the edges' selection that loads has a compiled
 * form; else null. The edges' other fields are answered from their records.
 */
export function compileEdgeItems(
  sets: readonly SelectionSetNode[],
  edgeType: GraphQLCompositeType,
  info: GraphQLResolveInfo,
): CompiledSelection | null {
  if (!isObjectType(edgeType)) return null;
  const edge = { kind: 'edge', r: 'r0', from: 'f0', to: 't0' } as const;
  return compileRecords(sets, [edgeType], info, (compiler, spec, def, nodes) =>
    spec.kind === 'edgeClaims' || spec.kind === 'edgeEvidence' ? compiler.edgeField(spec, def, nodes, edge) : undefined,
  );
}

/**
 * The fields of records (of any of `types`) that `answer` compiles, as one map by response key: null
 * when one of them cannot be compiled (`answer` gives null), when a field that loads has no such
 * form (`answer` gives undefined) or when none is compiled. The rest are the records' own.
 */
function compileRecords(
  sets: readonly SelectionSetNode[],
  types: readonly GraphQLObjectType[],
  info: GraphQLResolveInfo,
  answer: (
    compiler: Compiler,
    spec: CompileSpec,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
  ) => string | null | undefined,
): CompiledSelection | null {
  const compiler = new Compiler(info);
  try {
    const entries = new Map<string, string>();
    for (const type of types) {
      const fields = compiler.fields(sets, type);
      if (!fields) return null;
      compiler.restart();
      for (const [key, nodes] of fields) {
        const def = type.getFields()[nodes[0]?.name.value as string];
        if (!def) continue;
        const spec = specOf(def);
        const value = spec && answer(compiler, spec, def, nodes);
        if (value === undefined) {
          if (def.extensions?.preload !== undefined) return null;
          continue;
        }
        if (!value || (entries.has(key) && entries.get(key) !== value)) return null;
        entries.set(key, value);
      }
    }
    if (entries.size === 0) return null;
    const map = `{${[...entries].map(([key, value]) => `\`${key}\`: ${value}`).join(', ')}}`;
    return { map, params: compiler.params };
  } catch (err) {
    if (err instanceof TooLarge) return null;
    throw err;
  }
}
