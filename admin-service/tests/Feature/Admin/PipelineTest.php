<?php

namespace Tests\Feature\Admin;

use App\Services\Gateway\GatewayHttp;
use App\Services\Gateway\GatewayOpsClient;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/**
 * admin.pipeline.*: the page and its JSON are fed by the real gateway's GET /api/ops/pipeline with
 * the admin's service key; the restart goes through POST /api/ops/connector/restart.
 */
class PipelineTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords;

    private const CONNECTOR = 'commerce-catalog-postgres';

    private function connect(): GatewayHttp
    {
        return new GatewayHttp(rtrim(env('CONNECT_URL', 'http://127.0.0.1:8083'), '/'), 10);
    }

    /** The connector and all of its (at least one) tasks RUNNING. */
    private function connectorRunning(): bool
    {
        $status = $this->connect()->send('GET', '/connectors/'.self::CONNECTOR.'/status')->body;
        $tasks = $status['tasks'] ?? [];

        return ($status['connector']['state'] ?? null) === 'RUNNING' && $tasks !== []
            && count(array_filter($tasks, fn ($t) => $t['state'] !== 'RUNNING')) === 0;
    }

    /** Polls the admin's JSON until $done(data) holds; returns the last data. */
    private function pollStatus(callable $done, float $seconds): array
    {
        $deadline = microtime(true) + $seconds;
        do {
            $data = $this->getJson('/pipeline/status')->assertOk()->json('data');
            if ($done($data)) {
                return $data;
            }
            usleep(250_000);
        } while (microtime(true) < $deadline);

        return $data;
    }

    public function test_a_customer_gets_403(): void
    {
        $this->signIn('customer');

        $this->get('/pipeline')->assertForbidden();
        $this->getJson('/pipeline/status')->assertForbidden();
        $this->postJson('/pipeline/connector/restart')->assertForbidden();
        $this->assertTrue($this->connectorRunning());
    }

    public function test_the_page_shows_the_gateways_report(): void
    {
        $this->signIn();

        $page = $this->get('/pipeline')->assertOk()->assertSee('Restart connector')->assertSee(self::CONNECTOR);
        $data = $this->getJson('/pipeline/status')->assertOk()->assertHeader('Cache-Control', 'no-store, private')->json('data');

        $this->assertTrue($data['reachable']);
        $this->assertSame([true, 'RUNNING', true], [$data['connector']['available'], $data['connector']['state'], $data['connector']['running']]);
        foreach (['replicationSlot' => 'lagBytes', 'consumerGroup' => 'lag', 'indexer' => 'eventsPerSecond', 'index' => 'indexDocuments'] as $section => $field) {
            $this->assertTrue($data[$section]['available'], "$section: ".($data[$section]['reason'] ?? ''));
            $this->assertIsNumeric($data[$section][$field], "$section.$field");
        }
        $this->assertStringNotContainsString('gateway is unreachable', $page->getContent());
    }

    public function test_an_unreachable_gateway_is_a_banner_not_a_500(): void
    {
        $admin = $this->signIn();
        $this->app->instance(GatewayOpsClient::class, new GatewayOpsClient(new GatewayHttp('http://127.0.0.1:1', 1), 'cpk_'.str_repeat('x', 40)));

        $this->get('/pipeline')->assertOk()->assertSee('The gateway is unreachable');
        $this->getJson('/pipeline/status')->assertOk()
            ->assertJsonPath('data.reachable', false)->assertJsonPath('data.healthy', false)->assertJsonPath('data.connector.available', false);
        $this->postJson('/pipeline/connector/restart')->assertStatus(502)->assertJsonPath('ok', false);
        $this->post('/pipeline/connector/restart')->assertRedirect('/pipeline')->assertSessionHas('error');
        $this->assertCount(2, $this->auditRowsBy($admin, 'connector.restart_failed'));
    }

    public function test_a_refused_service_key_is_named_on_the_page(): void
    {
        $this->signIn();
        $this->app->instance(GatewayOpsClient::class, new GatewayOpsClient(app(GatewayHttp::class), 'cpk_'.str_repeat('0', 40)));

        $data = $this->getJson('/pipeline/status')->assertOk()->assertJsonPath('data.reachable', false)->json('data');
        $this->assertStringContainsString("refused the admin's service key (401", $data['error']);
    }

    /** Stopped by hand on Connect, red on the page within seconds, RUNNING again after the admin's restart. */
    public function test_a_stopped_connector_shows_red_and_the_restart_brings_it_back(): void
    {
        $admin = $this->signIn();
        $this->assertTrue($this->connectorRunning(), 'precondition: the connector runs');
        try {
            $this->assertContains($this->connect()->send('PUT', '/connectors/'.self::CONNECTOR.'/stop')->status, [202, 204]);

            $red = $this->pollStatus(fn ($d) => ! $d['connector']['running'], 10);
            $this->assertFalse($red['connector']['running'], 'red within 10 s');
            $this->assertFalse($red['healthy']);
            $this->assertNotSame('RUNNING', $red['connector']['state']);

            $this->postJson('/pipeline/connector/restart')->assertStatus(202)->assertJsonPath('ok', true);

            $green = $this->pollStatus(fn ($d) => $d['connector']['running'], 60);
            $this->assertTrue($green['connector']['running'], 'RUNNING again: '.json_encode($green['connector']));
            $audit = $this->auditRowsBy($admin, 'connector.resume') ?: $this->auditRowsBy($admin, 'connector.restart');
            $this->assertCount(1, $audit, 'the gateway audited the action with this admin as actor');
            $this->assertSame(self::CONNECTOR, $audit[0]->subject_id);
        } finally {
            $this->ensureRunning();
        }
    }

    /**
     * Whatever happened above, the shared platform's connector is left RUNNING. A stop is applied
     * asynchronously, so resume unconditionally (a no-op on a running connector) and wait.
     */
    private function ensureRunning(): void
    {
        $deadline = microtime(true) + 60;
        do {
            $this->connect()->send('PUT', '/connectors/'.self::CONNECTOR.'/resume');
            usleep(500_000);
        } while (! ($this->connectorRunning() && $this->stillRunningAfter(1.0)) && microtime(true) < $deadline);
        $this->assertTrue($this->connectorRunning(), 'the connector is left RUNNING');
    }

    private function stillRunningAfter(float $seconds): bool
    {
        usleep((int) ($seconds * 1_000_000));

        return $this->connectorRunning();
    }
}
