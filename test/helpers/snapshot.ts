import type { Database } from '../../src/db/driver.js';
import { graphCounts } from './counts.js';

/** Every node and relationship with its properties (but the time of ingest), comparable across databases. */
export async function wholeGraph(db: Database) {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    'nodes',
    // The graph's version node counts writes, which differ between the two databases compared.
    `MATCH (n) WHERE NOT n:GraphVersion WITH n, properties(n) AS p
     RETURN labels(n) AS labels, p {.*, ingestedAt: null} AS props ORDER BY n.id`,
  );
  const rels = await db.read<{ a: string; type: string; b: string; props: Record<string, unknown> }>(
    'relationships',
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
  );
  return {
    counts: await graphCounts(db),
    nodes: nodes.map((n) => ({ ...n, labels: [...n.labels].sort() })),
    rels: rels.map((r) => JSON.stringify({ ...r, props: Object.fromEntries(Object.entries(r.props).sort()) })).sort(),
  };
}
