<?php

namespace Tests\Feature\Catalog;

use App\Services\Import\XlsxReader;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.products.export: the current filter as CSV/XLSX, importable again, formula cells neutralized. */
class ExportTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    public function test_csv_export_of_the_filter_with_formula_injection_neutralized(): void
    {
        $this->signIn();
        $cat = $this->category('E');
        $brand = $this->brand();
        $evil = $this->product($cat, $brand, ['name' => "=cmd|' /C calc'!A0", 'price' => '5.00', 'attributes' => ['color' => 'red']]);
        $plain = $this->product($cat, $brand, ['name' => 'Plain '.$this->catalogTag(), 'price' => '7.25']);
        $this->product($this->category('Elsewhere'), $brand);

        $csv = $this->get('/products/export.csv?'.http_build_query(['category' => $cat->id, 'sort' => 'sku']))->assertOk()->streamedContent();
        $lines = array_map('str_getcsv', explode("\n", trim(substr($csv, 3))));
        $this->assertSame("\xEF\xBB\xBF", substr($csv, 0, 3));
        $this->assertSame(['sku', 'name', 'price', 'currency', 'category', 'brand', 'status', 'stock', 'description', 'attributes'], $lines[0]);
        $rows = collect(array_slice($lines, 1))->keyBy(0);
        $this->assertCount(2, $rows);
        $this->assertSame("'=cmd|' /C calc'!A0", $rows[$evil->sku][1]);
        $this->assertSame(['5', (string) $cat->id, $brand->name, '{"color": "red"}'], [$rows[$evil->sku][2], $rows[$evil->sku][4], $rows[$evil->sku][5], $rows[$evil->sku][9]]);
        $this->assertSame('7.25', $rows[$plain->sku][2]);
    }

    public function test_xlsx_export_reads_back_with_our_reader(): void
    {
        $this->signIn();
        $cat = $this->category('E');
        $brand = $this->brand();
        $p = $this->product($cat, $brand, ['name' => 'Ünïcode & <tags> '.$this->catalogTag()]);

        $response = $this->get('/products/export.xlsx?'.http_build_query(['category' => $cat->id]))->assertOk();
        $file = $response->baseResponse->getFile()->getPathname();
        $copy = tempnam(sys_get_temp_dir(), 'xl').'.xlsx';
        copy($file, $copy);
        $reader = new XlsxReader($copy);
        $this->assertSame('sku', $reader->header()[0]);
        $rows = iterator_to_array($reader->rows());
        $this->assertSame([$p->sku, $p->name, '10'], array_slice($rows[2], 0, 3));
    }
}
