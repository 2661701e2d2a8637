import { SeedRefused, seedUsersFromEnv } from './seed-users';

describe('seedUsersFromEnv (issue 9, F8 + F11)', () => {
  const dev = { APP_ENV: 'development', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'Admin-Passw0rd!' };

  it('refuses production whatever the password', () => {
    expect(() => seedUsersFromEnv({ ...dev, APP_ENV: 'production' }, { ADMIN_PASSWORD: 'Some-explicit-pass-9' })).toThrow(SeedRefused);
  });

  it('outside development needs an explicit admin password, not the committed default', () => {
    expect(() => seedUsersFromEnv({ ...dev, APP_ENV: 'test' }, {})).toThrow(/set ADMIN_PASSWORD explicitly/);
    expect(
      seedUsersFromEnv({ ...dev, APP_ENV: 'test', ADMIN_PASSWORD: 'Explicit-pass-99' }, { ADMIN_PASSWORD: 'Explicit-pass-99' })
        .adminPassword,
    ).toBe('Explicit-pass-99');
  });

  it('uses the development default in development, hashed at the gateway cost', () => {
    expect(seedUsersFromEnv(dev, {})).toEqual({ adminEmail: 'admin@example.com', adminPassword: 'Admin-Passw0rd!', bcryptRounds: 12 });
    expect(seedUsersFromEnv({ ...dev, BCRYPT_COST: '11' }, {}).bcryptRounds).toBe(11);
  });

  it('applies the password policy to the admin password', () => {
    expect(() => seedUsersFromEnv({ ...dev, ADMIN_PASSWORD: 'password12' }, {})).toThrow(/12 characters/);
  });
});
