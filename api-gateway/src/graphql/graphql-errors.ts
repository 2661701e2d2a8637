import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { STATUS_CODES } from 'http';
import type { ErrorDetail } from '../common/errors/error-body';
import { resolveException } from '../common/filters/all-exceptions.filter';

/**
 * Maps a resolver exception to a GraphQL error with the REST error semantics in `extensions`:
 * {code, statusCode, details?}. Unknown errors become INTERNAL_SERVER_ERROR without internals.
 */
export function toGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError && !(err.originalError instanceof HttpException) && !err.originalError) return err;
  const original = err instanceof GraphQLError && err.originalError ? err.originalError : err;
  const resolved = resolveException(original);
  const code = (STATUS_CODES[resolved.status] ?? 'Error').toUpperCase().replace(/[^A-Z]+/g, '_');
  const extensions: { code: string; statusCode: number; details?: ErrorDetail[] } = { code, statusCode: resolved.status };
  if (resolved.details?.length) extensions.details = resolved.details;
  const path = err instanceof GraphQLError ? err.path : undefined;
  return new GraphQLError(resolved.message, { path, extensions });
}
