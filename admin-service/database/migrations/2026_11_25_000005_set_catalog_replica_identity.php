<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/*
 * Twin of api-gateway/src/database/migrations/1795564800005-SetCatalogReplicaIdentity.ts.
 * REPLICA IDENTITY FULL for the tables the search index is built from (docs/database.md).
 */
return new class extends Migration
{
    private const TABLES = ['products', 'categories', 'brands', 'product_images'];

    public function up()
    {
        foreach (self::TABLES as $table) {
            DB::statement("ALTER TABLE {$table} REPLICA IDENTITY FULL");
        }
    }

    public function down()
    {
        foreach (self::TABLES as $table) {
            DB::statement("ALTER TABLE {$table} REPLICA IDENTITY DEFAULT");
        }
    }
};
