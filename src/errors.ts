import { GraphQLError } from 'graphql';
import { DatabaseBusyError, DatabaseUnavailableError, QueryTimeoutError, TransientDatabaseError } from './db/driver.js';
import { apiError, type ErrorCode } from './error-codes.js';
import type { Logger } from './logger.js';

/** A bad argument: told to the client with its code. */
export class InputError extends GraphQLError {
  constructor(message: string, code: ErrorCode = 'BAD_USER_INPUT') {
    super(message, { extensions: { code } });
  }
}

/**
 * Turns our own errors into coded GraphQL errors and masks everything else (Yoga's maskError hook).
 * The one place where errors leave the server.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const masked = maskError(error, message);
    if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      logger.error({ err: original, path: masked.path }, 'unexpected error (masked for the client)');
    }
    return masked;
  };
}

/** graphql-js and Yoga suggest names ("Did you mean …?"); a probing client learns nothing from us. */
const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, '');

export function maskError(error: unknown, message: string): GraphQLError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const located = error instanceof GraphQLError ? { path: error.path, nodes: error.nodes } : {};
  if (original instanceof GraphQLError && original.extensions?.code) {
    const e = error as GraphQLError;
    return e.message.includes('Did you mean')
      ? new GraphQLError(withoutSuggestions(e.message), { ...located, extensions: e.extensions })
      : e;
  }
  if (original instanceof DatabaseBusyError) {
    // Retryable: 503 with Retry-After (Yoga puts `http` on the response, not in the body).
    const seconds = original.retryAfterSeconds;
    return apiError(
      original.code,
      original.message,
      { retryAfterSeconds: seconds, http: { status: 503, headers: { 'retry-after': String(seconds) } } },
      located,
    );
  }
  if (original instanceof QueryTimeoutError && original.limit) {
    return apiError(original.code, original.message, { limit: original.limit }, located);
  }
  if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
    return apiError(original.code, original.message, {}, located);
  }
  if (original instanceof TransientDatabaseError) {
    return apiError(original.code, original.message, { retryable: true }, located);
  }
  if (error instanceof GraphQLError && (!error.originalError || !error.path)) {
    // No path: it arose before execution, from the request itself (variables that do not coerce,
    // malformed parameters), so it is the client's to fix.
    return new GraphQLError(withoutSuggestions(error.message), {
      ...located,
      extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_USER_INPUT' },
    });
  }
  return apiError('INTERNAL_SERVER_ERROR', message, {}, { path: located.path });
}
