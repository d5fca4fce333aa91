import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import { FORGIVING_ENUMS } from './enums.js';
import { forgiveCase } from './forgiving-enums.js';
import './refs.js';
import './element.js';
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

export const schema = forgiveCase(lexicographicSortSchema(builder.toSchema()), FORGIVING_ENUMS);
