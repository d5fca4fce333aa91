import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, fetchExchange, gql as urqlGql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/yoga.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

const TURKEY = '{ entity(id: "turkey") { key label typeName } }';

/** The two GraphQL clients researchers' apps use most, against the real server over HTTP. */
describe('GraphQL client libraries', () => {
  const db = testDatabase();
  let server: Server;
  let url = '';
  beforeAll(async () => {
    await resetToArticle(db);
    server = createServer(createApp({ db, logger: createLogger('silent') }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('urql as configured in the README (the CSRF header on its GET requests) reads the graph', async () => {
    const client = new Client({
      url,
      exchanges: [fetchExchange],
      fetchOptions: { headers: { 'x-graphql-csrf': '1' } },
    });
    const r = await client.query(urqlGql(TURKEY), {}).toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data).toEqual({ entity: { key: 'turkey', label: 'Turkey', typeName: 'State' } });
  });

  it('urql with POST (preferGetMethod: false) reads the graph', async () => {
    const client = new Client({ url, exchanges: [fetchExchange], preferGetMethod: false });
    const r = await client.query(urqlGql(TURKEY), {}).toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data).toEqual({ entity: { key: 'turkey', label: 'Turkey', typeName: 'State' } });
  });

  it("urql's default GET without the header is refused with CSRF_PREVENTED and told how to fix it", async () => {
    const client = new Client({ url, exchanges: [fetchExchange] });
    const r = await client.query(urqlGql(TURKEY), {}).toPromise();
    const error = r.error?.graphQLErrors[0];
    expect(error?.extensions?.code).toBe('CSRF_PREVENTED');
    expect(error?.message).toMatch(/x-graphql-csrf/);
  });

  it('Apollo Client with its defaults (JSON POST) reads the graph, and a GET with the CSRF header too', async () => {
    for (const link of [
      new HttpLink({ uri: url }),
      new HttpLink({ uri: url, useGETForQueries: true, headers: { 'x-graphql-csrf': '1' } }),
    ]) {
      const client = new ApolloClient({ link, cache: new InMemoryCache() });
      const r = await client.query({ query: gql(TURKEY), fetchPolicy: 'no-cache' });
      expect(r.error).toBeUndefined();
      expect(r.data).toMatchObject({ entity: { key: 'turkey', label: 'Turkey', typeName: 'State' } });
    }
  });
});
