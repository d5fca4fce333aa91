import { createHash } from 'node:crypto';
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { GraphVersionReader } from './graph-version.js';
import type { ResponseCache } from './response-cache.js';

/** What the `x-cache` header says: served from the cache, computed (and stored if it succeeds), or neither. */
export type CacheStatus = 'hit' | 'miss' | 'bypass';

interface Params {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Everything that decides the answer: the document's text, the operation's name, the variables and
 * the caller's role. No query reads the caller (only mutations do), but the role is in the key so
 * that an answer could never cross to another role if one ever did.
 */
export function cacheKey(params: Params, role: string | null): string {
  const text = JSON.stringify([params.query ?? '', params.operationName ?? null, params.variables ?? null, role]);
  return createHash('sha256').update(text).digest('hex');
}

const operationOf = (document: DocumentNode, name: string | null | undefined) =>
  document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name),
  );

/**
 * Answers of queries, served again while the graph's version has not moved (src/cache/*.ts). Placed
 * before the cost plugin: a hit skips the estimate and sends nothing to Neo4j but the version read.
 * Only queries are cached, and only answers without errors; mutations and subscriptions pass by.
 */
export function responseCachePlugin(cache: ResponseCache, versions: GraphVersionReader): Plugin<Context> {
  /** The version and key a miss will be stored under, by request (read before the operation ran). */
  const pending = new WeakMap<Request, { version: string; key: string }>();
  const status = new WeakMap<Request, CacheStatus>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context & { request: Request; params: Params };
      const request = ctx.request;
      status.set(request, 'bypass');
      if (operationOf(args.document, args.operationName)?.operation !== 'query') return;
      let version: string | null;
      try {
        version = await versions.current();
      } catch {
        return; // Neo4j cannot tell its version: run the operation uncached (it meets the same trouble).
      }
      if (version === null) return;
      const key = cacheKey(ctx.params, ctx.viewer.role);
      const hit = cache.get(version, key);
      if (hit !== undefined) {
        status.set(request, 'hit');
        ctx.guard.dispose(); // its deadline timer: nothing runs
        setResultAndStopExecution(JSON.parse(hit));
        return;
      }
      status.set(request, 'miss');
      pending.set(request, { version, key });
    },
    // After every plugin's onExecuteDone: the answer as the client gets it (with extensions.cost).
    onExecutionResult({ request, result }) {
      const entry = pending.get(request);
      if (!entry) return;
      pending.delete(request);
      if (!result || isAsyncIterable(result) || result.errors?.length || !result.data) return;
      const { stringify: _, ...plain } = result;
      cache.set(entry.version, entry.key, JSON.stringify(plain));
    },
    onResponse({ request, response }) {
      const s = status.get(request);
      if (s) response.headers.set('x-cache', s);
    },
  };
}
