<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/*
 * Twin of api-gateway/src/database/migrations/1796050000001-AddOrderStatusHistory.ts.
 * The status trail of every order (written by the gateway's OrderTransitions) and the indexes of
 * the admin's order filters (sku, total range).
 */
return new class extends Migration
{
    public function up()
    {
        // raw DDL: the columns use the order_status enum type, which the schema builder can't name
        DB::statement("CREATE TABLE order_status_history (
            id bigserial NOT NULL,
            order_id bigint NOT NULL,
            from_status order_status NOT NULL,
            to_status order_status NOT NULL,
            actor_user_id bigint NULL,
            source varchar(32) NOT NULL,
            reason varchar(500) NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT order_status_history_pkey PRIMARY KEY (id),
            CONSTRAINT order_status_history_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
            CONSTRAINT order_status_history_actor_user_id_foreign FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
        )");
        DB::statement('CREATE INDEX order_status_history_order_id_index ON order_status_history (order_id)');
        DB::statement('CREATE INDEX order_items_sku_index ON order_items (sku)');
        DB::statement('CREATE INDEX orders_total_index ON orders (total)');
    }

    public function down()
    {
        DB::statement('DROP INDEX orders_total_index');
        DB::statement('DROP INDEX order_items_sku_index');
        DB::statement('DROP TABLE order_status_history');
    }
};
