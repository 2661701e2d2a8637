<?php

/*
| Test users for the browser test, in the platform's real database:
|   php tests/Browser/users.php create admin|customer   -> {"id":..,"email":..,"name":..,"password":..}
|   php tests/Browser/users.php delete ID...
*/

use App\Models\User;
use Illuminate\Support\Str;

require __DIR__.'/../../bootstrap/autoload.php';
$app = require __DIR__.'/../../bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

[, $command] = $argv + [1 => null];
if ($command === 'create' && in_array($argv[2] ?? null, [User::ROLE_ADMIN, User::ROLE_CUSTOMER], true)) {
    $password = 'Browser-Passw0rd-'.Str::random(8);
    $user = (new User())->forceFill([
        'email' => 'browser-'.Str::lower(Str::random(10)).'@example.test',
        'name' => ucfirst($argv[2]).' '.Str::random(5),
        'password_hash' => password_hash($password, PASSWORD_BCRYPT, ['cost' => 10]),
        'role' => $argv[2],
    ]);
    $user->save();
    echo json_encode(['id' => $user->id, 'email' => $user->email, 'name' => $user->name, 'password' => $password]), "\n";
} elseif ($command === 'delete') {
    User::query()->whereIn('id', array_map('intval', array_slice($argv, 2)))->delete();
} else {
    fwrite(STDERR, "usage: users.php create admin|customer | delete ID...\n");
    exit(2);
}
