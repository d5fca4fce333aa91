import type { Vocabulary } from '../domain/words.js';
import { mapWords } from '../domain/words.js';
import { builder } from './builder.js';

/** A list's orders (domain/orders.ts) as a GraphQL enum for its `orderBy` argument. */
export const orderEnum = <K extends string>(name: string, description: string, orders: Vocabulary<K>) =>
  builder.enumType(name, { description, values: mapWords(orders, (o) => ({ description: o.description })) });
