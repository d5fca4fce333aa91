import type { Case, CategoryFile } from '../case.js';

/** [what it is, the payload] */
const PAYLOADS: [string, string][] = [
  ['single quote', "turkey' OR 1=1 //"],
  ['double quote', 'turkey" OR 1=1 //'],
  ['backtick', 'turkey` MATCH (n) DETACH DELETE n //'],
  ['close brace', "x'}) MATCH (n) DETACH DELETE n //"],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['comment + newline', 'x // \nMATCH (n) DETACH DELETE n'],
  ['parameter syntax', '$id} RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //'],
  ['CALL procedure', "'}) CALL dbms.killTransactions(['x']) //"],
  ['lucene syntax', '*:* OR name:*~ AND key:[* TO *] \\'],
  ['regex', '(?i).*|.*'],
  ['unicode + controls', 'Erdoğan 💣 \u202E\u0000\u0007\uFFFF'],
  ['100k chars', `x'${'"`}'.repeat(25_000)}`],
];

/** Every string argument of the schema: [name, its type, the field with the argument as $s]. */
const ARGUMENTS: [string, string, string][] = [
  ['entity(id)', 'ID!', 'entity(id: $s) { name }'],
  ['actor(id)', 'ID!', 'actor(id: $s) { name }'],
  ['claim(id)', 'ID!', 'claim(id: $s) { key }'],
  ['dispute(id)', 'ID!', 'dispute(id: $s) { name }'],
  ['document(id)', 'ID!', 'document(id: $s) { title }'],
  ['event(id)', 'ID!', 'event(id: $s) { label }'],
  ['node(id)', 'ID!', 'node(id: $s) { id }'],
  ['entitiesByName(name)', 'String!', 'entitiesByName(name: $s) { name }'],
  ['search(query)', 'String!', 'search(query: $s) { score }'],
  ['shortestPath(from)', 'ID!', 'shortestPath(from: $s, to: "nato") { length }'],
  ['shortestPath(to)', 'ID!', 'shortestPath(from: "putin", to: $s) { length }'],
  ['dyad(a)', 'ID!', 'dyad(a: $s, b: "turkey") { goldsteinSum }'],
  ['dyad(b)', 'ID!', 'dyad(a: "russia", b: $s) { goldsteinSum }'],
  ['neighborhood(id)', 'ID!', 'neighborhood(id: $s) { truncated }'],
  ['disputes(party)', 'ID', 'disputes(party: $s) { totalCount }'],
  ['entities(filter.nameContains)', 'String', 'entities(filter: { nameContains: $s }) { totalCount }'],
  ['entities(filter.party)', 'ID', 'entities(filter: { party: $s }) { totalCount }'],
  ['actors(filter.nameContains)', 'String', 'actors(filter: { nameContains: $s }) { totalCount }'],
  ['claims(filter.assertedBy)', 'ID', 'claims(filter: { assertedBy: $s }) { totalCount }'],
  ['claims(filter.document)', 'ID', 'claims(filter: { document: $s }) { totalCount }'],
  ['events(filter.actor)', 'ID', 'events(filter: { actor: $s }) { totalCount }'],
  ['events(filter.dispute)', 'ID', 'events(filter: { dispute: $s }) { totalCount }'],
  ['events(filter.from)', 'String', 'events(filter: { from: $s }) { totalCount }'],
  ['events(filter.types)', 'String!', 'events(filter: { types: [$s] }) { totalCount }'],
  ['events(after)', 'String', 'events(first: 2, after: $s) { totalCount }'],
  ['timeline(filter.to)', 'String', 'timeline(filter: { to: $s }) { undated { label } }'],
];

export default {
  about: 'Cypher injection in every string argument (as variables), and a few in the document itself',
  cases: [
    ...ARGUMENTS.flatMap(([arg, type, field]) =>
      PAYLOADS.map(
        ([what, payload]): Case => ({
          name: `${arg} ← ${what}`,
          query: `query($s: ${type}) { ${field} }`,
          variables: { s: payload },
          expect: 'either',
        }),
      ),
    ),
    ...PAYLOADS.slice(0, 6).map(
      ([what, payload]): Case => ({
        name: `search literal ← ${what}`,
        query: `{ search(query: ${JSON.stringify(payload)}) { score } }`,
        expect: 'either',
      }),
    ),
  ],
} satisfies CategoryFile;
