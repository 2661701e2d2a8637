<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** A charge attempt of an order (provider, outcome, amount). */
class Payment extends Model
{
    public const UPDATED_AT = null;

    protected $table = 'payments';

    protected $guarded = ['*'];
}
