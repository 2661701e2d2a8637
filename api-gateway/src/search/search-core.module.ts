import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createSearchClient, SEARCH_CLIENT, SearchClient } from './es/es-client';
import { IndexManager } from './index/index-manager';
import { SearchSettings } from './search.settings';

@Injectable()
class SearchClientCloser implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_CLIENT) private readonly es: SearchClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.es.close().catch(() => undefined);
  }
}

/** Search settings, the ES client and the index/alias manager, shared by the API, the indexer and the CLIs. */
@Global()
@Module({
  providers: [
    // the environment the process (or test) validated at boot
    { provide: SearchSettings, inject: [AppConfig], useFactory: (cfg: AppConfig) => SearchSettings.from(cfg.env) },
    { provide: SEARCH_CLIENT, inject: [SearchSettings], useFactory: (s: SearchSettings) => createSearchClient(s.ELASTICSEARCH_URL) },
    { provide: IndexManager, inject: [SEARCH_CLIENT], useFactory: (es: SearchClient) => new IndexManager(es) },
    SearchClientCloser,
  ],
  exports: [SearchSettings, SEARCH_CLIENT, IndexManager],
})
export class SearchCoreModule {}
