<?php

namespace Tests\Feature\Admin;

use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.dashboard over the platform database (exact figures: DashboardMetricsTest). */
class DashboardTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords;

    public function test_an_admin_sees_the_figures_and_the_chart_data(): void
    {
        $this->signIn();

        $page = $this->get('/dashboard')->assertOk()
            ->assertSee('Revenue · today')->assertSee('Revenue · 7 days')->assertSee('Revenue · 30 days')
            ->assertSee('data-testid="sales-chart"', false)->assertSee('Orders by status')->assertSee('Top sellers')->assertSee('Low stock');
        $this->assertSame(1, preg_match('#<script type="application/json" id="sales-data">(.*?)</script>#s', $page->getContent(), $m));
        $days = json_decode($m[1], true);
        $this->assertCount(30, $days);
        $this->assertSame(now('UTC')->format('Y-m-d'), end($days)['date']);
    }

    public function test_a_customer_gets_403(): void
    {
        $this->signIn('customer');

        $this->get('/dashboard')->assertForbidden();
    }
}
