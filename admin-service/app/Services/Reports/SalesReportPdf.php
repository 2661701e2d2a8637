<?php

namespace App\Services\Reports;

use Dompdf\Dompdf;
use Dompdf\Options;

/** A report as a printable A4 PDF, rendered by dompdf (Debian php-dompdf) from a Blade view. */
class SalesReportPdf
{
    private const AUTOLOAD = '/usr/share/php/dompdf/autoload.php';

    public function render(SalesReport $report): string
    {
        if (! class_exists(Dompdf::class)) {
            require_once self::AUTOLOAD;
        }
        $options = new Options();
        $options->setIsRemoteEnabled(false);
        $options->setDefaultFont('Helvetica'); // a PDF core font: Debian's dompdf can't load its TTF metrics
        $dompdf = new Dompdf($options);
        $dompdf->loadHtml(view('admin.reports.pdf', ['report' => $report, 'generatedAt' => now($report->timezone)])->render());
        $dompdf->setPaper('A4', 'portrait');
        $dompdf->render();

        return (string) $dompdf->output();
    }
}
