import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_11_30_000001_add_admin_identity_tables.php
 *
 * Service API keys get what verification needs (prefix shown as the key id, scopes, expiry,
 * creator); the admin's audit log; and the password-reset tokens of the gateway's reset flow.
 */
export class AddAdminIdentityTables1795996800001 implements MigrationInterface {
  name = 'AddAdminIdentityTables1795996800001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys
      ADD COLUMN prefix varchar(12) NOT NULL,
      ADD COLUMN scopes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN expires_at timestamptz NULL,
      ADD COLUMN created_by bigint NULL`);
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_created_by_foreign
      FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
      CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex']::text[])`);

    await q.query(`CREATE TABLE admin_audit_log (
      id bigserial NOT NULL,
      actor_user_id bigint NULL,
      action varchar(64) NOT NULL,
      subject_type varchar(64) NULL,
      subject_id varchar(64) NULL,
      details jsonb NOT NULL DEFAULT '{}',
      ip inet NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT admin_audit_log_pkey PRIMARY KEY (id),
      CONSTRAINT admin_audit_log_actor_user_id_foreign FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
    )`);
    await q.query(`CREATE INDEX admin_audit_log_created_at_index ON admin_audit_log (created_at)`);
    await q.query(`CREATE INDEX admin_audit_log_actor_user_id_index ON admin_audit_log (actor_user_id)`);

    await q.query(`CREATE TABLE password_resets (
      email varchar(254) NOT NULL,
      token_hash character(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT password_resets_pkey PRIMARY KEY (email)
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE admin_audit_log`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_created_by_foreign`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN created_by, DROP COLUMN expires_at, DROP COLUMN scopes, DROP COLUMN prefix`);
  }
}
