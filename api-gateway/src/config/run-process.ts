import type { EnvironmentSchema } from './env.schema';
import { ConfigError, loadConfig } from './load-config';

/**
 * Process entry points (main.ts, worker.ts, indexer.ts, the search CLIs) share this start-up: `main`
 * runs once; if it fails, `<failure>: <stack>` goes to stderr and the process exits 1 — or 78
 * (EX_CONFIG) with the message alone when a setting is invalid (a section validated during boot).
 */
export function runProcess(failure: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
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
