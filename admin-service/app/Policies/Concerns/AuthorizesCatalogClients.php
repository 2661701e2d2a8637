<?php

namespace App\Policies\Concerns;

use App\Models\ApiKey;
use App\Models\User;

/**
 * Catalog abilities: an admin (JWT), or a script whose service API key (authenticated by the
 * catalog.api middleware, kept on the request) has catalog:read / catalog:write.
 */
trait AuthorizesCatalogClients
{
    protected function reads(?User $actor): bool
    {
        return $this->allowed($actor, 'catalog:read') || $this->allowed($actor, 'catalog:write');
    }

    protected function writes(?User $actor): bool
    {
        return $this->allowed($actor, 'catalog:write');
    }

    private function allowed(?User $actor, string $scope): bool
    {
        if ($actor !== null) {
            return $actor->isAdmin();
        }
        $key = request()->attributes->get('api_key');

        return $key instanceof ApiKey && in_array($scope, $key->scopes ?? [], true);
    }
}
