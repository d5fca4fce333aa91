import { GraphQLError } from 'graphql';
import { requireRole, type Viewer } from '../auth.js';
import { InputError } from '../errors.js';
import { type IngestSummary, type LoadedArticle, loadArticleFrom, summarize } from '../ingest/ingest.js';
import { AnnotationError } from '../ingest/validate.js';
import type { Logger } from '../logger.js';
import type { Repositories } from '../repositories/index.js';
import { visibleText } from './claims.js';

const MAX_TEXT = 200_000;

export interface ArticleInput {
  articleText: string;
  annotationsYaml: string;
  slug: string | null;
}

/**
 * Loading an article through the API: the editor's role, the same validation as the CLI (every
 * problem listed, nothing written), then one write transaction that keeps the editorial history.
 */
export class ArticleIngest {
  constructor(
    private readonly repos: Repositories,
    private readonly viewer: Viewer,
    private readonly logger: Logger,
  ) {}

  async ingest(input: ArticleInput): Promise<IngestSummary> {
    requireRole(this.viewer, 'editor');
    // Their characters are checked by the loader, which names the place of each problem.
    const articleText = visibleText('articleText', input.articleText, MAX_TEXT);
    const yaml = visibleText('annotationsYaml', input.annotationsYaml, MAX_TEXT * 2);
    const slug = input.slug ?? 'api';
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) throw new InputError('"slug" must be a lower-case slug');
    let article: LoadedArticle;
    try {
      article = loadArticleFrom(slug, 'api', articleText, yaml);
    } catch (err) {
      if (!(err instanceof AnnotationError)) throw err;
      throw new GraphQLError(`the annotations have ${err.problems.length} problem(s); nothing was written`, {
        extensions: { code: 'ANNOTATION_INVALID', problems: err.problems.slice(0, 200) },
      });
    }
    if (!input.slug) article.plan.document.slug = article.plan.documentId;
    const outcome = await this.repos.writes.ingest(article.plan);
    this.logger.info({ documentId: article.plan.documentId, by: this.viewer.name, ...outcome }, 'article ingested');
    return { ...summarize(article, outcome), slug: String(article.plan.document.slug) };
  }
}
