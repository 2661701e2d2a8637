<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/*
 * Twin of api-gateway/src/database/migrations/1795564800001-CreateIdentityTables.ts.
 * The TypeORM set owns the runtime database; this set must build the identical schema
 * (api-gateway/test/schema/schema-parity.e2e-spec.ts compares pg_dump of both).
 * Conventions: timestamptz without precision (timestampTz(..., null)), DEFAULT now(),
 * native enum types via $table->pgEnum() (App\Providers\AppServiceProvider).
 */
return new class extends Migration
{
    public function up()
    {
        DB::unprepared(<<<'SQL'
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$
SQL);

        DB::statement("CREATE TYPE user_role AS ENUM ('customer', 'admin')");

        Schema::create('users', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('email', 254);
            $table->string('name', 120);
            $table->string('password_hash', 255);
            $table->pgEnum('role', 'user_role')->default('customer');
            $table->boolean('is_disabled')->default(false);
            $table->integer('token_version')->default(0);
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
        });
        DB::statement('CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))');
        DB::statement('CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        Schema::create('refresh_tokens', function (Blueprint $table) {
            $table->uuid('id')->primary()->default(DB::raw('gen_random_uuid()'));
            $table->foreignId('user_id')->constrained()->cascadeOnDelete();
            $table->uuid('family_id');
            $table->char('token_hash', 64)->unique();
            $table->timestampTz('expires_at', null);
            $table->timestampTz('revoked_at', null)->nullable();
            $table->uuid('replaced_by')->nullable();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->index('family_id');
            $table->index('user_id');
        });

        Schema::create('api_keys', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('name', 120);
            $table->char('key_hash', 64)->unique();
            $table->timestampTz('last_used_at', null)->nullable();
            $table->timestampTz('revoked_at', null)->nullable();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
        });
    }

    public function down()
    {
        Schema::drop('api_keys');
        Schema::drop('refresh_tokens');
        Schema::drop('users');
        DB::statement('DROP TYPE user_role');
        DB::statement('DROP FUNCTION set_updated_at()');
    }
};
