<?php

return [
    /*
     | One timezone for everything date-based in orders and reports: the list's date filters,
     | report buckets (day/week/month boundaries) and the dates shown. Weeks start on Monday
     | (ISO 8601, PostgreSQL date_trunc('week')). Stored timestamps are timestamptz (UTC).
     */
    'timezone' => env('REPORT_TIMEZONE', 'Europe/Berlin'),

    // A date range longer than this is refused (422 naming the field "to"), never silently capped.
    'max_range_years' => 5,

    'per_page' => 25,

    // seconds the gateway's state machine is cached (it only changes with a gateway release)
    'state_machine_cache_seconds' => 300,
];
