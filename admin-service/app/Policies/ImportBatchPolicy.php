<?php

namespace App\Policies;

use App\Models\ImportBatch;
use App\Models\User;
use App\Policies\Concerns\AuthorizesCatalogClients;

class ImportBatchPolicy
{
    use AuthorizesCatalogClients;

    public function viewAny(?User $actor): bool
    {
        return $this->reads($actor);
    }

    public function view(?User $actor, ImportBatch $batch): bool
    {
        return $this->reads($actor);
    }

    public function create(?User $actor): bool
    {
        return $this->writes($actor);
    }
}
