/**
 * The @neo4j/graphql peer: the Neo4j GraphQL Library (bench/peers/neo4j-graphql/type-defs.ts) on
 * graphql-yoga, with the same neo4j-driver as the server. Env: NEO4J_URI, NEO4J_PASSWORD, PORT.
 */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { TYPE_DEFS } from './type-defs.js';

const driver = neo4j.driver(process.env.NEO4J_URI ?? '', neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''), {
  logging: { level: 'error', logger: () => {} },
});
const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
// Error messages pass unmasked, so that the benchmark can say why the library failed.
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: false,
  maskedErrors: false,
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('READY'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
