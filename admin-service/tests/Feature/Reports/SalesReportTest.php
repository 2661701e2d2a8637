<?php

namespace Tests\Feature\Reports;

use App\Models\User;
use Tests\Concerns\CreatesOrders;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/**
 * Report numbers against hand-computed fixtures in Europe/Berlin (the documented timezone).
 * Fixture orders are in 2011 (nobody else's data). The range 2011-03-26..2011-04-02 crosses the
 * spring DST change (2011-03-27 02:00 CET -> 03:00 CEST) and the March/April boundary; several
 * orders sit within an hour of local midnight, where UTC days or a fixed +01:00 would misplace them.
 */
class SalesReportTest extends TestCase
{
    use LogsInThroughGateway, CreatesOrders;

    private const RANGE = ['from' => '2011-03-26', 'to' => '2011-04-02'];

    protected function setUp(): void
    {
        parent::setUp();
        config(['orders.timezone' => 'Europe/Berlin']);
        $this->registerOrderCleanup();
        $this->logInAs('admin');
        $this->withCredentials();
        $this->seedFixtures();
    }

    private function seedFixtures(): void
    {
        $c = $this->createGatewayUser('customer');
        // two categories named "Jackets": the report tells them apart by their parent path
        $kitchen = $this->createCategory('Jackets', $this->createCategory('Men '.$this->fixtureTag()));
        $apparel = $this->createCategory('Jackets', $this->createCategory('Women '.$this->fixtureTag()));
        $mug = $this->createProduct($this->fixtureTag().'-MUG', '10.00', $kitchen);
        $tee = $this->createProduct($this->fixtureTag().'-TEE', '25.00', $apparel);
        // UTC instant                                     local (Berlin) day
        $this->createOrder($c, 'paid', '2011-03-25 23:30:00+00', [[$mug, 1]]);             // 03-26 00:30 CET   10.00
        $this->createOrder($c, 'shipped', '2011-03-26 22:59:00+00', [[$tee, 2]]);          // 03-26 23:59 CET   50.00
        $this->createOrder($c, 'delivered', '2011-03-26 23:30:00+00', [[$mug, 3]]);        // 03-27 00:30 CET   30.00
        $this->createOrder($c, 'paid', '2011-03-27 22:30:00+00', [[$tee, 1], [$mug, 1]]); // 03-28 00:30 CEST  35.00
        $this->createOrder($c, 'paid', '2011-03-31 21:30:00+00', [[$tee, 4]]);             // 03-31 23:30 CEST 100.00
        $this->createOrder($c, 'paid', '2011-03-31 22:30:00+00', [[$mug, 2]]);             // 04-01 00:30 CEST  20.00
        $this->createOrder($c, 'cancelled', '2011-04-01 10:00:00+00', [[$tee, 1]]);        // not a sale
        $this->createOrder($c, 'refunded', '2011-04-02 12:00:00+00', [[$mug, 1]]);         // not a sale
        $this->createOrder($c, 'pending', '2011-04-02 21:00:00+00', [[$mug, 1]]);          // not a sale
        $this->createOrder($c, 'paid', '2011-04-02 22:00:00+00', [[$tee, 1]]);             // 04-03 00:00 CEST: after the range
        $this->createOrder($c, 'paid', '2011-03-25 22:59:00+00', [[$tee, 1]]);             // 03-25 23:59 CET: before the range
    }

    /** @return array<string, mixed> */
    private function report(string $period): array
    {
        return $this->getJson('/reports?'.http_build_query(self::RANGE + ['period' => $period]))->assertOk()->json();
    }

    /** @return list<list<string|int>> [bucket, orders, units, revenue, average] */
    private function rows(array $report): array
    {
        return array_map(fn ($b) => [$b['bucket'], $b['orders'], $b['units'], $b['revenue'], $b['average']], $report['buckets']);
    }

    public function test_daily_buckets_are_berlin_days_across_the_dst_change_and_the_month_end(): void
    {
        $r = $this->report('day');
        $this->assertSame([
            ['2011-03-26', 2, 3, '60.00', '30.00'],
            ['2011-03-27', 1, 3, '30.00', '30.00'],   // the 23-hour day
            ['2011-03-28', 1, 2, '35.00', '35.00'],
            ['2011-03-29', 0, 0, '0.00', '0.00'],
            ['2011-03-30', 0, 0, '0.00', '0.00'],
            ['2011-03-31', 1, 4, '100.00', '100.00'],
            ['2011-04-01', 1, 2, '20.00', '20.00'],
            ['2011-04-02', 0, 0, '0.00', '0.00'],
        ], $this->rows($r));
        $this->assertSame(['orders' => 6, 'units' => 14, 'revenue' => '245.00', 'average' => '40.83'], $r['totals']);
        $this->assertSame('Europe/Berlin', $r['timezone']);
    }

