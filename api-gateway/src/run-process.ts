import type { EnvironmentSchema } from './config/env.schema';
import { ConfigError, loadConfig } from './config/load-config';

/**
 * Process entry points (main.ts, worker.ts, indexer.ts) share this start-up: `main` runs once; if
 * it fails, `<failure>: <stack>` goes to stderr and the process exits 1.
 */
export function runProcess(failure: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${failure}: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}

/** The validated configuration; an invalid one prints its message and exits 78 (EX_CONFIG). */
export function loadConfigOrExit(): EnvironmentSchema {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
}
