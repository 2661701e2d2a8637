<?php

namespace App\View\Components;

use Illuminate\View\Component;

/** `<x-guest-layout>`: the centered card of the sign-in and password pages. */
class GuestLayout extends Component
{
    public function render()
    {
        return view('layouts.guest');
    }
}
