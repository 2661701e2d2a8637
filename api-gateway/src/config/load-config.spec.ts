import { ConfigError, validateEnv } from './load-config';

const base = {
  DB_HOST: 'h', DB_PORT: '5432', DB_DATABASE: 'd', DB_USERNAME: 'u', DB_PASSWORD: 'p',
  REDIS_HOST: 'r', REDIS_PORT: '6379',
};

describe('validateEnv', () => {
  it('accepts a complete environment and applies defaults', () => {
    const cfg = validateEnv(base);
    expect(cfg.DB_PORT).toBe(5432);
    expect(cfg.GATEWAY_PORT).toBe(3000);
    expect(cfg.BCRYPT_COST).toBe(12);
  });
  it('names a missing variable', () => {
    const { DB_HOST, ...rest } = base;
    void DB_HOST;
    expect(() => validateEnv(rest)).toThrow(/DB_HOST/);
  });
  it('names a malformed variable', () => {
    expect(() => validateEnv({ ...base, REDIS_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => validateEnv({ ...base, REDIS_PORT: 'abc' })).toThrow(/REDIS_PORT/);
  });
});
