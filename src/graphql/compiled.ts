import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver, GraphQLIsTypeOfFn, GraphQLTypeResolver } from 'graphql';
import { COMPILED_FIELDS } from '../repositories/compiled.js';

/**
 * How a field is answered inside a compiled selection (graphql/compile.ts): one map projection of
 * exactly the selected fields, written by the query of the list above it. A field without a spec is
 * not compiled (an exposed property of a node record needs none: its record key is its spec); a
 * selection that holds one is answered field by field, as without compilation.
 *
 * - `property`: a property of the node record (domain/records.ts), with the record's default.
 * - `key`, `label`, `typeName`: a node's id, display name, GraphQL type (domain/records.ts).
 * - `related`: the nodes at the other end of the edges its preload follows (extensions.preload),
 *   of one label (null: any), in key or timeline order (domain/timeline.ts).
 * - `claims`: the claims its preload selects (about the node, asserted by it), optionally of one
 *   aspect (an argument's or a fixed one).
 * - `evidence`, `asserter`: a claim's evidence (by start) and who asserts it.
 * - `relations`: the edges its preload follows (or its arguments `kinds` and `direction` name), as
 *   Relation objects in the loader's order (type, then the other end's key).
 * - Of a Relation: `edgeType` its type, `end` the node it starts or ends at, `edgeClaims` and
 *   `edgeEvidence` the claims it holds the ids of (in that order) and their evidence.
 */
export type CompileSpec =
  | { kind: 'property'; property: string }
  | { kind: 'key' }
  | { kind: 'label' }
  | { kind: 'typeName' }
  | { kind: 'related'; label: 'Entity' | 'Event' | 'Dispute' | null; order: 'key' | 'timeline' }
  | { kind: 'claims'; aspect?: { arg: string } | { value: string } }
  | { kind: 'evidence' }
  | { kind: 'asserter' }
  | { kind: 'relations'; args?: { kinds: string; direction: string } }
  | { kind: 'edgeType' }
  | { kind: 'end'; end: 'from' | 'to' }
  | { kind: 'edgeClaims' }
  | { kind: 'edgeEvidence' };

/** Field options that say how the field is compiled, merged with what the options already hold. */
export function compiles<O extends { extensions?: Readonly<Record<string, unknown>> }>(spec: CompileSpec, options: O) {
  return { ...options, extensions: { ...options.extensions, compile: spec } };
}

/** Field options of a field compiled as `spec` that has no other extensions. */
export const compiledAs = (spec: CompileSpec) => ({ extensions: { compile: spec } });

/**
 * A compiled object (a map the query built, holding exactly its selected fields by response key)
 * carries its GraphQL type name under this key: no response key can be spelled so.
 */
export const COMPILED_TYPE = '@type';

type Compiled = Record<string, unknown> & { [COMPILED_TYPE]: string };
const isCompiled = (v: unknown): v is Compiled => typeof v === 'object' && v !== null && COMPILED_TYPE in v;

/**
 * Answers fields from compiled objects: the value the query put under the field's response key.
 * Inside the other plugins' wrappers (the result budget counts these answers like any other).
 */
export class CompiledPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    _fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return (parent, args, ctx, info) => {
      if (typeof parent === 'object' && parent !== null) {
        const key = info.path.key as string;
        if (COMPILED_TYPE in parent) return (parent as Compiled)[key];
        const fields = (parent as { [COMPILED_FIELDS]?: Record<string, unknown> })[COMPILED_FIELDS];
        if (fields !== undefined && key in fields) return fields[key];
      }
      return resolver(parent, args, ctx, info);
    };
  }

  override wrapResolveType(
    resolveType: GraphQLTypeResolver<unknown, Types['Context']>,
  ): GraphQLTypeResolver<unknown, Types['Context']> {
    return (value, ctx, info, type) => (isCompiled(value) ? value[COMPILED_TYPE] : resolveType(value, ctx, info, type));
  }

  override wrapIsTypeOf(
    isTypeOf: GraphQLIsTypeOfFn<unknown, Types['Context']> | undefined,
    typeConfig: { name: string },
  ): GraphQLIsTypeOfFn<unknown, Types['Context']> | undefined {
    if (!isTypeOf) return isTypeOf;
    return (value, ctx, info) =>
      isCompiled(value) ? value[COMPILED_TYPE] === typeConfig.name : isTypeOf(value, ctx, info);
  }
}

SchemaBuilder.registerPlugin('compiled', CompiledPlugin);

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      compiled: CompiledPlugin<Types>;
    }
  }
}

export default 'compiled' as const;
