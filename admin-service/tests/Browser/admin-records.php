<?php

/*
| Removes what the pages browser test wrote in the platform's real database:
|   php tests/Browser/admin-records.php forget ACTOR_USER_ID [API_KEY_PREFIX...]
| (the audit rows of that admin and the API keys with those prefixes; users.php deletes the users).
*/

use Illuminate\Support\Facades\DB;

require __DIR__.'/../../bootstrap/autoload.php';
$app = require __DIR__.'/../../bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

if (($argv[1] ?? null) !== 'forget' || ! ctype_digit($argv[2] ?? '')) {
    fwrite(STDERR, "usage: admin-records.php forget ACTOR_USER_ID [API_KEY_PREFIX...]\n");
    exit(2);
}
DB::transaction(function () use ($argv) {
    $keys = DB::table('api_keys')->whereIn('prefix', array_slice($argv, 3))->pluck('id')->map(fn ($id) => (string) $id)->all();
    DB::table('admin_audit_log')->where('actor_user_id', (int) $argv[2])
        ->orWhere(fn ($q) => $q->where('subject_type', 'api_keys')->whereIn('subject_id', $keys))->delete();
    DB::table('api_keys')->whereIn('id', $keys)->delete();
});
