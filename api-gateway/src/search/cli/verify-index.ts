import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '../../config/run-process';
import { VerifyService } from '../maintenance/verify.service';
import { SearchCliModule } from './search-cli.module';

/**
 * make verify-index: `node dist/search/cli/verify-index.js [--repair] [--json]`.
 * Exit code 0 = no drift (or repaired), 2 = drift found and not repaired.
 */
async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const repair = process.argv.includes('--repair');
  const ctx = await NestFactory.createApplicationContext(SearchCliModule.forRoot(loadConfigOrExit()), { logger: ['error', 'warn'] });
  try {
    const r = await ctx.get(VerifyService).run({ repair });
    const drift = Object.values(r.drift).reduce((a, b) => a + b, 0);
    if (json) console.log(JSON.stringify(r));
    else {
      console.log(
        `PostgreSQL visible products: ${r.postgresVisible}; index visible documents: ${r.indexVisible}; rows checked: ${r.checked}`,
      );
      console.log(
        `drift: ${drift} (missing ${r.drift.missing}, stale ${r.drift.stale}, not hidden ${r.drift['not-hidden']}, orphan ${r.drift.orphan})`,
      );
      for (const s of r.sample) console.log(`  product ${s.id}: ${s.kind}`);
      if (repair) console.log(`repaired: ${r.repaired} documents re-indexed from PostgreSQL`);
    }
    return drift === 0 || repair ? 0 : 2;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`verify-index failed: ${(err as Error)?.stack ?? String(err)}`);
    process.exit(1);
  },
);
