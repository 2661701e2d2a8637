<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** Stock of one product (primary key product_id; only updated_at, no created_at). */
class Inventory extends Model
{
    public const CREATED_AT = null;

    protected $table = 'inventory';

    protected $primaryKey = 'product_id';

    public $incrementing = false;

    protected $fillable = ['product_id', 'on_hand', 'reserved'];

    protected $casts = ['on_hand' => 'integer', 'reserved' => 'integer'];

    protected $attributes = ['on_hand' => 0, 'reserved' => 0];
}
