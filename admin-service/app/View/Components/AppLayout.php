<?php

namespace App\View\Components;

use Illuminate\View\Component;

/** `<x-app-layout>`: the signed-in admin shell (sidebar, header slot, flash messages). */
class AppLayout extends Component
{
    public function __construct(public ?string $title = null)
    {
    }

    public function render()
    {
        return view('layouts.app');
    }
}
