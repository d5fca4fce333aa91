import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../src/auth.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { Database } from '../../src/db/driver.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

/** networkx, pinned, in .venv (tools/python-venv.sh, which .ci/run calls) or where EXPORT_TEST_PYTHON points. */
const PYTHON = process.env.EXPORT_TEST_PYTHON ?? path.resolve('.venv/bin/python');

// An independent consumer: networkx reads each file; the counts come back as JSON.
const READER = `
import csv, json, sys
import networkx as nx
fmt, file = sys.argv[1], sys.argv[2]
if fmt == 'graphml':
    g = nx.read_graphml(file)
elif fmt == 'gexf':
    g = nx.read_gexf(file)
elif fmt == 'json':
    g = nx.node_link_graph(json.load(open(file, encoding='utf-8')), edges='links')
if fmt.endswith('csv'):
    rows = list(csv.DictReader(open(file, encoding='utf-8', newline='')))
    print(json.dumps({'rows': len(rows), 'first': rows[0]}))
else:
    e = [d for u, v, d in g.edges(data=True) if u == 'turkey' and v == 'nato']
    print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'keys': sorted(g.nodes),
                      'turkey': g.nodes['turkey'] if 'turkey' in g else None,
                      'natoEdge': e[0] if e else None}, default=str))
`;

let db: Database;
let dir: string;
let app: ReturnType<typeof testApp>;

const get = (q: string) => app.app.fetch(`http://localhost/export/graph.${q}`);

function read(format: string, text: string) {
  const file = path.join(dir, `export.${format}`);
  writeFileSync(file, text);
  const out = execFileSync(PYTHON, ['-c', READER, format, file], { encoding: 'utf8' });
  return JSON.parse(out);
}

