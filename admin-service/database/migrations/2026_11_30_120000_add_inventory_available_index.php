<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/*
 * Twin of api-gateway/src/database/migrations/1796040000001-AddInventoryAvailableIndex.ts.
 * The dashboard's low-stock list reads inventory ordered by available stock (on_hand - reserved).
 */
return new class extends Migration
{
    public function up()
    {
        // the schema builder has no expression indexes
        DB::statement('CREATE INDEX inventory_available_index ON inventory ((on_hand - reserved), product_id)');
    }

    public function down()
    {
        DB::statement('DROP INDEX inventory_available_index');
    }
};
