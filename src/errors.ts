import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/driver.js';

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
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof GraphQLError && original.extensions?.code) return error as Error;
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
