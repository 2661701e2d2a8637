import { passwordProblems } from '../../auth/password-policy';
import type { SeedUsersOptions } from './seeder';

export class SeedRefused extends Error {}

/**
 * Who the seed creates, from the environment, with the guards of issue 9 (F11): never in
 * production; outside development the admin password must be given explicitly (the committed
 * .env.example value is for development machines only); it must pass the password policy; bcrypt
 * at the gateway's BCRYPT_COST, so seeded and registered hashes cost the same (F8).
 * `explicit` = the variables set by the real environment or .env, without .env.example's defaults.
 */
export function seedUsersFromEnv(env: Record<string, string | undefined>, explicit: Record<string, string | undefined>): SeedUsersOptions {
  const appEnv = env.APP_ENV ?? 'development';
  if (appEnv === 'production') throw new SeedRefused('refusing to seed with APP_ENV=production: the seed truncates the catalog and orders');
  const adminPassword = appEnv === 'development' ? env.ADMIN_PASSWORD : explicit.ADMIN_PASSWORD;
  if (!adminPassword)
    throw new SeedRefused(
      `APP_ENV=${appEnv}: set ADMIN_PASSWORD explicitly (environment or .env); the .env.example value is for development only`,
    );
  const adminEmail = env.ADMIN_EMAIL ?? 'admin@example.com';
  const problems = passwordProblems(adminPassword, adminEmail);
  if (problems.length) throw new SeedRefused(`ADMIN_PASSWORD ${problems.join('; ')}`);
  const cost = Number(env.BCRYPT_COST ?? 12);
  if (!Number.isInteger(cost) || cost < 4 || cost > 15)
    throw new SeedRefused(`BCRYPT_COST must be an integer 4..15, got '${env.BCRYPT_COST}'`);
  return { adminEmail, adminPassword, bcryptRounds: cost };
}
