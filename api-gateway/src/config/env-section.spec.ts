import 'reflect-metadata';
import { ConfigError } from './load-config';
import { loadEnvSection } from './env-section';
import { OrdersConfig } from '../orders/config/orders.config';

describe('loadEnvSection', () => {
  it('applies defaults and converts numbers', () => {
    const cfg = loadEnvSection(OrdersConfig, { ORDER_REAPER_INTERVAL_MS: '1500' });
    expect(cfg.ORDER_REAPER_INTERVAL_MS).toBe(1500);
    expect(cfg.ORDER_RESERVATION_TTL_SECONDS).toBe(900);
  });

  it('names the malformed variable', () => {
    expect(() => loadEnvSection(OrdersConfig, { ORDER_RESERVATION_TTL_SECONDS: 'soon' })).toThrow(ConfigError);
    expect(() => loadEnvSection(OrdersConfig, { ORDER_RESERVATION_TTL_SECONDS: 'soon' })).toThrow(/ORDER_RESERVATION_TTL_SECONDS/);
  });
});
