<?php

namespace App\View\Components;

use App\Support\ViteManifest;
use Illuminate\View\Component;

/** `<x-vite-assets :entries="['resources/js/pages/dashboard.js']" />` in a page's `head` stack. */
class ViteAssets extends Component
{
    /** @param list<string> $entries */
    public function __construct(private readonly ViteManifest $vite, public array $entries)
    {
    }

    public function render()
    {
        return fn () => $this->vite->tags($this->entries);
    }
}
