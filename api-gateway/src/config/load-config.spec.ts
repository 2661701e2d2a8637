import { ConfigError, validateEnv } from './load-config';
import { EventsConfig } from '../events/events.config';
import { loadEnvSection } from './env-section';

const base = {
  DB_HOST: 'h',
  DB_PORT: '5432',
  DB_DATABASE: 'd',
  DB_USERNAME: 'u',
  DB_PASSWORD: 'p',
  REDIS_HOST: 'r',
  REDIS_PORT: '6379',
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

describe('validateEnv: search and indexer settings (one loader for every process)', () => {
  const base2 = {
    DB_HOST: 'h',
    DB_PORT: '5432',
    DB_DATABASE: 'd',
    DB_USERNAME: 'u',
    DB_PASSWORD: 'p',
    REDIS_HOST: 'r',
    REDIS_PORT: '6379',
  };
  it('applies the search defaults', () => {
    const cfg = validateEnv(base2);
    expect(cfg.ELASTICSEARCH_URL).toBe('http://127.0.0.1:9200');
    expect(cfg.SEARCH_BREAKER_FAILURES).toBe(3);
    expect(cfg.SEARCH_FALLBACK).toBe('postgres');
    expect(cfg.INDEXER_REFRESH).toBe('refresh');
  });
  it.each([
    ['ELASTICSEARCH_URL', 'localhost:9200'],
    ['SEARCH_BREAKER_FAILURES', '0'],
    ['SEARCH_FALLBACK', 'sometimes'],
    ['INDEXER_HTTP_PORT', '70000'],
    ['SEARCH_PRODUCTS_ALIAS', 'Products!'],
  ])('a bad %s is a ConfigError naming it', (name, value) => {
    expect(() => validateEnv({ ...base2, [name]: value })).toThrow(ConfigError);
    expect(() => validateEnv({ ...base2, [name]: value })).toThrow(
      new RegExp(`${name} \\(got "${value.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&')}"\\)`),
    );
  });
});

describe('KAFKA_BROKERS is declared once (KafkaSettings) and validated by every loader', () => {
  it('the environment and the order events read it the same way', () => {
    const env = validateEnv({ ...base, KAFKA_BROKERS: 'a:9092, b:9092' });
    expect(env.brokers).toEqual(['a:9092', 'b:9092']);
    expect(loadEnvSection(EventsConfig, { KAFKA_BROKERS: 'c:9092' }).brokers).toEqual(['c:9092']);
    expect(() => validateEnv({ ...base, KAFKA_BROKERS: '' })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadEnvSection(EventsConfig, { KAFKA_BROKERS: '' })).toThrow(/KAFKA_BROKERS/);
  });
});
