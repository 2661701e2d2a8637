import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { SearchCoreModule } from '../search/search-core.module';
import { SEARCH_EVENTS_OPTIONS, SearchEventRecorder, SearchEventsOptions } from './search-event.recorder';
import { SearchEventsInterceptor } from './search-events.interceptor';

/** Search analytics: each product search -> `search-events-YYYY.MM.DD` (Kibana's search dashboard). */
const options = ({ env }: AppConfig): SearchEventsOptions => ({
  enabled: env.SEARCH_EVENTS_ENABLED === 'true',
  prefix: env.SEARCH_EVENTS_INDEX_PREFIX,
  batchSize: 200,
  flushMs: env.SEARCH_EVENTS_FLUSH_MS,
  maxBuffered: 10_000,
  retentionDays: env.SEARCH_EVENTS_RETENTION_DAYS,
});

@Module({
  imports: [SearchCoreModule],
  providers: [
    { provide: SEARCH_EVENTS_OPTIONS, inject: [AppConfig], useFactory: options },
    SearchEventRecorder,
    { provide: APP_INTERCEPTOR, useClass: SearchEventsInterceptor },
  ],
  exports: [SearchEventRecorder],
})
export class SearchEventsModule {}
