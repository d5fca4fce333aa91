import { InputError } from '../errors.js';
import type { SearchHit } from '../repositories/search.js';
import { builder } from './builder.js';
import { bounded } from './pagination.js';
import { EvidenceRef, GraphElementRef } from './refs.js';

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description:
    'One fact a search found — an entity, event, dispute, relationship or claim — once, with the best quote that matched.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Lucene relevance of its best hit; higher is better.' }),
    fact: t.field({
      type: GraphElementRef,
      description: 'What was found (`key`, `label` and `type` need no fragment).',
      resolve: (h) => h.fact,
    }),
    node: t.field({
      type: GraphElementRef,
      deprecationReason: 'Use `fact`.',
      resolve: (h) => h.fact,
    }),
    quote: t.string({
      nullable: true,
      description: 'The verbatim words of the best quote that matched; null when the fact matched by its names.',
      resolve: (h) => h.evidence?.quote ?? null,
    }),
    evidence: t.field({
      type: EvidenceRef,
      nullable: true,
      description: 'That quote, with its place in the article and its claim.',
      resolve: (h) => h.evidence,
    }),
    exact: t.exposeBoolean('exact', {
      description:
        'A search word matched as a whole word ("Drohnen"), not only as part of a compound ("Kampfdrohnen").',
    }),
    matches: t.exposeInt('matches', { description: 'How many names and quotes that matched show this fact.' }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Full-text search (German analyzer: "Drohnen" also finds "Kampfdrohnen") over names, aliases, event labels, dispute names and the verbatim quotes. Every word is searched as written; Lucene operators are not interpreted. Each fact comes once, with its best quote; whole-word matches rank above compound parts.',
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