    public function test_weekly_buckets_start_on_monday(): void
    {
        $this->assertSame([
            ['2011-03-21', 3, 6, '90.00', '30.00'],
            ['2011-03-28', 3, 8, '155.00', '51.67'],
        ], $this->rows($this->report('week')));
    }

    public function test_monthly_buckets_split_at_the_month_boundary_in_local_time(): void
    {
        $r = $this->report('month');
        $this->assertSame([
            ['2011-03-01', 5, 12, '225.00', '45.00'],
            ['2011-04-01', 1, 2, '20.00', '20.00'],
        ], $this->rows($r));
        $t = $this->fixtureTag();
        $this->assertSame([["$t-TEE", 7, '175.00'], ["$t-MUG", 7, '70.00']], array_map(fn ($p) => [$p['sku'], $p['units'], $p['revenue']], $r['products']));
        $this->assertSame([["Women $t › Jackets", 'Jackets', 7, '175.00'], ["Men $t › Jackets", 'Jackets', 7, '70.00']], array_map(fn ($c) => [$c['path'], $c['name'], $c['units'], $c['revenue']], $r['categories']));
    }

    public function test_the_page_shows_the_totals_the_chart_data_and_the_top_lists(): void
    {
        $page = $this->get('/reports?'.http_build_query(self::RANGE + ['period' => 'week']))->assertOk()
            ->assertSee('Weekly sales')->assertSee('245.00')->assertSee('40.83')->assertSee('data-testid="report-chart"', false)
            ->assertSee($this->fixtureTag().'-TEE')->assertSee('Women '.$this->fixtureTag().' › Jackets')->assertSee('Men '.$this->fixtureTag().' › Jackets');
        $this->assertSame(1, preg_match('#<script type="application/json" id="report-data">(.*?)</script>#s', $page->getContent(), $m));
        $this->assertSame(['2011-03-21', '2011-03-28'], array_column(json_decode($m[1], true), 'bucket'));
    }

    public function test_csv_export_is_streamed_with_one_line_per_bucket_and_a_total(): void
    {
        $response = $this->get('/reports/export.csv?'.http_build_query(self::RANGE + ['period' => 'month']))->assertOk();
        $this->assertInstanceOf(\Symfony\Component\HttpFoundation\StreamedResponse::class, $response->baseResponse);
        $this->assertStringContainsString('attachment; filename=sales-month-2011-03-26-2011-04-02.csv', $response->headers->get('Content-Disposition'));
        $this->assertSame(
            "period_start,orders,units,revenue,average_order_value\n2011-03-01,5,12,225.00,45.00\n2011-04-01,1,2,20.00,20.00\ntotal,6,14,245.00,40.83\n",
            $response->streamedContent(),
        );
    }

    public function test_pdf_export_renders_a_non_blank_page_holding_the_totals(): void
    {
        $response = $this->get('/reports/export.pdf?'.http_build_query(self::RANGE + ['period' => 'day']))->assertOk()
            ->assertHeader('Content-Type', 'application/pdf');
        $dir = sys_get_temp_dir().'/report-pdf-'.getmypid();
        @mkdir($dir);
        file_put_contents("$dir/report.pdf", $response->getContent());
        $this->assertStringStartsWith('%PDF-', $response->getContent());

        exec('pdftotext -layout '.escapeshellarg("$dir/report.pdf").' -', $textLines, $rc);
        $this->assertSame(0, $rc, 'pdftotext (poppler-utils) must be installed');
        $text = preg_replace('/\s+/', ' ', implode("\n", $textLines));
        foreach (['Daily sales report', '2011-03-26 – 2011-04-02 (Europe/Berlin)', 'Total revenue: 245.00', 'Orders: 6', 'Average order value: 40.83', 'Units: 14', $this->fixtureTag().'-TEE',
            'Women '.$this->fixtureTag().' › Jackets', 'Men '.$this->fixtureTag().' › Jackets'] as $needle) {
            $this->assertStringContainsString($needle, $text);
        }

        exec('pdftoppm -png -r 60 -f 1 -l 1 -singlefile '.escapeshellarg("$dir/report.pdf").' '.escapeshellarg("$dir/page"), $out, $rc);
        $this->assertSame(0, $rc, 'pdftoppm (poppler-utils) must be installed');
        $image = imagecreatefrompng("$dir/page.png");
        [$w, $h] = [imagesx($image), imagesy($image)];
        $ink = 0;
        for ($y = 0; $y < $h; $y += 2) {
            for ($x = 0; $x < $w; $x += 2) {
                $rgb = imagecolorat($image, $x, $y);
                $ink += (($rgb >> 16) & 0xFF) + (($rgb >> 8) & 0xFF) + ($rgb & 0xFF) < 600 ? 1 : 0;
            }
        }
        $share = $ink / (($w / 2) * ($h / 2));
        $this->assertGreaterThan(0.01, $share, 'the rendered page is (almost) blank');
        $this->assertLessThan(0.5, $share, 'the rendered page is mostly ink');
        if (is_dir($results = dirname(__DIR__, 4).'/.platform/test-results')) {
            @mkdir("$results/admin-reports");
            copy("$dir/page.png", "$results/admin-reports/sales-report-page1.png");
        }
        array_map('unlink', glob("$dir/*"));
        rmdir($dir);
    }

