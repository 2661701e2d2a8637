<?php

namespace App\Http\Resources;

use Illuminate\Http\Resources\Json\JsonResource;

/** A category node; `resource` is a CategoryTree::flatten() entry or a Category. */
class CategoryResource extends JsonResource
{
    public function toArray($request): array
    {
        $node = is_array($this->resource) ? $this->resource : ['category' => $this->resource];
        $c = $node['category'];

        return [
            'id' => $c->id, 'parentId' => $c->parent_id, 'name' => $c->name, 'slug' => $c->slug, 'path' => $c->path, 'depth' => $c->depth,
        ] + (isset($node['total']) ? ['products' => $node['products'], 'subtreeProducts' => $node['total']] : []);
    }
}
