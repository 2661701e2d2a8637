import * as fs from 'fs';
import * as path from 'path';
import * as dotenv from 'dotenv';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvironmentSchema } from './env.schema';

/** Repository root: api-gateway/.. (works from src/ and dist/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Reads repo-root .env.example then .env (or only `files`); real environment variables win. */
export function readEnvFiles(root = REPO_ROOT, files: readonly string[] = ['.env.example', '.env']): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of files) {
    const p = path.join(root, file);
    if (fs.existsSync(p)) Object.assign(merged, dotenv.parse(fs.readFileSync(p)));
  }
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) merged[k] = v;
  return merged;
}

function flatten(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const got = raw[e.property] === undefined ? 'missing' : `got ${JSON.stringify(raw[e.property])}`;
    return `${e.property} (${got}): ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
}

export class ConfigError extends Error {}

/** Validates the raw environment; throws ConfigError naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentSchema {
  const cfg = plainToInstance(EnvironmentSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(cfg, { whitelist: false, skipMissingProperties: false });
  if (errors.length) {
    throw new ConfigError(`Invalid environment configuration:\n  - ${flatten(errors, raw).join('\n  - ')}`);
  }
  return cfg;
}

export function loadConfig(): EnvironmentSchema {
  return validateEnv(readEnvFiles());
}