    /**
     * The "Top categories" heading stays with its table: daily ranges of 32 to 40 days move the page
     * break across the end of the report, and for each the page holding the heading holds both rows
     * (before the fix some range left the heading alone at the foot of page 1).
     */
    public function test_pdf_keeps_the_top_categories_heading_with_its_table_across_the_page_break(): void
    {
        $t = $this->fixtureTag();
        $onPage2 = 0;
        foreach (range(32, 40) as $days) {
            $range = ['from' => \Carbon\CarbonImmutable::parse(self::RANGE['to'])->subDays($days)->toDateString()] + self::RANGE;
            $pdf = $this->get('/reports/export.pdf?'.http_build_query($range + ['period' => 'day']))->assertOk()->getContent();
            $pages = $this->pdfPages($pdf);
            $headingPage = array_key_first(array_filter($pages, fn ($text) => str_contains($text, 'Top categories')));
            $this->assertNotNull($headingPage, "$days days: no Top categories heading");
            foreach (["Women $t › Jackets", "Men $t › Jackets"] as $row) {
                $this->assertStringContainsString($row, $pages[$headingPage], "$days days: the heading is on page $headingPage without its row $row");
            }
            $onPage2 += $headingPage > 1 ? 1 : 0;
        }
        $this->assertGreaterThan(0, $onPage2, 'no range reached page 2: the test no longer crosses the page break');
        $this->assertLessThan(9, $onPage2, 'every range is on page 2: the test no longer crosses the page break');
    }

    /** @return array<int, string> page number => that page's text (pdftotext) */
    private function pdfPages(string $pdf): array
    {
        $file = tempnam(sys_get_temp_dir(), 'report-pdf-');
        file_put_contents($file, $pdf);
        $text = shell_exec('pdftotext -layout '.escapeshellarg($file).' -');
        unlink($file);
        $this->assertIsString($text, 'pdftotext (poppler-utils) must be installed');
        $pages = explode("\f", $text);
        array_pop($pages); // pdftotext ends every page with a form feed

        return array_combine(range(1, count($pages)), array_map(fn ($p) => preg_replace('/\s+/', ' ', $p), $pages));
    }

    public function test_bad_ranges_and_periods_are_refused_naming_the_field(): void
    {
        $this->getJson('/reports?from=2011-04-02&to=2011-03-26')->assertStatus(422)
            ->assertJsonPath('errors.to.0', 'The end date (to) must be on or after the start date (from).');
        $this->assertStringContainsString('at most 5 years', (string) $this->getJson('/reports?from=2011-01-01&to=2016-01-02')->assertStatus(422)->json('errors.to.0'));
        $this->getJson('/reports?from=2011-01-01&to=2016-01-01')->assertOk();
        $this->getJson('/reports?period=hourly')->assertStatus(422)->assertJsonPath('errors.period.0', 'The period must be one of day, week, month.');
        $this->getJson('/reports?from=2011-01-01')->assertStatus(422)->assertJsonValidationErrors('to');
        $this->get('/reports/export.pdf?from=2011-04-02&to=2011-03-26')->assertSessionHasErrors('to');
    }

    public function test_a_customer_gets_403(): void
    {
        $this->logInAs(User::ROLE_CUSTOMER);

        $this->get('/reports')->assertForbidden();
        $this->get('/reports/export.csv')->assertForbidden();
    }
}
