import { isEvidence, typeNameOf } from '../domain/records.js';
import { InputError } from '../errors.js';
import type { SearchHit } from '../repositories/search.js';
import { builder } from './builder.js';
import { bounded } from './pagination.js';
import { DisputeRef, ENTITY_REFS, EventRef, EvidenceRef } from './refs.js';

const SearchResultRef = builder.unionType('SearchResult', {
  description: 'What a search can find: an entity, an event, a dispute, or a quote of an article.',
  types: [...ENTITY_REFS, EventRef, DisputeRef, EvidenceRef],
  resolveType: (r: SearchHit['node']) => typeNameOf(r),
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result with its relevance.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Lucene relevance; higher is better.' }),
    node: t.field({ type: SearchResultRef, resolve: (h) => h.node as never }),
    quote: t.string({
      nullable: true,
      description: 'For a quote: the verbatim words that matched.',
      resolve: (h) => (isEvidence(h.node) ? h.node.quote : null),
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Full-text search (German analyzer: "Drohnen" also finds "Drohne") over names, aliases, event labels, dispute names and the verbatim quotes. Every word is searched as written; Lucene operators are not interpreted.',
    args: {
      query: t.arg.string({ required: true, description: 'Words to find (at most 200 characters).' }),
      first: t.arg.int({ defaultValue: 20, description: 'At most 100.' }),
    },
    resolve: (_r, args, ctx) => {
      const first = bounded('first', args.first ?? 20, 1, 100);
      if (args.query.length > 200) throw new InputError('"query" is longer than 200 characters');
      return ctx.repos.search.fullText(args.query, first);
    },
  }),
);
