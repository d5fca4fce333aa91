import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { OperationGuard } from './guard.js';

const pluginName = 'resultBudget';

const scalarName = (ref: unknown) => (ref as { name?: string }).name;

/** Lists count their items; String and ID fields their length. */
const countsTowardBudget = (type: PothosOutputFieldConfig<SchemaTypes>['type']) =>
  type.kind === 'List' || (type.kind === 'Scalar' && ['String', 'ID'].includes(scalarName(type.ref) ?? ''));

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

/**
 * Counts what an operation resolves — list items and the text of strings — against the ceilings of
 * its OperationGuard (`ctx.guard`). The estimate refuses costly operations before they run; this
 * stops one that the estimate let through when the data turned out larger (new writes not yet
 * measured), before its answer can exhaust memory.
 */
export class ResultBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!countsTowardBudget(fieldConfig.type as PothosOutputFieldConfig<SchemaTypes>['type'])) return resolver;
    return (parent, args, ctx, info) => {
      const guard = (ctx as { guard?: OperationGuard }).guard;
      const value = resolver(parent, args, ctx, info);
      if (!guard) return value;
      if (isThenable(value)) {
        return Promise.resolve(value).then((v) => {
          guard.count(v);
          return v;
        });
      }
      guard.count(value);
      return value;
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, ResultBudgetPlugin);

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      resultBudget: ResultBudgetPlugin<Types>;
    }
  }
}

export default pluginName;
