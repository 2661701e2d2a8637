<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Http\Requests\Reports\SalesReportRequest;
use App\Services\Reports\SalesReport;
use App\Services\Reports\SalesReportCsv;
use App\Services\Reports\SalesReportPdf;
use App\Services\Reports\SalesReports;

class ReportController extends Controller
{
    public function __construct(private SalesReports $reports)
    {
    }

    public function index(SalesReportRequest $request)
    {
        $report = $this->report($request);
        if ($request->expectsJson()) {
            return response()->json($this->asArray($report));
        }

        return view('admin.reports.index', ['report' => $report, 'periods' => SalesReports::PERIODS]);
    }

    public function csv(SalesReportRequest $request, SalesReportCsv $csv)
    {
        return $csv->response($this->report($request));
    }

    public function pdf(SalesReportRequest $request, SalesReportPdf $pdf)
    {
        $report = $this->report($request);

        return response($pdf->render($report), 200, [
            'Content-Type' => 'application/pdf',
            'Content-Disposition' => 'attachment; filename="'.$report->filename('pdf').'"',
        ]);
    }

    private function report(SalesReportRequest $request): SalesReport
    {
        [$from, $to] = $request->range();

        return $this->reports->build($request->period(), $from, $to);
    }

    /** @return array<string, mixed> */
    private function asArray(SalesReport $r): array
    {
        return [
            'period' => $r->period, 'from' => $r->from->toDateString(), 'to' => $r->to->toDateString(), 'timezone' => $r->timezone,
            'buckets' => $r->buckets, 'totals' => $r->totals, 'products' => $r->products, 'categories' => $r->categories,
        ];
    }
}
