import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { DIST_DIR, readManifest } from './bundle.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Everything from this server, nothing from elsewhere: the page's own scripts, styles and /graphql. */
const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Geopolitical knowledge graph</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Geopolitical knowledge graph</h1>
<ul>
<li><a href="/explore">Explorer</a>: see, expand and question the graph; every edge shows who says so and the sentence it came from</li>
<li><a href="/graphql">GraphiQL</a>: the GraphQL API, with example queries</li>
<li>Exports: <code>/export/graph.gexf?focus=turkey&amp;depth=2</code> (also <code>.graphml</code>, <code>.json</code>, <code>.nodes.csv</code>, <code>.edges.csv</code>)</li>
</ul></body></html>`;

/**
 * `/` (a landing page), `/explore` (the explorer's page) and `/explore/<file>` (its bundle, built
 * into web/dist by bundle.ts). Only files the build's manifest lists are served.
 */
export function explorerPlugin(dir = DIST_DIR): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const p = url.pathname;
      if (p === '/' && request.method === 'GET') {
        endResponse(new Response(LANDING, { headers: { 'content-type': TYPES['.html'] as string } }));
        return;
      }
      if (p !== '/explore' && p !== '/explore/' && !p.startsWith('/explore/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const name = p === '/explore' || p === '/explore/' ? 'index.html' : p.slice('/explore/'.length);
      const manifest = readManifest(dir);
      if (!manifest) {
        endResponse(
          new Response('The explorer is not built: `npm start` builds it (web/dist).', {
            status: 503,
            headers: { 'content-type': TYPES['.txt'] as string },
          }),
        );
        return;
      }
      if (!Object.hasOwn(manifest.files, name) || name.includes('/')) {
        endResponse(new Response('Not found', { status: 404, headers: { 'content-type': TYPES['.txt'] as string } }));
        return;
      }
      const body = await readFile(path.join(dir, name));
      endResponse(
        new Response(request.method === 'HEAD' ? null : body, {
          headers: {
            'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
            'cache-control': 'no-cache',
            'content-security-policy': CSP,
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
