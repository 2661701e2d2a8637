<?php

namespace App\Http\Controllers;

use Illuminate\Contracts\View\View;
use Illuminate\Http\Request;

/** A sidebar section whose page isn't built yet: says so plainly (no fake data). */
class ComingSoonController extends Controller
{
    public function __invoke(Request $request): View
    {
        return view('admin.coming-soon', ['section' => $request->route()->defaults['section']]);
    }
}
