import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProductCacheInvalidator } from '../../catalog/product-cache.service';
import { loadConfigOrExit, runProcess } from '../../config/run-process';
import { ReindexService } from '../maintenance/reindex.service';
import { SearchCliModule } from './search-cli.module';

/** make reindex: `node dist/search/cli/reindex.js [--keep-old] [--json]` */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const ctx = await NestFactory.createApplicationContext(SearchCliModule.forRoot(loadConfigOrExit()), { logger: ['error', 'warn'] });
  try {
    const report = await ctx
      .get(ReindexService)
      .run({ keepOld: process.argv.includes('--keep-old'), log: json ? undefined : (m) => console.log(m) });
    await ctx.get(ProductCacheInvalidator).invalidateProducts([]);
    if (json) console.log(JSON.stringify(report));
    else
      console.log(
        `reindexed ${report.documents} products into ${report.index} in ${report.seconds.toFixed(1)} s (${report.docsPerSecond} docs/s); replaced ${report.previous.join(', ') || 'nothing'}`,
      );
  } finally {
    await ctx.close();
  }
}

runProcess('reindex failed', main);
