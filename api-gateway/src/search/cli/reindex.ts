import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProductCacheInvalidator } from '../../products/product-cache.service';
import { ProductDocumentSource } from '../documents/product-document.source';
import { SEARCH_CLIENT, SearchClient } from '../es/es-client';
import { IndexManager } from '../index/index-manager';
import { ReindexService } from '../maintenance/reindex.service';
import { SearchSettings } from '../search.settings';
import { SearchCliModule } from './search-cli.module';

/** make reindex: `node dist/search/cli/reindex.js [--keep-old] [--json]` */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const ctx = await NestFactory.createApplicationContext(SearchCliModule, { logger: ['error', 'warn'] });
  try {
    const service = new ReindexService(
      ctx.get<SearchClient>(SEARCH_CLIENT),
      ctx.get(SearchSettings),
      ctx.get(IndexManager),
      ctx.get(ProductDocumentSource),
      json ? undefined : (m) => console.log(m),
    );
    const report = await service.run({ keepOld: process.argv.includes('--keep-old') });
    await ctx.get(ProductCacheInvalidator).invalidateProducts([]);
    if (json) console.log(JSON.stringify(report));
    else console.log(`reindexed ${report.documents} products into ${report.index} in ${report.seconds.toFixed(1)} s (${report.docsPerSecond} docs/s); replaced ${report.previous.join(', ') || 'nothing'}`);
  } finally {
    await ctx.close();
  }
}

main().catch((err: unknown) => {
  console.error(`reindex failed: ${(err as Error)?.stack ?? String(err)}`);
  process.exit(1);
});
