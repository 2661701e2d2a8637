<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** A line of an order: sku, name and price as they were when the order was placed. */
class OrderItem extends Model
{
    public $timestamps = false;

    protected $table = 'order_items';

    protected $guarded = ['*'];
}
