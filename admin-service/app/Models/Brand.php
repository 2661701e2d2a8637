<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** @property int $id @property string $name @property string $slug */
class Brand extends Model
{
    protected $table = 'brands';

    protected $fillable = ['name', 'slug'];
}
