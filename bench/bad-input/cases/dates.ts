import { type Case, type CategoryFile, EDITOR_HEADERS, FIXTURE_ARTICLE, replaced } from '../case.js';

const EVENTS = 'query($d: String) { events(filter: { FIELD: $d }) { totalCount } }';
const TIMELINE = 'query($d: String) { timeline(filter: { FIELD: $d }) { dated { key } } }';

/** [field, value]: dates that do not exist, or are not ISO dates. */
const REFUSED: [string, string][] = [
  ['from', '2022-02-30'],
  ['to', '2023-02-29'],
  ['from', '1900-02-29'],
  ['to', '2022-04-31'],
  ['from', '2022-11-31'],
  ['from', '2022-01-00'],
  ['to', '2022-00'],
  ['from', '2022-13'],
  ['from', '2022-2-3'],
  ['to', '20220230'],
  ['from', '2022-02-28T00:00:00Z'],
  ['from', '2022-01-01\n'],
  ['to', '２０２２-01-01'],
  ['from', '+02022-01-01'],
];
/** Real dates at the edges: answered with data. */
const ACCEPTED: [string, string][] = [
  ['from', '2024-02-29'],
  ['to', '2000-02-29'],
  ['from', '2022-12-31'],
  ['to', '2022-02'],
  ['from', '2022'],
];

const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { documentId } }';
/** The valid fixture article with one date changed: refused, nothing written. */
const ingestWithDate = (date: string): Case => ({
  name: `ingestArticle (editor key) with the event date ${date}`,
  query: INGEST,
  variables: {
    input: {
      articleText: FIXTURE_ARTICLE.articleText,
      annotationsYaml: replaced(
        FIXTURE_ARTICLE.annotationsYaml,
        'date: { value: "2022-01-11", precision: DAY }',
        `date: { value: "${date}", precision: DAY }`,
      ),
    },
  },
  headers: EDITOR_HEADERS,
  expect: 'error',
  code: 'ANNOTATION_INVALID',
});

export default {
  about: 'impossible and malformed dates in filters (BAD_USER_INPUT) and in annotations (ANNOTATION_INVALID)',
  cases: [
    ...REFUSED.flatMap(([field, d]): Case[] =>
      [EVENTS, TIMELINE].map((q) => ({
        name: `${q.includes('timeline') ? 'timeline' : 'events'}(filter.${field}) ${JSON.stringify(d)}`,
        query: q.replace('FIELD', field),
        variables: { d },
        expect: 'error',
        code: 'BAD_USER_INPUT',
      })),
    ),
    {
      name: 'events(filter.from) "2022-02-30" as a literal',
      query: '{ events(filter: { from: "2022-02-30" }) { totalCount } }',
      expect: 'error',
      code: 'BAD_USER_INPUT',
    },
    ...ACCEPTED.map(
      ([field, d]): Case => ({
        name: `events(filter.${field}) ${JSON.stringify(d)} (exists)`,
        query: EVENTS.replace('FIELD', field),
        variables: { d },
        expect: 'data',
      }),
    ),
    ingestWithDate('2022-02-30'),
    ingestWithDate('2021-02-29'),
  ],
} satisfies CategoryFile;
