import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/driver.js';
import type { Logger } from './logger.js';

/** A bad argument: told to the client with its code. */
export class InputError extends GraphQLError {
  constructor(message: string, code = 'BAD_USER_INPUT') {
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

export function maskError(error: unknown, message: string): GraphQLError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof GraphQLError && original.extensions?.code) return error as GraphQLError;
  if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
    return new GraphQLError(original.message, {
      extensions: { code: original.code },
      path: error instanceof GraphQLError ? error.path : undefined,
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  return new GraphQLError(message, {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    path: error instanceof GraphQLError ? error.path : undefined,
  });
}
