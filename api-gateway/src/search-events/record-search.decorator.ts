import { SetMetadata } from '@nestjs/common';

export const RECORD_SEARCH = Symbol('search-events:record');

/**
 * Marks a handler whose answer is a product search page ({total, …}): the search-events
 * interceptor records each answered call (query string, total, latency) for search analytics.
 */
export const RecordSearch = (): MethodDecorator => SetMetadata(RECORD_SEARCH, true);
