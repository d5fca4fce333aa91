import type { Plugin } from 'graphql-yoga';
import { CONTENT_TYPES, fileName, isFormat, serialize } from './formats.js';
import { ExportError, exportGraph, parseExportQuery, stemOf } from './run.js';

const PATH = /^\/export\/graph\.([a-z.]+)$/;

const errorResponse = (err: ExportError) =>
  new Response(JSON.stringify({ errors: err.errors }), {
    status: err.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * `GET /export/graph.<format>?focus=…&depth=…` or `?from=…&to=…`: the GraphQL operation of
 * export/operations.ts runs through this same Yoga app (cost model, limits, error codes, logging),
 * and its answer is written in the format asked for, as an attachment with a telling file name.
 */
export function exportPlugin(graphql: () => { fetch: (input: Request) => Promise<Response> | Response }): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
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
              [
                {
                  message: `unknown format "${format}": graphml, gexf, json, nodes.csv or edges.csv`,
                  extensions: { code: 'BAD_USER_INPUT' },
                },
              ],
              404,
            ),
          ),
        );
        return;
      }
      try {
        const req = parseExportQuery(url.searchParams);
        const graph = await exportGraph(
          async (body) => {
            const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
            const id = request.headers.get('x-request-id');
            if (id) headers.set('x-request-id', id);
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
              );
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
        if (err instanceof ExportError) endResponse(errorResponse(err));
        else throw err;
      }
    },
  };
}
