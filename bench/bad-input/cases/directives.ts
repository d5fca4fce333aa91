import type { CategoryFile } from '../case.js';

export default {
  about: 'directive floods, unknown and misused directives (the limit is 50)',
  cases: [
    {
      name: '@include(if:true) x 500 on one field',
      query: `{ __typename ${'@include(if: true) '.repeat(500)}}`,
      expect: 'error',
    },
    { name: '@include(if:true) x 51', query: `{ __typename ${'@include(if: true) '.repeat(51)}}`, expect: 'error' },
    {
      name: '@skip(if:false) on 500 fields',
      query: `{ ${'__typename @skip(if: false) '.repeat(500)}}`,
      expect: 'either',
    },
    { name: 'unknown directive x 500', query: `{ __typename ${'@nope '.repeat(500)}}`, expect: 'error' },
    { name: '@deprecated on a query field', query: '{ __typename @deprecated }', expect: 'error' },
    { name: '@include without if', query: '{ __typename @include }', expect: 'error' },
    { name: '@include(if: "yes")', query: '{ __typename @include(if: "yes") }', expect: 'error' },
    {
      name: 'directives on the operation x 200',
      query: `query Q ${'@include(if: true) '.repeat(200)}{ __typename }`,
      expect: 'error',
    },
  ],
} satisfies CategoryFile;
