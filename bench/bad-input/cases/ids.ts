import type { Case, CategoryFile } from '../case.js';

const b64 = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s) : Buffer.from(s)).toString('base64');

/** [what it is, the id] */
const IDS: [string, string][] = [
  ['malformed base64', '!!!not-base64!!!'],
  ['base64 padding only', '===='],
  ['base64 of "Foo:"', b64('Foo:')],
  ['base64 of ":turkey"', b64(':turkey')],
  ['base64 of "State:turkey\'"', b64("State:turkey'")],
  ['base64 of binary', b64([0xff, 0x00, 0xfe, 0x01])],
  ['global id of another type', b64('Event:turkey')],
  ['100k-char id', 't'.repeat(100_000)],
  ['201-char key', 'a'.repeat(201)],
  ['empty id', ''],
  ['whitespace id', '   '],
  ['unicode id', 'türkei'],
  ['emoji id', '🇹🇷💣'],
  ['RTL override', 'turkey\u202Egnp.exe'],
  ['null bytes', 'tur\u0000key'],
  ['path traversal', '../../etc/passwd'],
  ['uppercase key', 'TURKEY'],
  ['lone surrogate', 'tur\uD800key'],
];

export default {
  about: 'malformed, foreign and hostile ids for entity(id) and node(id)',
  cases: [
    ...IDS.flatMap(([name, id]): Case[] => [
      {
        name: `entity(id): ${name}`,
        query: 'query($id: ID!) { entity(id: $id) { name } }',
        variables: { id },
        expect: 'either',
      },
      {
        name: `node(id): ${name}`,
        query: 'query($id: ID!) { node(id: $id) { id } }',
        variables: { id },
        expect: 'either',
      },
    ]),
    {
      name: 'actor(id) given an Event global id',
      query: 'query($id: ID!) { actor(id: $id) { name } }',
      variables: { id: b64('Event:turkey') },
      expect: 'error',
    },
    {
      name: 'id as inline literal with quotes',
      query: `{ entity(id: ${JSON.stringify('a"b\'c`d')}) { name } }`,
      expect: 'either',
    },
  ],
} satisfies CategoryFile;
