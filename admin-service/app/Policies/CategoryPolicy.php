<?php

namespace App\Policies;

use App\Models\Category;
use App\Models\User;
use App\Policies\Concerns\AuthorizesCatalogClients;

class CategoryPolicy
{
    use AuthorizesCatalogClients;

    public function viewAny(?User $actor): bool
    {
        return $this->reads($actor);
    }

    public function create(?User $actor): bool
    {
        return $this->writes($actor);
    }

    public function update(?User $actor, Category $category): bool
    {
        return $this->writes($actor);
    }

    public function delete(?User $actor, Category $category): bool
    {
        return $this->writes($actor);
    }
}
