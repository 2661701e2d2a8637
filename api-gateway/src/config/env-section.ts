import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError, readEnvFiles } from './load-config';

/**
 * Validates one feature's slice of the environment with the same sources and precedence as the
 * gateway config (.env.example < .env < process env). Used by orders, payments, mail and events,
 * whose variables are not part of the gateway-core EnvironmentSchema.
 */
export function loadEnvSection<T extends object>(cls: new () => T, raw: Record<string, unknown> = readEnvFiles()): T {
  const section = plainToInstance(cls, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(section, { whitelist: false });
  if (errors.length) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m} (got ${JSON.stringify(e.value)})`),
    );
    throw new ConfigError(`Invalid environment configuration:\n  - ${lines.join('\n  - ')}`);
  }
  return section;
}
