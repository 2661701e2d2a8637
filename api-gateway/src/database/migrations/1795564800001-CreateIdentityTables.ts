import { MigrationInterface, QueryRunner } from 'typeorm';

/** Twin: admin-service/database/migrations/2026_11_25_000001_create_identity_tables.php */
export class CreateIdentityTables1795564800001 implements MigrationInterface {
  name = 'CreateIdentityTables1795564800001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$`);

    await q.query(`CREATE TYPE user_role AS ENUM ('customer', 'admin')`);

    await q.query(`CREATE TABLE users (
      id bigserial NOT NULL,
      email varchar(254) NOT NULL,
      name varchar(120) NOT NULL,
      password_hash varchar(255) NOT NULL,
      role user_role NOT NULL DEFAULT 'customer',
      is_disabled boolean NOT NULL DEFAULT false,
      token_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_pkey PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))`);
    await q.query(`CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`CREATE TABLE refresh_tokens (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id bigint NOT NULL,
      family_id uuid NOT NULL,
      token_hash character(64) NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz NULL,
      replaced_by uuid NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
      CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
      CONSTRAINT refresh_tokens_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX refresh_tokens_family_id_index ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_id_index ON refresh_tokens (user_id)`);

    await q.query(`CREATE TABLE api_keys (
      id bigserial NOT NULL,
      name varchar(120) NOT NULL,
      key_hash character(64) NOT NULL,
      last_used_at timestamptz NULL,
      revoked_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT api_keys_pkey PRIMARY KEY (id),
      CONSTRAINT api_keys_key_hash_unique UNIQUE (key_hash)
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP FUNCTION set_updated_at()`);
  }
}
