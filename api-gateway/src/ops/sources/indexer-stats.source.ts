import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/** What the indexer serves on GET <INDEXER_URL>/stats (src/indexer/indexer-http.ts). */
export interface IndexerStats {
  running: boolean;
  eventsTotal: number;
  eventsPerSecond: number;
  windowSeconds: number;
  lastEventAt: string | null;
  lastEventAgeSeconds: number | null;
}

@Injectable()
export class IndexerStatsSource {
  constructor(private readonly config: AppConfig) {}

  async read(): Promise<IndexerStats> {
    const res = await fetch(`${this.config.env.INDEXER_URL}/stats`, { signal: AbortSignal.timeout(this.config.env.OPS_SOURCE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`indexer answered ${res.status} on /stats`);
    const s = (await res.json()) as IndexerStats;
    return {
      running: s.running,
      eventsTotal: s.eventsTotal,
      eventsPerSecond: s.eventsPerSecond,
      windowSeconds: s.windowSeconds,
      lastEventAt: s.lastEventAt,
      lastEventAgeSeconds: s.lastEventAgeSeconds,
    };
  }
}
