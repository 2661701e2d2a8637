<?php

namespace App\Services\Reports;

use Symfony\Component\HttpFoundation\StreamedResponse;

/** A report as CSV, streamed row by row: one line per bucket and a closing total line. */
class SalesReportCsv
{
    public const HEADER = ['period_start', 'orders', 'units', 'revenue', 'average_order_value'];

    public function response(SalesReport $report): StreamedResponse
    {
        return response()->streamDownload(function () use ($report) {
            $out = fopen('php://output', 'wb');
            fputcsv($out, self::HEADER);
            foreach ($report->buckets as $b) {
                fputcsv($out, [$b['bucket'], $b['orders'], $b['units'], $b['revenue'], $b['average']]);
            }
            $t = $report->totals;
            fputcsv($out, ['total', $t['orders'], $t['units'], $t['revenue'], $t['average']]);
            fclose($out);
        }, $report->filename('csv'), ['Content-Type' => 'text/csv; charset=UTF-8']);
    }
}
