<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/*
 * Twin of api-gateway/src/database/migrations/1795996800001-AddAdminIdentityTables.ts.
 * Service API keys: prefix (the key's first 12 chars, shown as its id), scopes, expiry, creator.
 * admin_audit_log: who did what in the admin (connector restarts, user and key changes).
 * password_resets: one outstanding sha256-hashed reset token per (lower-cased) email.
 */
return new class extends Migration
{
    public function up()
    {
        Schema::table('api_keys', function (Blueprint $table) {
            $table->string('prefix', 12);
        });
        // the schema builder has no array types
        DB::statement("ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}'");
        Schema::table('api_keys', function (Blueprint $table) {
            $table->timestampTz('expires_at', null)->nullable();
            $table->foreignId('created_by')->nullable()->constrained('users')->nullOnDelete();
        });
        DB::statement("ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex']::text[])");

        Schema::create('admin_audit_log', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('actor_user_id')->nullable()->constrained('users')->nullOnDelete();
            $table->string('action', 64);
            $table->string('subject_type', 64)->nullable();
            $table->string('subject_id', 64)->nullable();
            $table->jsonb('details')->default('{}');
            $table->ipAddress('ip')->nullable();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->index('created_at');
            $table->index('actor_user_id');
        });

        Schema::create('password_resets', function (Blueprint $table) {
            $table->string('email', 254)->primary();
            $table->char('token_hash', 64);
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
        });
    }

    public function down()
    {
        Schema::drop('password_resets');
        Schema::drop('admin_audit_log');
        DB::statement('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
        Schema::table('api_keys', function (Blueprint $table) {
            $table->dropForeign(['created_by']);
            $table->dropColumn(['created_by', 'expires_at', 'scopes', 'prefix']);
        });
    }
};
