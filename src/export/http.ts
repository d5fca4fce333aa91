import type { Plugin } from 'graphql-yoga';
import { errorJson } from '../error-codes.js';
import { CONTENT_TYPES, fileName, isFormat, serialize } from './formats.js';
import { ExportError, exportGraph, parseExportQuery, stemOf } from './run.js';

const PATH = /^\/export\/graph\.([a-z.]+)$/;

const errorResponse = (err: ExportError) =>
  new Response(JSON.stringify({ errors: err.errors }), {
    status: err.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(err.retryAfter ? { 'retry-after': err.retryAfter } : {}),
    },
  });

/**
 * `GET /export/graph.<format>?focus=…&depth=…` or `?from=…&to=…`: the GraphQL operation of
 * export/operations.ts runs through this same Yoga app (cost model, limits, error codes, logging),
 * and its answer is written in the format asked for, as an attachment with a telling file name.
 */
export function exportPlugin(
  graphql: () => { fetch: (input: Request, serverContext: Record<string, unknown>) => Promise<Response> | Response },
): Plugin {
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (!match) return;
      const format = match[1] ?? '';
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (!isFormat(format)) {
        endResponse(
          errorResponse(
            new ExportError(
              [errorJson('BAD_USER_INPUT', `unknown format "${format}": graphml, gexf, json, nodes.csv or edges.csv`)],
              404,
            ),
          ),
        );
        return;
      }
      let retryAfter: string | null = null;
      try {
        const req = parseExportQuery(url.searchParams);
        const graph = await exportGraph(
          async (body) => {
            const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
            // The client's credential and connection go along: its operations are charged to its rate
            // limit (API key, else address) as if it had sent them itself.
            for (const name of ['authorization', 'x-request-id']) {
              const value = request.headers.get(name);
              if (value) headers.set(name, value);
            }
            // One signal per operation, tied to the client's for its duration only.
            const abort = new AbortController();
            const forward = () => abort.abort();
            request.signal.addEventListener('abort', forward, { once: true });
            try {
              const res = await graphql().fetch(
                new Request(new URL('/graphql', url), {
                  method: 'POST',
                  headers,
                  body: JSON.stringify(body),
                  signal: abort.signal,
                }),
                serverContext,
              );
              retryAfter = res.headers.get('retry-after');
              return await res.json();
            } finally {
              request.signal.removeEventListener('abort', forward);
            }
          },
          [req],
          '',
        );
        endResponse(
          new Response(serialize(graph, format), {
            status: 200,
            headers: {
              'content-type': CONTENT_TYPES[format],
              'content-disposition': `attachment; filename="${fileName(stemOf(req), format)}"`,
              'x-export-nodes': String(graph.nodes.length),
              'x-export-edges': String(graph.edges.length),
            },
          }),
        );
      } catch (err) {
        if (!(err instanceof ExportError)) throw err;
        if (retryAfter) err.retryAfter = retryAfter;
        endResponse(errorResponse(err));
      }
    },
  };
}
