import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from './config.js';

const errorResponse = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** Reads a request body, giving up (413) as soon as it passes `max` bytes, whether or not it declared a length. */
async function readLimited(request: Request, max: number): Promise<Uint8Array | Response> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > max) return errorResponse(413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${max} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return errorResponse(413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** Request body size limit, in front of Yoga's own parsers. */
export function bodyLimitPlugin(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method !== 'POST' || !requestParser) return;
      setRequestParser(async (req) => {
        const body = await readLimited(req, maxBytes);
        if (body instanceof Response) return body;
        return requestParser(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            body: body as unknown as BodyInit,
          }),
        );
      });
    },
  };
}

const LIMIT_MESSAGES: [RegExp, string][] = [
  [/aliases limit/i, 'aliases'],
  [/token limit/i, 'tokens'],
  [/directives limit/i, 'directives'],
];

/** Gives the limit errors of graphql-armor one code: LIMIT_EXCEEDED, with the limit's name. */
function limitCodesPlugin(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((e) => {
            const hit = LIMIT_MESSAGES.find(([re]) => re.test(e.message));
            return hit
              ? new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'LIMIT_EXCEEDED', limit: hit[1] } })
              : e;
          }),
        );
      };
    },
  };
}

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
export const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-graphql-yoga-csrf'];

/**
 * CSRF prevention: a browser sends a cross-site request without a CORS preflight only when it is
 * "simple" (a GET, or a POST form / text body). Those must carry a custom header, which a cross-site
 * page cannot add without a preflight. JSON POSTs (what GraphiQL and clients send) pass.
 */
function csrfPlugin(): Plugin {
  return {
    onRequestParse({ request, endResponse }) {
      const type = request.headers.get('content-type')?.toLowerCase();
      const preflighted = !!type && !SIMPLE_CONTENT_TYPES.some((t) => type.startsWith(t));
      if (preflighted || CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      endResponse(
        errorResponse(
          403,
          'CSRF_PREVENTED',
          `send the query as a JSON POST, or add the header ${CSRF_HEADERS[0]}: 1 (a browser only sends it after a CORS preflight)`,
        ),
      );
    },
  };
}

/** Static limits on every operation (depth and cost are checked by the Pothos complexity plugin). */
export function limitPlugins(limits: Limits): Plugin[] {
  return [
    bodyLimitPlugin(limits.maxBodyBytes),
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [] }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives }) as Plugin,
    blockFieldSuggestionsPlugin() as Plugin,
    limitCodesPlugin(),
    csrfPlugin(),
  ];
}
