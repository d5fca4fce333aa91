/**
 * The floor of the comparison: one hand-written Cypher query per operation (bench/peers/cypher.ts)
 * behind a bare node:http handler, with the same neo4j-driver as the server.
 * POST /op {"op": "<name>", "params": {...}} → {"data": <result>}. Env: NEO4J_URI, NEO4J_PASSWORD, PORT.
 */
import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import * as Q from '../cypher.js';

const OPS: Record<string, { cypher: string; many: boolean }> = {
  memberships: { cypher: Q.MEMBERSHIPS, many: false },
  events: { cypher: Q.EVENTS_PAGE, many: true },
  claims: { cypher: Q.CLAIMS_PAGE, many: false },
  neighborhood: { cypher: Q.NEIGHBORHOOD, many: false },
  path: { cypher: Q.SHORTEST_PATH, many: false },
  search: { cypher: Q.SEARCH, many: true },
  dyad: { cypher: Q.DYAD, many: false },
  dyadFirst: { cypher: Q.DYAD_FIRST, many: false },
  timeline: { cypher: Q.TIMELINE, many: true },
  nested: { cypher: Q.NESTED, many: true },
  deepPage: { cypher: Q.DEEP_PAGE, many: true },
};
const INTEGER_PARAMS = new Set(['limit', 'first', 'hits']);

const driver = neo4j.driver(process.env.NEO4J_URI ?? '', neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''), {
  disableLosslessIntegers: true,
  logging: { level: 'error', logger: () => {} },
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        op: string;
        params?: Record<string, unknown>;
      };
      const op = OPS[body.op];
      if (!op) throw new Error(`unknown operation ${body.op}`);
      const params = Object.fromEntries(
        Object.entries(body.params ?? {}).map(([k, v]) => [k, INTEGER_PARAMS.has(k) ? neo4j.int(v as number) : v]),
      );
      const { records } = await driver.executeQuery(op.cypher, params, { routing: neo4j.routing.READ });
      const rows = records.map((r) => r.get('result'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: op.many ? rows : (rows[0] ?? null) }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err) }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('READY'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
