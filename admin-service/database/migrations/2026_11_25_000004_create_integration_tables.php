<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/*
 * Twin of api-gateway/src/database/migrations/1795564800004-CreateIntegrationTables.ts.
 */
return new class extends Migration
{
    public function up()
    {
        DB::statement("CREATE TYPE import_status AS ENUM ('pending', 'running', 'completed', 'failed')");

        Schema::create('outbox', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('aggregate_type', 64);
            $table->string('aggregate_id', 64);
            $table->string('event_type', 64);
            $table->jsonb('payload');
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('published_at', null)->nullable();
        });
        DB::statement('CREATE INDEX outbox_unpublished_index ON outbox (id) WHERE published_at IS NULL');

        Schema::create('import_batches', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('user_id')->constrained();
            $table->string('filename', 255);
            $table->pgEnum('status', 'import_status')->default('pending');
            $table->integer('total_rows')->default(0);
            $table->integer('processed_rows')->default(0);
            $table->integer('failed_rows')->default(0);
            $table->jsonb('errors')->default('[]');
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
            $table->timestampTz('finished_at', null)->nullable();
            $table->index(['user_id', 'created_at']);
        });
        DB::statement('CREATE TRIGGER import_batches_set_updated_at BEFORE UPDATE ON import_batches FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        DB::statement('CREATE SCHEMA debezium');
        Schema::create('debezium.heartbeat', function (Blueprint $table) {
            $table->integer('id')->primary();
            $table->timestampTz('ts', null);
        });
        Schema::create('debezium.signal', function (Blueprint $table) {
            $table->string('id', 42)->primary();
            $table->string('type', 32);
            $table->string('data', 2048)->nullable();
        });
    }

    public function down()
    {
        DB::statement('DROP SCHEMA debezium CASCADE');
        Schema::drop('import_batches');
        Schema::drop('outbox');
        DB::statement('DROP TYPE import_status');
    }
};
