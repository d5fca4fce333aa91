import { decodeGlobalID } from '@pothos/plugin-relay';
import { typeNameOf } from '../domain/records.js';
import { InputError } from '../errors.js';
import { builder } from './builder.js';

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any object by its global id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      let decoded: { typename: string; id: string };
      try {
        decoded = decodeGlobalID(args.id);
      } catch {
        throw new InputError(`"${args.id.slice(0, 80)}" is not a global id`);
      }
      const node = await ctx.repos.graph.node.load(decoded.id);
      return node && typeNameOf(node) === decoded.typename ? node : null;
    },
  }),
);
