import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';

export interface ReplicationSlotReport {
  name: string;
  active: boolean;
  /** WAL the slot still retains: current LSN - restart_lsn. */
  retainedBytes: number;
  /** WAL not yet confirmed by Debezium: current LSN - confirmed_flush_lsn. */
  lagBytes: number;
}

/** The Debezium replication slot (CDC_SLOT_NAME) from pg_replication_slots. */
@Injectable()
export class ReplicationSlotSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async read(): Promise<ReplicationSlotReport> {
    const name = this.config.env.CDC_SLOT_NAME;
    const rows: Array<{ active: boolean; retained: string | null; lag: string | null }> = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.config.env.OPS_SOURCE_TIMEOUT_MS)]);
      return tx.query(
        `SELECT active,
                pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint::text AS retained,
                pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint::text AS lag
           FROM pg_replication_slots WHERE slot_name = $1`,
        [name],
      );
    });
    if (!rows.length) throw new Error(`replication slot ${name} does not exist`);
    return { name, active: rows[0].active, retainedBytes: Number(rows[0].retained ?? 0), lagBytes: Number(rows[0].lag ?? 0) };
  }
}
