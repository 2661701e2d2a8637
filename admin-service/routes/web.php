<?php

use Illuminate\Support\Facades\Route;

/*
| Admin panel routes (served under /admin by nginx). Intentionally empty: the admin panel
| is built on this skeleton separately.
*/
