import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './refs.js';
import './enums.js';
import './entity.js';
import './relation.js';
import './event.js';
import './dispute.js';
import './claim.js';
import './search.js';
import './traversal.js';
import './node.js';
import './stats.js';
import './mutations.js';

export const schema = lexicographicSortSchema(builder.toSchema());