describe('exports read back by independent consumers', () => {
  let expected: { nodes: number; edges: number };

  beforeAll(async () => {
    if (!existsSync(PYTHON)) {
      throw new Error(
        `no Python with networkx at ${PYTHON}: run tools/python-venv.sh (.ci/run does) or set EXPORT_TEST_PYTHON`,
      );
    }
    db = testDatabase(120_000);
    await resetToArticle(db);
    app = testApp(db);
    dir = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-export-'));
    const r = await app.gql('{ neighborhood(id: "turkey", depth: 2) { truncated nodes { key } edges { id } } }');
    expect(r.data.neighborhood.truncated).toBe(false);
    expected = { nodes: r.data.neighborhood.nodes.length, edges: r.data.neighborhood.edges.length };
    expect(expected.nodes).toBeGreaterThan(20);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('GraphML: networkx reads it, counts equal the GraphQL answer, attributes and evidence are there', async () => {
    const res = await get('graphml?focus=turkey&depth=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="turkey-depth2.graphml"');
    const g = read('graphml', await res.text());
    expect({ nodes: g.nodes, edges: g.edges }).toEqual(expected);
    expect(g.turkey).toMatchObject({
      type: 'State',
      kind: 'STATE',
      name: 'Turkey',
      nameDe: 'Türkei',
      wikidataId: 'Q43',
    });
    expect(g.natoEdge.kind).toBe('MEMBER_OF');
    expect(g.natoEdge.claims).toBeGreaterThan(0);
    expect(g.natoEdge.evidenceQuotes).toContain('der auch die Türkei angehört');
  });

  it('node-link JSON: networkx builds the graph, counts equal the GraphQL answer', async () => {
    const res = await get('json?focus=turkey&depth=2');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const g = read('json', await res.text());
    expect({ nodes: g.nodes, edges: g.edges }).toEqual(expected);
    expect(g.natoEdge.evidenceQuotes).toContain('der auch die Türkei angehört');
  });

  it('GEXF: parsed by networkx and by fast-xml-parser (not the writer), counts equal the GraphQL answer', async () => {
    const res = await get('gexf?focus=turkey&depth=2');
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="turkey-depth2.gexf"');
    const text = await res.text();
    const g = read('gexf', text);
    expect({ nodes: g.nodes, edges: g.edges }).toEqual(expected);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    expect([doc.gexf.graph.nodes.node].flat()).toHaveLength(expected.nodes);
    expect([doc.gexf.graph.edges.edge].flat()).toHaveLength(expected.edges);
  });

  it('CSV: one row per node and per edge, with the attributes as columns', async () => {
    const nodes = await get('nodes.csv?focus=turkey&depth=2');
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(read('nodes.csv', await nodes.text()).rows).toBe(expected.nodes);
    const edges = read('edges.csv', await (await get('edges.csv?focus=turkey&depth=2')).text());
    expect(edges.rows).toBe(expected.edges);
    expect(Object.keys(edges.first)).toEqual(
      expect.arrayContaining(['source', 'target', 'kind', 'claims', 'evidenceIds', 'evidenceQuotes']),
    );
  });

  it('a path export holds the path', async () => {
    const r = await app.gql('{ shortestPath(from: "putin", to: "nato") { length nodes { key } } }');
    const res = await get('graphml?from=putin&to=nato');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="path-putin-nato.graphml"');
    const g = read('graphml', await res.text());
    expect(g.edges).toBe(r.data.shortestPath.length);
    expect(g.nodes).toBe(r.data.shortestPath.length + 1);
    expect(g.keys).toEqual(r.data.shortestPath.nodes.map((n: { key: string }) => n.key).sort());
  });

  it('refuses with the API’s error codes', async () => {
    const code = async (res: Response) =>
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code;
    let res = await get('gexf?focus=turkey&depth=10');
    expect([res.status, await code(res)]).toEqual([400, 'BAD_USER_INPUT']);
    res = await get('gexf?focus=turkey&kinds=FRIEND_OF');
    expect([res.status, await code(res)]).toEqual([400, 'BAD_USER_INPUT']);
    res = await get('gexf?focus=atlantis');
    expect([res.status, await code(res)]).toEqual([404, 'NOT_FOUND']);
    res = await get('gexf');
    expect([res.status, await code(res)]).toEqual([400, 'BAD_USER_INPUT']);
    res = await get('svg?focus=turkey');
    expect(res.status).toBe(404);
    const strict = testApp(db, { limits: { ...DEFAULT_LIMITS, maxCost: 500 } });
    res = await strict.app.fetch('http://localhost/export/graph.gexf?focus=turkey&depth=2');
    expect([res.status, await code(res)]).toEqual([400, 'LIMIT_EXCEEDED']);
  });

  it('charges its operations to the client that asked (its API key), not to a bucket all exports share', async () => {
    const limited = testApp(db, {
      apiKeys: [{ name: 'alice', role: 'reader', sha256: sha256Hex('alice-secret') }],
      // Next to no refill: what a request costs stays charged for the test's length.
      rateLimit: { perMinute: 1, burst: 20, trustProxyHops: 0 },
    });
    const alice = { authorization: 'Bearer alice-secret' };
    const res = await limited.app.fetch('http://localhost/export/graph.gexf?focus=turkey&depth=2', { headers: alice });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    // The neighbourhood and the first 25 edges' evidence cost more than 20 queries: the next batch is refused.
    expect([res.status, body.errors[0]?.extensions.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.gql('{ entity(id: "nato") { key } }', {}, alice)).status).toBe(429);
    // Someone else (no key, the same unknown address as the export's own operations had) pays nothing.
    expect((await limited.gql('{ entity(id: "nato") { key } }')).status).toBe(200);
  });

  it('npm run export writes the same file to stdout', async () => {
    const n = inject('neo4j');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/export/cli.ts', '--format', 'gexf', '--focus', 'turkey', '--depth', '2'],
      {
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, LOG_LEVEL: 'silent' },
        timeout: 120_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('(turkey-depth2.gexf)');
    const g = read('gexf', run.stdout);
    expect({ nodes: g.nodes, edges: g.edges }).toEqual(expected);
  });
});
