import 'reflect-metadata';
import { ConfigError } from '../../config/load-config';
import { loadEnvSection } from './env-section';
import { OrdersConfig } from './orders.config';

describe('loadEnvSection', () => {
  it('applies defaults and converts numbers', () => {
    const cfg = loadEnvSection(OrdersConfig, { PAYMENT_TIMEOUT_MS: '1500' });
    expect(cfg.PAYMENT_TIMEOUT_MS).toBe(1500);
    expect(cfg.ORDER_RESERVATION_TTL_SECONDS).toBe(900);
  });

  it('names the malformed variable', () => {
    expect(() => loadEnvSection(OrdersConfig, { PAYMENT_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadEnvSection(OrdersConfig, { PAYMENT_TIMEOUT_MS: 'soon' })).toThrow(/PAYMENT_TIMEOUT_MS/);
  });
});
