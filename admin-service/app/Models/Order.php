<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;

/**
 * An order, read-only for the admin: orders are created and moved by the gateway
 * (POST /api/orders, PATCH /api/orders/:id/status), which owns the state machine and the outbox.
 */
class Order extends Model
{
    protected $table = 'orders';

    protected $guarded = ['*'];

    protected $casts = [
        'shipping_address' => 'array',
        'reserved_until' => 'datetime',
    ];

    public function customer(): BelongsTo
    {
        return $this->belongsTo(User::class, 'user_id');
    }

    public function items(): HasMany
    {
        return $this->hasMany(OrderItem::class)->orderBy('id');
    }

    public function payments(): HasMany
    {
        return $this->hasMany(Payment::class)->orderBy('id');
    }

    public function statusChanges(): HasMany
    {
        return $this->hasMany(OrderStatusChange::class)->orderBy('id');
    }
}
