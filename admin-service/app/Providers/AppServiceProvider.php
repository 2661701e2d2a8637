<?php

namespace App\Providers;

use App\Services\SearchAnalytics\ZeroResultQueries;
use App\Support\ViteManifest;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Database\Schema\Grammars\PostgresGrammar;
use Illuminate\Support\Fluent;
use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    /**
     * Register any application services.
     */
    public function register()
    {
        $this->app->singleton(ViteManifest::class, fn ($app) => new ViteManifest(public_path('build'), $app['url']->asset('build')));
        $this->app->bind(ZeroResultQueries::class, fn ($app) => new ZeroResultQueries(
            $app['config']['services.elasticsearch.url'],
            $app['config']['services.elasticsearch.search_events_prefix'],
            (float) $app['config']['services.elasticsearch.timeout'],
        ));

        // Laravel 8's schema builder turns enum() into varchar + CHECK; the shared schema uses
        // native PostgreSQL enum types (CREATE TYPE ... AS ENUM, created by the migrations).
        // $table->pgEnum('status', 'order_status') adds a column of such a type in place, so
        // the column order is the same as in the TypeORM migrations.
        if (! Blueprint::hasMacro('pgEnum')) {
            Blueprint::macro('pgEnum', function (string $column, string $type) {
                /** @var Blueprint $this */
                return $this->addColumn('pgEnum', $column, ['pgType' => $type]);
            });
        }
        if (! PostgresGrammar::hasMacro('typePgEnum')) {
            PostgresGrammar::macro('typePgEnum', function (Fluent $column) {
                if (! preg_match('/^[a-z_][a-z0-9_]*$/', (string) $column->pgType)) {
                    throw new \InvalidArgumentException("invalid enum type name: {$column->pgType}");
                }

                return $column->pgType;
            });
        }
    }

    /**
     * Bootstrap any application services.
     */
    public function boot()
    {
        //
    }
}
