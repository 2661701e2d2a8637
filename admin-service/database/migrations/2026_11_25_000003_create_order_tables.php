<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/*
 * Twin of api-gateway/src/database/migrations/1795564800003-CreateOrderTables.ts.
 */
return new class extends Migration
{
    public function up()
    {
        DB::statement("CREATE TYPE order_status AS ENUM ('pending', 'paid', 'payment_failed', 'cancelled', 'shipped', 'delivered', 'refunded')");
        DB::statement("CREATE TYPE payment_status AS ENUM ('succeeded', 'declined', 'error', 'timeout')");

        Schema::create('orders', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('number', 32)->unique();
            $table->foreignId('user_id')->constrained();
            $table->pgEnum('status', 'order_status')->default('pending');
            $table->char('currency', 3);
            $table->decimal('subtotal', 12, 2);
            $table->decimal('total', 12, 2);
            $table->jsonb('shipping_address');
            $table->string('idempotency_key', 255)->nullable();
            $table->char('request_hash', 64)->nullable();
            $table->timestampTz('reserved_until', null)->nullable();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
            $table->unique(['user_id', 'idempotency_key']);
            $table->index(['user_id', 'created_at']);
            $table->index(['status', 'created_at']);
            $table->index('created_at');
        });
        DB::statement('ALTER TABLE orders ADD CONSTRAINT orders_amounts_check CHECK (subtotal >= 0 AND total >= 0)');
        DB::statement("CREATE INDEX orders_reserved_until_index ON orders (reserved_until) WHERE status = 'pending'");
        DB::statement('CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        Schema::create('order_items', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('order_id')->constrained()->cascadeOnDelete();
            $table->foreignId('product_id')->constrained();
            $table->string('sku', 64);
            $table->string('name', 255);
            $table->decimal('unit_price', 12, 2);
            $table->integer('quantity');
            $table->decimal('line_total', 12, 2);
            $table->index('order_id');
            $table->index('product_id');
        });
        DB::statement('ALTER TABLE order_items ADD CONSTRAINT order_items_quantity_check CHECK (quantity BETWEEN 1 AND 100)');
        DB::statement('ALTER TABLE order_items ADD CONSTRAINT order_items_amounts_check CHECK (unit_price >= 0 AND line_total = unit_price * quantity)');

        Schema::create('payments', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('order_id')->constrained();
            $table->string('provider', 32);
            $table->string('provider_ref', 128)->nullable();
            $table->pgEnum('status', 'payment_status');
            $table->decimal('amount', 12, 2);
            $table->char('currency', 3);
            $table->string('error', 500)->nullable();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->index('order_id');
            $table->index('created_at');
        });
        DB::statement('ALTER TABLE payments ADD CONSTRAINT payments_amount_check CHECK (amount >= 0)');
    }

    public function down()
    {
        Schema::drop('payments');
        Schema::drop('order_items');
        Schema::drop('orders');
        DB::statement('DROP TYPE payment_status');
        DB::statement('DROP TYPE order_status');
    }
};
