<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/*
 * Twin of api-gateway/src/database/migrations/1796104800001-DropOutboxPublishedAt.ts.
 * published_at and its partial index were the polling relay's; Debezium publishes the outbox now.
 */
return new class extends Migration
{
    public function up()
    {
        DB::statement('DROP INDEX outbox_unpublished_index');
        DB::statement('ALTER TABLE outbox DROP COLUMN published_at');
    }

    public function down()
    {
        DB::statement('ALTER TABLE outbox ADD COLUMN published_at timestamptz NULL');
        DB::statement('CREATE INDEX outbox_unpublished_index ON outbox (id) WHERE published_at IS NULL');
    }
};
