<?php

namespace Tests\Feature;

use Illuminate\Support\Facades\Config;
use Tests\TestCase;

/** /admin/health against the platform's real PostgreSQL and Redis. */
class HealthTest extends TestCase
{
    public function test_reports_database_and_redis_up(): void
    {
        $this->getJson('/health')
            ->assertOk()
            ->assertExactJson(['status' => 'ok', 'checks' => ['database' => 'up', 'redis' => 'up']]);
    }

    public function test_reports_503_naming_the_dependency_that_is_down(): void
    {
        Config::set('database.connections.pgsql.port', 1);
        app('db')->purge('pgsql');

        $this->getJson('/health')
            ->assertStatus(503)
            ->assertJsonPath('checks.database', 'down')
            ->assertJsonPath('checks.redis', 'up');
    }
}
