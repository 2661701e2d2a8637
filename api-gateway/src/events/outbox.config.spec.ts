import 'reflect-metadata';
import { ConfigError } from '../config/load-config';
import { loadEnvSection } from '../config/env-section';
import { OutboxConfig } from './outbox.config';

describe('OutboxConfig', () => {
  it('keeps a week of outbox rows unless told otherwise', () => {
    expect(loadEnvSection(OutboxConfig, {}).OUTBOX_RETENTION_HOURS).toBe(168);
    expect(loadEnvSection(OutboxConfig, { OUTBOX_RETENTION_HOURS: '24' }).OUTBOX_RETENTION_HOURS).toBe(24);
  });

  it.each(['0', '-1', '1.5', 'week', '8761'])('rejects OUTBOX_RETENTION_HOURS=%s, naming it', (value) => {
    expect(() => loadEnvSection(OutboxConfig, { OUTBOX_RETENTION_HOURS: value })).toThrow(ConfigError);
    expect(() => loadEnvSection(OutboxConfig, { OUTBOX_RETENTION_HOURS: value })).toThrow(/OUTBOX_RETENTION_HOURS/);
  });
});
