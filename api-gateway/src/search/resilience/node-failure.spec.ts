import { errors } from '@elastic/elasticsearch';
import { isNodeFailure } from './node-failure';

const response = (statusCode: number, type?: string) =>
  new errors.ResponseError({ statusCode, body: type ? { error: { type } } : {}, headers: {}, warnings: null, meta: {} as never });

describe('isNodeFailure', () => {
  it('counts unreachable, slow and failing nodes', () => {
    expect(isNodeFailure(new errors.ConnectionError('connect ECONNREFUSED'))).toBe(true);
    expect(isNodeFailure(new errors.TimeoutError('Request timed out'))).toBe(true);
    expect(isNodeFailure(new errors.NoLivingConnectionsError('none', {} as never))).toBe(true);
    expect(isNodeFailure(response(503, 'search_phase_execution_exception'))).toBe(true);
    expect(isNodeFailure(response(429, 'es_rejected_execution_exception'))).toBe(true);
    expect(isNodeFailure(response(404, 'index_not_found_exception'))).toBe(true);
  });
  it('does not count answers of a live node or our own errors', () => {
    expect(isNodeFailure(response(400, 'parsing_exception'))).toBe(false);
    expect(isNodeFailure(response(404, 'search_context_missing_exception'))).toBe(false);
    expect(isNodeFailure(new Error('bug'))).toBe(false);
    expect(isNodeFailure(Object.assign(new Error('Invalid query'), { status: 400 }))).toBe(false);
  });
});
