<?php

namespace App\Services\Audit;

use App\Models\AdminAuditLog;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Database\Eloquent\Model;

/** Writes admin_audit_log rows (actions: user.*, api_key.*, connector.restart). */
class AuditLogger
{
    /**
     * @param  Model|null  $subject  the row acted on (its table and key are recorded)
     * @param  array<string, mixed>  $details  never secrets (no passwords, no keys)
     */
    public function record(?Authenticatable $actor, string $action, ?Model $subject = null, array $details = [], ?string $ip = null): AdminAuditLog
    {
        return $this->recordFor($actor, $action, $subject?->getTable(), $subject === null ? null : (string) $subject->getKey(), $details, $ip);
    }

    /** record() for a subject that is not a row, e.g. ('connector', 'commerce-postgres'). */
    public function recordFor(?Authenticatable $actor, string $action, ?string $subjectType, ?string $subjectId, array $details = [], ?string $ip = null): AdminAuditLog
    {
        return AdminAuditLog::create([
            'actor_user_id' => $actor?->getAuthIdentifier(),
            'action' => $action,
            'subject_type' => $subjectType,
            'subject_id' => $subjectId,
            'details' => $details,
            'ip' => $ip,
        ]);
    }
}
