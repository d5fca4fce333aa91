import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './stats.js';

export const schema = lexicographicSortSchema(builder.toSchema());
