<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

/** One admin action: who (actor_user_id, null for the CLI), what (action, subject) and when. */
class AdminAuditLog extends Model
{
    public const UPDATED_AT = null;

    protected $table = 'admin_audit_log';

    protected $fillable = ['actor_user_id', 'action', 'subject_type', 'subject_id', 'details', 'ip'];

    protected $casts = ['details' => 'array', 'created_at' => 'datetime'];

    public function actor(): BelongsTo
    {
        return $this->belongsTo(User::class, 'actor_user_id');
    }
}
