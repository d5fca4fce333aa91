import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/driver.js';
import type { IngestSummary, WriteOutcome } from '../domain/ingest-plan.js';
import { writePlan } from '../repositories/ingest-writer.js';
import type { Annotations } from './annotation-schema.js';
import { type IngestPlan, planIngest } from './plan.js';
import { AnnotationError, validateAnnotations } from './validate.js';

export interface LoadedArticle {
  dir: string;
  slug: string;
  text: string;
  annotations: Annotations;
  plan: IngestPlan;
}

export type { IngestSummary };

/** Reads and validates `<dir>/article.txt` and `<dir>/annotations.yaml`; throws AnnotationError listing every problem. */
export function loadArticle(dir: string): LoadedArticle {
  const slug = path.basename(path.resolve(dir));
  const annotationFile = path.join(dir, 'annotations.yaml');
  let text: string;
  let source: string;
  try {
    text = readFileSync(path.join(dir, 'article.txt'), 'utf8');
    source = readFileSync(annotationFile, 'utf8');
  } catch (err) {
    throw new AnnotationError(dir, [{ path: '', message: `cannot read the article: ${(err as Error).message}` }]);
  }
  if (!text.trim()) throw new AnnotationError(dir, [{ path: '', message: 'article.txt is empty' }]);
  return loadArticleFrom(slug, dir, text, source, annotationFile);
}

/** The same as loadArticle, from strings (used by the ingest mutation and tests). */
export function loadArticleFrom(
  slug: string,
  dir: string,
  text: string,
  source: string,
  file = 'annotations.yaml',
): LoadedArticle {
  const result = validateAnnotations(source, text);
  if (!result.ok) throw new AnnotationError(file, result.problems);
  return { dir, slug, text, annotations: result.annotations, plan: planIngest(result.annotations, text, slug) };
}

export function summarize(article: LoadedArticle, outcome: WriteOutcome): IngestSummary {
  const { annotations: a, plan } = article;
  return {
    ...outcome,
    documentId: plan.documentId,
    slug: article.slug,
    entities: a.entities.length,
    events: a.events.length,
    disputes: a.disputes.length,
    relations: a.relations.length,
    claims: plan.claims.length,
    evidence: plan.evidence.length,
    mentions: plan.mentions.length,
    sentences: plan.sentences.length,
  };
}

/** Validates, then writes in one transaction. Nothing is written when validation fails. */
export async function ingestArticle(db: Database, dir: string): Promise<IngestSummary> {
  const article = loadArticle(dir);
  return summarize(article, await writePlan(db, article.plan));
}

/** The article folders under data/articles (those with an annotations.yaml). */
export function articleDirs(root: string): string[] {
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((d) => statSync(d).isDirectory() && statSync(path.join(d, 'annotations.yaml'), { throwIfNoEntry: false }))
    .sort();
}
