import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from './config.js';

export const errorResponse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** Reads a request body, giving up (413) as soon as it passes `max` bytes, whether or not it declared a length. */
async function readLimited(request: Request, max: number): Promise<Uint8Array | Response> {
  const tooLarge = () => errorResponse(413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${max} bytes`);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > max) return tooLarge();
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
      return tooLarge();
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

/**
 * In front of Yoga's own parsers: the request body size limit, and a malformed request (such as
 * GET variables that are not JSON) told as BAD_REQUEST rather than masked as an internal error.
 */
export function requestParsingPlugin(maxBytes: number): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser) return;
      const parse = async (req: Request) => {
        if (req.method !== 'POST') return requestParser(req);
        const body = await readLimited(req, maxBytes);
        if (body instanceof Response) return body;
        return requestParser(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            body: body as unknown as BodyInit,
          }),
        );
      };
      setRequestParser(async (req) => {
        try {
          return await parse(req);
        } catch (err) {
          if (err instanceof GraphQLError) throw err;
          throw new GraphQLError(`malformed request: ${err instanceof Error ? err.message : String(err)}`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}

/**
 * The parser of graphql-js is recursive: a document nested thousands of levels deep would exhaust
 * the stack before any limit could look at it. Count the nesting of the text first.
 */
export function nestingGuardPlugin(maxNesting: number): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      let depth = 0;
      let deepest = 0;
      let inString = false;
      for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '(' || c === '[') deepest = Math.max(deepest, ++depth);
        else if (c === '}' || c === ')' || c === ']') depth--;
        if (deepest > maxNesting) {
          throw new GraphQLError(`the document nests deeper than ${maxNesting} levels`, {
            extensions: { code: 'LIMIT_EXCEEDED', limit: 'depth' },
          });
        }
      }
    },
  };
}

/** graphql-armor options that report a rejection as a validation error with code LIMIT_EXCEEDED. */
function coded(limit: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new GraphQLError(error.message, { extensions: { code: 'LIMIT_EXCEEDED', limit } })),
    ],
  };
}

/** The token limit rejects while parsing, before validation: give that error its code too. */
function tokenLimitCodePlugin(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof Error && /token limit/i.test(result.message)) {
          replaceParseResult(
            new GraphQLError(result.message, { extensions: { code: 'LIMIT_EXCEEDED', limit: 'tokens' } }),
          );
        }
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

/** Static limits on every operation (depth and cost are estimated by src/cost/plugin.ts). */
export function limitPlugins(limits: Limits): Plugin[] {
  return [
    requestParsingPlugin(limits.maxBodyBytes),
    nestingGuardPlugin(Math.max(64, limits.maxDepth * 4)),
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    tokenLimitCodePlugin(),
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...coded('aliases') }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...coded('directives') }) as Plugin,
    blockFieldSuggestionsPlugin() as Plugin,
    csrfPlugin(),
  ];
}
