import { errors } from '@elastic/elasticsearch';

/**
 * True when an error of the search client means "the node is unreachable or failing" (count it
 * in the breaker, serve the fallback): no connection, a timeout, an unreadable answer, 429/5xx, or
 * the read alias missing. A 400 (our request) or a missing point in time are answers of a live node.
 */
export function isNodeFailure(err: unknown): boolean {
  if (err instanceof errors.ResponseError) {
    const status = err.statusCode ?? 0;
    if (status >= 500 || status === 429 || status === 0) return true;
    const type = (err.body as { error?: { type?: string } } | undefined)?.error?.type;
    return status === 404 && type === 'index_not_found_exception';
  }
  return err instanceof errors.ElasticsearchClientError && !(err instanceof errors.ConfigurationError);
}
