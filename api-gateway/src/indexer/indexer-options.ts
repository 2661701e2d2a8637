/** Overrides for tests/replays: another consumer group, refresh mode. */
export interface IndexerOptions {
  groupId?: string;
  refresh?: 'wait_for' | 'refresh';
}
export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');
