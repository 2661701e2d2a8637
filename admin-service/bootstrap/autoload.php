<?php

/*
|--------------------------------------------------------------------------
| Autoloader
|--------------------------------------------------------------------------
| Composer is not available in this environment: the framework comes from Debian's
| php-laravel-framework (8.83) and the application's own namespaces are mapped here
| (the same PSR-4 map as composer.json). If a vendor/ directory is ever installed,
| Composer's autoloader is used instead.
*/

if (is_file(__DIR__.'/../vendor/autoload.php')) {
    return require __DIR__.'/../vendor/autoload.php';
}

require_once '/usr/share/php/Illuminate/autoload.php';

spl_autoload_register(static function (string $class): void {
    static $map = null;
    $map ??= [
        'App\\' => dirname(__DIR__).'/app/',
        'Database\\Factories\\' => dirname(__DIR__).'/database/factories/',
        'Database\\Seeders\\' => dirname(__DIR__).'/database/seeders/',
        'Tests\\' => dirname(__DIR__).'/tests/',
    ];
    foreach ($map as $prefix => $dir) {
        if (strncmp($class, $prefix, strlen($prefix)) === 0) {
            $file = $dir.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
            if (is_file($file)) {
                require $file;
            }

            return;
        }
    }
});
