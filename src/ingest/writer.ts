import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, templated } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import type { EntityKind } from './annotation-schema.js';
import { ALL_KIND_LABELS, EDGE_TYPES, type IngestPlan, KIND_LABELS } from './plan.js';

/** Labels and types enter Cypher text only from the allow-lists of plan.ts. */
const upsertEntities = (kind: EntityKind) =>
  templated('ingest/06-upsert-entities', {
    LABELS: KIND_LABELS[kind].join(':'),
    ALL_KIND_LABELS: ALL_KIND_LABELS.join(':'),
  });

function upsertEdges(type: string): string {
  if (!(EDGE_TYPES as readonly string[]).includes(type)) throw new Error(`relationship type not allowed: ${type}`);
  return templated('ingest/09-upsert-edges', { TYPE: type });
}

const BATCH = 500;

async function unwind(tx: ManagedTransaction, text: string, rows: unknown[], params: Record<string, unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.run(text, { ...params, rows: rows.slice(i, i + BATCH) });
  }
}

/** Writes one document's plan in a single transaction: all of it, or nothing. */
export async function writePlan(db: Database, plan: IngestPlan): Promise<void> {
  const base = { documentId: plan.documentId, claimPrefix: plan.claimPrefix };
  await db.writeTransaction(`ingest ${plan.documentId}`, async (tx) => {
    await tx.run(cypher('ingest/01-remove-document-claims'), base);
    await tx.run(cypher('ingest/02-remove-document-mentions'), base);
    await tx.run(cypher('ingest/03-release-shared'), base);
    for (const [kind, rows] of plan.entitiesByKind) {
      await unwind(tx, upsertEntities(kind), rows, base);
    }
    await tx.run(cypher('ingest/06b-derive-names'), base);
    await tx.run(cypher('ingest/04-upsert-document'), {
      ...base,
      document: plan.document,
      publisherEntity: plan.publisherEntity,
    });
    await unwind(tx, cypher('ingest/05-upsert-sentences'), plan.sentences, base);
    await unwind(tx, cypher('ingest/07-upsert-disputes'), plan.disputes, base);
    await unwind(tx, cypher('ingest/08-upsert-events'), plan.events, base);
    for (const [type, rows] of plan.edges) {
      await unwind(tx, upsertEdges(type), rows, base);
    }
    await unwind(tx, cypher('ingest/10-upsert-claims'), plan.claims, base);
    await unwind(tx, cypher('ingest/11-upsert-evidence'), plan.evidence, base);
    await unwind(tx, cypher('ingest/12-link-contradictions'), plan.contradictions, base);
    await unwind(tx, cypher('ingest/13-create-mentions'), plan.mentions, base);
    await tx.run(cypher('ingest/14-remove-orphans'), base);
  });
}
