import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import { RELATION_TYPES } from './annotation-schema.js';
import { ALL_KIND_LABELS, EVENT_EDGE_TYPES, type IngestPlan, KIND_LABELS } from './plan.js';

const EDGE_TYPES = new Set<string>([...RELATION_TYPES, ...EVENT_EDGE_TYPES]);

/** Labels and types enter Cypher text only from the allow-lists above. */
function withLabels(text: string, labels: readonly string[]): string {
  for (const l of [...labels, ...ALL_KIND_LABELS]) {
    if (!/^[A-Z][A-Za-z]*$/.test(l)) throw new Error(`label not allowed: ${l}`);
  }
  return text.replaceAll('__ALL_KIND_LABELS__', ALL_KIND_LABELS.join(':')).replaceAll('__LABELS__', labels.join(':'));
}

function withType(text: string, type: string): string {
  if (!EDGE_TYPES.has(type)) throw new Error(`relationship type not allowed: ${type}`);
  return text.replaceAll('__TYPE__', type);
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
      await unwind(tx, withLabels(cypher('ingest/06-upsert-entities'), KIND_LABELS[kind]), rows, base);
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
      await unwind(tx, withType(cypher('ingest/09-upsert-edges'), type), rows, base);
    }
    await unwind(tx, cypher('ingest/10-upsert-claims'), plan.claims, base);
    await unwind(tx, cypher('ingest/11-upsert-evidence'), plan.evidence, base);
    await unwind(tx, cypher('ingest/12-link-contradictions'), plan.contradictions, base);
    await unwind(tx, cypher('ingest/13-create-mentions'), plan.mentions, base);
    await tx.run(cypher('ingest/14-remove-orphans'), base);
  });
}
