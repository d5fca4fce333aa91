import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * Every `extensions.code` the API answers with, written once: the resolvers, plugins, the driver's
 * errors and the README's table use these (test/unit/error-codes.test.ts checks the README).
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: { status: null, description: 'An argument or variable is invalid; the message says which and why.' },
  BAD_REQUEST: { status: 400, description: 'The HTTP request is not a GraphQL request (malformed JSON, parameters).' },
  GRAPHQL_PARSE_FAILED: { status: 400, description: 'The document is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, description: 'The document does not fit the schema.' },
  UNAUTHENTICATED: { status: 401, description: 'A write without an API key, or with an unknown one.' },
  FORBIDDEN: { status: 403, description: "The API key's role may not do this (a reader writing)." },
  CSRF_PREVENTED: { status: 403, description: 'A request a cross-site form could send (see "From client libraries").' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The body is larger than MAX_BODY_BYTES.' },
  LIMIT_EXCEEDED: {
    status: 200,
    description:
      '`limit` says which: cost or depth (refused before it runs), aliases, tokens, directives, items or bytes.',
  },
  QUERY_TIMEOUT: {
    status: null,
    description: 'The operation passed its deadline (`limit: deadline`) or was cancelled.',
  },
  RATE_LIMITED: { status: 429, description: 'This client used its tokens; `Retry-After` says when to come back.' },
  DATABASE_BUSY: { status: 503, description: 'Neo4j is saturated; retry after `Retry-After` seconds.' },
  DATABASE_UNAVAILABLE: {
    status: null,
    description: 'Neo4j cannot be reached (or is restarting); `/ready` says when it is back.',
  },
  TRANSIENT_ERROR: {
    status: null,
    description: 'A write met a deadlock or lock timeout past its retries; nothing was written.',
  },
  ANNOTATION_INVALID: {
    status: null,
    description: "An article's annotations do not validate; `problems` lists each one.",
  },
  ALREADY_RETRACTED: { status: null, description: 'The claim was retracted before (when, why: in the message).' },
  CLAIM_RETRACTED: { status: null, description: 'A retracted claim cannot be corrected.' },
  PERSISTED_DOCUMENT_NOT_FOUND: {
    status: 404,
    description: 'No persisted document has the `documentId` (or `persistedQuery.sha256Hash`) sent.',
  },
  PERSISTED_DOCUMENT_REQUIRED: {
    status: 403,
    description: 'The server runs only its persisted documents (`PERSISTED_DOCUMENTS_ONLY`); send an id.',
  },
  NOT_FOUND: { status: 404, description: 'An export whose focus, or path end, is not in the graph, or with no path.' },
  INTERNAL_SERVER_ERROR: { status: null, description: 'Anything unexpected; the details are in the server log only.' },
} as const;

/** `status`: the HTTP status it always has; null: that of the GraphQL response (200 for application/json). */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A coded GraphQL error; `extra` goes into `extensions` beside the code (limit, problems, http …). */
export function apiError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  located: Pick<GraphQLErrorOptions, 'path' | 'nodes'> = {},
): GraphQLError {
  return new GraphQLError(message, { ...located, extensions: { code, ...extra } });
}

/** A coded error as the JSON of a GraphQL response (for answers built outside graphql execution). */
export const errorJson = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => ({
  message,
  extensions: { code, ...extra },
});
