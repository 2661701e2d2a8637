import { Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnvSection } from '../src/config/env-section';
import { migrationDataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';
import { OutboxConfig } from '../src/events/outbox.config';
import { OutboxPruner } from '../src/events/outbox-pruner.service';
import { connect, createDatabase, dropDatabase } from './schema/pg-helpers';
import { TEST_DB_PREFIX } from './support/test-env';

const RETENTION_HOURS = 24;

/**
 * The worker's outbox pruner on real PostgreSQL. Its own database (migrated by the schema owner),
 * because the pruner works on the oldest ids of the whole table: rows other suites left in the run's
 * database would sit in front of this suite's backdated ones. Named like a run database, so a killed
 * run's leftover is dropped by the next global-setup.
 */
describe('outbox pruner (real PostgreSQL)', () => {
  const database = `${TEST_DB_PREFIX}${process.pid}_outbox_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;
  let db: Client;
  let pruner: OutboxPruner;

  beforeAll(async () => {
    await createDatabase(database);
    await migrate({ database });
    dataSource = await new DataSource({ ...migrationDataSourceOptions({ database }), migrations: [] }).initialize();
    db = await connect(database);
    pruner = new OutboxPruner(dataSource, loadEnvSection(OutboxConfig, { OUTBOX_RETENTION_HOURS: String(RETENTION_HOURS) }));
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await dataSource?.destroy();
    await dropDatabase(database);
  });

  beforeEach(() => db.query('TRUNCATE outbox'));
  afterEach(() => jest.restoreAllMocks());

  /** Appends one outbox row per age (an SQL interval before now()), in this order of ids. */
  async function append(ages: string[]): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload, created_at)
       SELECT 'order', a.n::text, 'order.status_changed', '{}', now() - a.age::interval
       FROM unnest($1::text[]) WITH ORDINALITY AS a(age, n) ORDER BY a.n
       RETURNING id::text`,
      [ages],
    );
    return rows.map((r) => r.id);
  }

  const remainingIds = async () => (await db.query<{ id: string }>('SELECT id::text FROM outbox ORDER BY id')).rows.map((r) => r.id);

  it('deletes every row older than the retention, batch after batch, and keeps the younger ones', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    // 25 rows from 2 days to a minute past the retention, oldest first, then rows just inside it and new ones
    const expired = await append(Array.from({ length: 25 }, (_, i) => `${RETENTION_HOURS * 60 + 1 + (24 - i) * 60} minutes`));
    expect(expired).toHaveLength(25);
    const kept = await append([`${RETENTION_HOURS * 60 - 2} minutes`, '12 hours', '1 second', '0 seconds']);

    const deleted = await pruner.prune({ batchSize: 10 });

    expect(deleted).toBe(25); // a batch deletes at most 10: three batches ran (10, 10, 5)
    expect(await remainingIds()).toEqual(kept);
    expect(logged).toHaveBeenCalledWith(`deleted 25 outbox row(s) older than ${RETENTION_HOURS} h`);
  });

  it('removes the whole backlog when it is an exact multiple of the batch size', async () => {
    await append(Array.from({ length: 20 }, () => '30 hours'));
    const kept = await append(['1 hour']);

    await expect(pruner.prune({ batchSize: 10 })).resolves.toBe(20);
    expect(await remainingIds()).toEqual(kept);
  });

  it('never deletes a row younger than the retention, even one with a lower id than expired rows', async () => {
    const [, recent, , justInside] = await append(['48 hours', '1 hour', '48 hours', `${RETENTION_HOURS * 60 - 1} minutes`, '48 hours']);

    await expect(pruner.prune({ batchSize: 100 })).resolves.toBe(3);
    expect(await remainingIds()).toEqual([recent, justInside]);
  });

  it('deletes nothing and logs nothing while every row is within the retention', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const kept = await append([`${RETENTION_HOURS - 1} hours`, '1 minute']);

    await expect(pruner.prune()).resolves.toBe(0);
    expect(await remainingIds()).toEqual(kept);
    expect(logged).not.toHaveBeenCalled();
  });
});
