import * as path from 'path';
import { EnvironmentSchema } from './env.schema';
import { REPO_ROOT } from './load-config';

/** Typed view of the validated environment, injected everywhere as AppConfig. */
export class AppConfig {
  constructor(readonly env: EnvironmentSchema) {}

  get keysDir(): string {
    return this.env.JWT_KEYS_DIR ? path.resolve(this.env.JWT_KEYS_DIR) : path.join(REPO_ROOT, '.platform', 'keys');
  }
}
