<?php

// Catalog management limits (issue 14). Sizes in kilobytes.
return [
    'image_max_kb' => (int) env('CATALOG_IMAGE_MAX_KB', 5120),
    'import_max_kb' => (int) env('CATALOG_IMPORT_MAX_KB', 24576), // nginx takes 25m on /admin; php-fpm 25M
    'import_max_rows' => (int) env('CATALOG_IMPORT_MAX_ROWS', 500000),
    'import_chunk_rows' => (int) env('CATALOG_IMPORT_CHUNK_ROWS', 2000),
    // a selection or filter larger than this runs as a queued job
    'bulk_sync_limit' => (int) env('CATALOG_BULK_SYNC_LIMIT', 1000),
];
