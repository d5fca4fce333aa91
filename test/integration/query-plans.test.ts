/**
 * Every Cypher query the API sends, planned by Neo4j with the parameters it was sent with: none may
 * start from a scan of the whole graph or of a label, sort a whole label before its LIMIT, or count
 * by loading every node of a label where the count store has the number — except the entries of
 * PLAN_ALLOWED, each with its reason. The queries are captured (Database.onQuery) while the app
 * answers test/helpers/plan-operations.ts: every root field and every edge field, with filters,
 * orders, cursors, traversals, search and counts. bench/plans.ts runs the same check on the synthetic
 * corpus (10k, 100k relationships) and prints the plans with their db hits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentQuery } from '../../src/db/driver.js';
import { testApp } from '../helpers/app.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';
import {
  fetchRunner,
  PLAN_LIMITS,
  type PlanOperation,
  runPlanOperations,
  uncoveredFields,
} from '../helpers/plan-operations.js';
import {
  captureQueries,
  PLAN_ALLOWED,
  type PlanReport,
  planOf,
  printPlan,
  unexpected,
  variantOf,
} from '../helpers/plans.js';

describe('query plans of every query the API sends', () => {
  const db = testDatabase(30_000);
  const { app } = testApp(db, { limits: PLAN_LIMITS });
  let ops: PlanOperation[] = [];
  let queries: SentQuery[] = [];
  const reports = new Map<SentQuery, PlanReport>();

  beforeAll(async () => {
    await resetToArticle(db);
    queries = await captureQueries(db, async () => {
      ops = await runPlanOperations(fetchRunner(app));
    });
    for (const q of queries) reports.set(q, await planOf(db.driver, db.connection.database, q));
  }, 240_000);
  afterAll(() => db.close());

  it('the operations select every root field and every field that leads to another object', () => {
    expect(uncoveredFields(ops)).toEqual([]);
  });

  it('captures the queries of every repository', () => {
    const names = new Set(queries.map((q) => q.name));
    for (const name of [
      'nodes-by-ids',
      'edges-of-nodes',
      'claims',
      'entity-sources',
      'mentions-of-entities',
      'mentions-in-documents',
      'sentences-of-documents',
      'events-of-actors',
      'actors-page',
      'actors-count',
      'events-page',
      'events-count',
      'disputes-page',
      'disputes-count',
      'claims-page',
      'claims-count',
      'documents-page',
      'documents-count',
      'entities-by-name',
      'search',
      'neighborhood',
      'shortest-path',
      'dyad',
      'side-sizes',
      'graph-stats',
      'degree-maxima',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('no query starts from a scan, sorts a whole label before its limit, or counts by loading nodes', () => {
    const failures = queries.flatMap((q) => {
      const report = reports.get(q) as PlanReport;
      const problems = unexpected(q, report);
      return problems.length === 0
        ? []
        : [`${q.name} [${variantOf(q)}]: ${problems.join('; ')}\n${printPlan(report.plan)}`];
    });
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('every allowed scan is still met (no stale entry in the allow-list)', () => {
    for (const a of PLAN_ALLOWED) {
      const met = queries.some(
        (q) =>
          q.name === a.name &&
          (!a.variant || a.variant.test(variantOf(q))) &&
          (reports.get(q) as PlanReport).flags.some((f) => a.flags.includes(f)),
      );
      expect(met, `${a.name} ${a.variant ?? ''}`).toBe(true);
    }
  });

  it('the check sees a label scan, a sort of a whole label, and a count from the count store', async () => {
    const probe = (cypher: string, params: Record<string, unknown> = {}) =>
      planOf(db.driver, db.connection.database, { name: 'probe', mode: 'READ', cypher, params });
    expect((await probe('MATCH (n:Entity) WHERE n.name = $x RETURN n', { x: 'NATO' })).flags).toContain('scan');
    expect((await probe('MATCH (n:Entity) RETURN n ORDER BY n.name LIMIT 3')).flags).toContain('late-limit');
    expect((await probe('MATCH (n:Entity {id: $id}) RETURN n', { id: 'nato' })).flags).toEqual([]);
    const count = await probe('MATCH (n:Entity) RETURN count(n) AS total');
    expect(count.starts).toEqual(['NodeCountFromCountStore count( (:Entity) ) AS total']);
    expect(count.flags).toEqual([]);
  });
});
