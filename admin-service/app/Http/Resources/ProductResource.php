<?php

namespace App\Http\Resources;

use Illuminate\Http\Resources\Json\JsonResource;

/** @mixin \App\Models\Product */
class ProductResource extends JsonResource
{
    public function toArray($request): array
    {
        return [
            'id' => $this->id,
            'sku' => $this->sku,
            'name' => $this->name,
            'slug' => $this->slug,
            'description' => $this->description,
            'price' => $this->price,
            'currency' => trim((string) $this->currency),
            'status' => $this->status,
            'categoryId' => $this->category_id,
            'brandId' => $this->brand_id,
            'attributes' => (object) $this->attributes,
            'stock' => $this->whenLoaded('inventory', fn () => $this->inventory ? ['onHand' => $this->inventory->on_hand, 'reserved' => $this->inventory->reserved] : null),
            'images' => $this->whenLoaded('images', fn () => $this->images->map(fn ($i) => [
                'id' => $i->id, 'status' => $i->status, 'url' => $i->url(), 'thumbnail' => $i->thumbnailUrl(), 'position' => $i->position,
            ])),
            'version' => $this->version,
            'deletedAt' => optional($this->deleted_at)->toIso8601String(),
            'createdAt' => optional($this->created_at)->toIso8601String(),
            'updatedAt' => optional($this->updated_at)->toIso8601String(),
        ];
    }
}
