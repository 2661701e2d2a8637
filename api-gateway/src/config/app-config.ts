import * as path from 'path';
import { EnvironmentSchema } from './env.schema';
import { REPO_ROOT } from './load-config';

/** Typed view of the validated environment, injected everywhere as AppConfig. */
export class AppConfig {
  constructor(readonly env: EnvironmentSchema) {}

  /** PUBLIC_ORIGIN as a list of exact origins. */
  get publicOrigins(): string[] {
    return this.env.PUBLIC_ORIGIN.split(',')
      .map((o) => o.trim().toLowerCase())
      .filter(Boolean);
  }

  get keysDir(): string {
    return this.env.JWT_KEYS_DIR ? path.resolve(this.env.JWT_KEYS_DIR) : path.join(REPO_ROOT, '.platform', 'keys');
  }
}
