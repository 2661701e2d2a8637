<?php

namespace App\Policies;

use App\Models\Product;
use App\Models\User;
use App\Policies\Concerns\AuthorizesCatalogClients;

class ProductPolicy
{
    use AuthorizesCatalogClients;

    public function viewAny(?User $actor): bool
    {
        return $this->reads($actor);
    }

    public function view(?User $actor, Product $product): bool
    {
        return $this->reads($actor);
    }

    public function create(?User $actor): bool
    {
        return $this->writes($actor);
    }

    public function update(?User $actor, Product $product): bool
    {
        return $this->writes($actor);
    }

    public function delete(?User $actor, Product $product): bool
    {
        return $this->writes($actor);
    }

    public function restore(?User $actor, Product $product): bool
    {
        return $this->writes($actor);
    }

    /** Permanent removal: a signed-in admin only, never a script. */
    public function forceDelete(?User $actor, Product $product): bool
    {
        return $actor !== null && $actor->isAdmin();
    }
}
