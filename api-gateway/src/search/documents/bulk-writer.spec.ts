import { buildBulkBody, classifyBulkItems } from './bulk-writer';

describe('bulk writer', () => {
  it('writes every document to every target with the LSN as external_gte version', () => {
    const body = buildBulkBody(['a', 'b'], [{ id: 7, indexedLsn: 1234 }]);
    expect(body).toHaveLength(4);
    expect(body[0]).toEqual({ index: { _index: 'a', _id: '7', version: 1234, version_type: 'external_gte' } });
    expect(body[2]).toEqual({ index: { _index: 'b', _id: '7', version: 1234, version_type: 'external_gte' } });
  });

  it('treats version conflicts as already newer, 429/5xx as retryable and other errors as rejected', () => {
    const out = classifyBulkItems([
      { index: { _index: 'p', _id: '1', status: 201 } },
      { index: { _index: 'p', _id: '2', status: 409, error: { type: 'version_conflict_engine_exception' } } },
      { index: { _index: 'p', _id: '3', status: 429, error: { type: 'es_rejected_execution_exception' } } },
      { index: { _index: 'p', _id: '4', status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad' } } },
      { index: { _index: 'old', _id: '5', status: 404, error: { type: 'index_not_found_exception' } } },
    ]);
    expect(out.written).toBe(1);
    expect(out.stale).toBe(1);
    expect(out.retryable.map((r) => r.id)).toEqual(['3', '5']);
    expect(out.rejected).toEqual([{ id: '4', index: 'p', reason: 'mapper_parsing_exception: bad' }]);
  });
});
