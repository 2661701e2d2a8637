<?php

namespace Tests\Feature\Catalog;

use App\Models\ImportBatch;
use App\Models\Inventory;
use App\Models\Product;
use App\Services\Export\XlsxWriter;
use App\Services\Import\ImportRunner;
use Illuminate\Http\UploadedFile;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** Bulk import (queue = sync in tests): good and bad rows, error report, dry run, whole-file refusals, XLSX, resume. */
class ImportTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    private string $root;

    protected function setUp(): void
    {
        parent::setUp();
        $this->root = $this->useTemporaryDisk('imports');
        $this->beforeApplicationDestroyed(fn () => DB::table('import_batches')->where('filename', 'like', $this->catalogTag().'%')->delete());
    }

    private function csvFile(string $content, string $ext = 'csv'): UploadedFile
    {
        $file = tempnam(sys_get_temp_dir(), 'csv');
        file_put_contents($file, $content);

        return new UploadedFile($file, $this->catalogTag()."-upload.$ext", 'text/csv', null, true);
    }

    /** @return array{0: string, 1: \App\Models\Category, 2: \App\Models\Brand} */
    private function sampleCsv(int $good = 4, bool $withBadRow = true): array
    {
        $cat = $this->category('Imported');
        $brand = $this->brand();
        $t = $this->catalogTag();
        $lines = ["sku,name,price,category,brand,stock,status,attr:color"];
        for ($i = 1; $i <= $good; $i++) {
            $lines[] = "$t-IMP$i,\"Imported lamp $i\",1$i.50,{$cat->id},\"{$brand->name}\",$i,active,red";
        }
        if ($withBadRow) {
            array_splice($lines, 3, 0, ["$t-BAD,Bad row,-4,{$cat->id},No such brand,x,active,"]);
        }

        return [implode("\n", $lines)."\n", $cat, $brand];
    }

    public function test_good_rows_are_imported_and_bad_rows_reported_by_line_and_column(): void
    {
        $this->signIn();
        [$csv, $cat] = $this->sampleCsv();

        $response = $this->post('/imports', ['file' => $this->csvFile($csv)]);
        $batch = ImportBatch::query()->where('filename', 'like', $this->catalogTag().'%')->firstOrFail();
        $response->assertRedirect(route('admin.imports.show', $batch));

        $this->assertSame(['completed', 5, 4, 1], [$batch->status, $batch->total_rows, $batch->processed_rows, $batch->failed_rows]);
        $this->assertSame([
            ['line' => 4, 'column' => 'price', 'message' => 'price must be a number >= 0 (got "-4")'],
            ['line' => 4, 'column' => 'brand', 'message' => 'brand "No such brand" does not exist'],
            ['line' => 4, 'column' => 'stock', 'message' => 'stock must be a whole number >= 0 (got "x")'],
        ], $batch->errors);
        $p = Product::query()->where('sku', $this->catalogTag().'-IMP3')->firstOrFail();
        $this->assertSame(['Imported lamp 3', '13.50', $cat->id, ['color' => 'red']], [$p->name, $p->price, $p->category_id, $p->attributes]);
        $this->assertSame(3, Inventory::query()->find($p->id)->on_hand);
        $this->assertFalse(Product::withTrashed()->where('sku', $this->catalogTag().'-BAD')->exists());
        $this->assertNull(Storage::disk('imports')->files()[0] ?? null, 'the upload is removed once imported');

        $this->getJson("/imports/{$batch->id}/progress")->assertOk()
            ->assertJsonPath('data.percent', 100)->assertJsonPath('data.failedRows', 1)->assertJsonPath('data.errors.0.line', 4);
        $this->get("/imports/{$batch->id}")->assertOk()->assertSee('price must be a number');
        $report = $this->get("/imports/{$batch->id}/errors.csv")->assertOk()->streamedContent();
        $this->assertSame("line,column,message\n4,price,\"price must be a number >= 0 (got \"\"-4\"\")\"\n", explode("4,brand", $report)[0]);
    }

    public function test_a_second_import_upserts_by_sku(): void
    {
        $this->signIn();
        [$csv] = $this->sampleCsv(2, false);
        $this->post('/imports', ['file' => $this->csvFile($csv)])->assertSessionHasNoErrors();
        $id = Product::query()->where('sku', $this->catalogTag().'-IMP1')->value('id');
        $this->post('/imports', ['file' => $this->csvFile(str_replace('11.50', '99.00', $csv))])->assertSessionHasNoErrors();
        $this->assertSame(2, Product::query()->where('sku', 'like', $this->catalogTag().'-IMP%')->count());
        $this->assertSame(['99.00', $id], [Product::query()->where('sku', $this->catalogTag().'-IMP1')->value('price'), Product::query()->where('sku', $this->catalogTag().'-IMP1')->value('id')]);
    }

    public function test_a_dry_run_checks_every_row_and_writes_nothing(): void
    {
        $this->signIn();
        [$csv] = $this->sampleCsv();
        $this->post('/imports', ['file' => $this->csvFile($csv), 'dry_run' => '1'])->assertSessionHasNoErrors();
        $batch = ImportBatch::query()->where('filename', 'like', $this->catalogTag().'%')->firstOrFail();
        $this->assertSame([true, 'completed', 4, 1], [$batch->dry_run, $batch->status, $batch->processed_rows, $batch->failed_rows]);
        $this->assertSame(0, Product::withTrashed()->where('sku', 'like', $this->catalogTag().'%')->count());
    }

    /** @dataProvider badFiles */
    public function test_a_bad_file_gets_a_clear_message_and_writes_nothing(string $content, string $message, array $config = [], string $ext = 'csv'): void
    {
        $this->signIn();
        config($config);
        $cat = $this->category('C');
        $brand = $this->brand();
        $content = str_replace(['{cat}', '{brand}', '{t}'], [$cat->id, $brand->name, $this->catalogTag()], $content);

        $this->post('/imports', ['file' => $this->csvFile($content, $ext)])->assertSessionHasErrors(['file' => $message]);
        $this->assertFalse(ImportBatch::query()->where('filename', 'like', $this->catalogTag().'%')->exists());
        $this->assertSame(0, Product::withTrashed()->where('sku', 'like', $this->catalogTag().'%')->count());
        $this->assertSame([], Storage::disk('imports')->files());
    }

    public static function badFiles(): array
    {
        $row = "{t}-A,Lamp,1,{cat},{brand}\n";

        return [
            'empty file' => ['', 'The file is empty.'],
            'header only' => ["sku,name,price,category,brand\n", 'The file has a header but no product rows.'],
            'wrong header' => ["code,title,price,category,brand\n".$row, 'Wrong header: no column "sku" for sku. Found: code, title, price, category, brand. Required: sku, name, price, category, brand.'],
            'latin-1' => ["sku,name,price,category,brand\n{t}-A,Caf\xE9 lamp,1,{cat},{brand}\n", 'The file is not UTF-8 (line 2 looks like ISO-8859-1 (Latin-1)): save it as "CSV UTF-8".'],
            'utf-16' => ["\xFF\xFEs\0k\0u\0", 'The file is encoded as UTF-16, not UTF-8: save it as "CSV UTF-8".'],
            'too many rows' => ["sku,name,price,category,brand\n".str_repeat($row, 4), 'The file has more than 3 rows (the limit, CATALOG_IMPORT_MAX_ROWS): split it.', ['catalog.import_max_rows' => 3]],
            'too large' => ["sku,name,price,category,brand\n".str_repeat($row, 80), 'The file may be at most 1 kilobytes.', ['catalog.import_max_kb' => 1]],
            'not a spreadsheet' => ['%PDF-1.4', 'The file must be a .csv or .xlsx file.', [], 'pdf'],
        ];
    }

    public function test_xlsx_with_shared_and_inline_strings(): void
    {
        $this->signIn();
        $cat = $this->category('X');
        $brand = $this->brand();
        $t = $this->catalogTag();
        // shared strings are written by hand (our writer uses inline strings)
        $file = tempnam(sys_get_temp_dir(), 'x').'.xlsx';
        $writer = new XlsxWriter();
        $writer->addRow(['sku', 'name', 'price', 'category', 'brand', 'stock']);
        $writer->addRow(["$t-X1", 'Inline name', 12.5, $cat->id, $brand->name, 4]);
        $writer->finish($file);
        $zip = new \ZipArchive();
        $zip->open($file);
        $sheet = $zip->getFromName('xl/worksheets/sheet1.xml');
        $sheet = str_replace('</sheetData>', '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3"><v>7</v></c>'
            .'<c r="D3"><v>'.$cat->id.'</v></c><c r="E3" t="inlineStr"><is><t>'.htmlspecialchars($brand->name).'</t></is></c></row></sheetData>', $sheet);
        $zip->addFromString('xl/worksheets/sheet1.xml', $sheet);
        $zip->addFromString('xl/sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            ."<si><t>$t-X2</t></si><si><r><t>Rich </t></r><r><t>text name</t></r></si></sst>");
        $zip->close();

        $upload = new UploadedFile($file, "$t-book.xlsx", 'application/octet-stream', null, true);
        $this->post('/imports', ['file' => $upload])->assertSessionHasNoErrors();
        $batch = ImportBatch::query()->where('filename', "$t-book.xlsx")->firstOrFail();
        $this->assertSame([], $batch->errors);
        $this->assertSame(["completed", 2, 0], [$batch->status, $batch->processed_rows, $batch->failed_rows]);
        $this->assertSame('Rich text name', Product::query()->where('sku', "$t-X2")->value('name'));
        $this->assertSame('12.50', Product::query()->where('sku', "$t-X1")->value('price'));
    }

    public function test_a_stopped_import_resumes_after_the_last_committed_chunk(): void
    {
        $admin = $this->signIn();
        config(['catalog.import_chunk_rows' => 2]);
        [$csv] = $this->sampleCsv(5, false);
        Storage::disk('imports')->put('resume.csv', $csv);
        $batch = ImportBatch::query()->create(['user_id' => $admin->id, 'filename' => $this->catalogTag().'-resume.csv',
            'source_path' => 'resume.csv', 'total_rows' => 5]);
        $runner = app(ImportRunner::class);

        $this->assertFalse($runner->run($batch, 0.0), 'the first slice stops after one chunk'); // as if the worker died here
        $this->assertSame(['running', 2], [$batch->fresh()->status, $batch->fresh()->processed_rows]);
        $this->assertSame(2, Product::query()->where('sku', 'like', $this->catalogTag().'-IMP%')->count());

        $this->assertTrue($runner->run($batch->fresh()));
        $this->assertSame(['completed', 5, 0], [$batch->fresh()->status, $batch->fresh()->processed_rows, $batch->fresh()->failed_rows]);
        $this->assertSame(5, Product::query()->where('sku', 'like', $this->catalogTag().'-IMP%')->count());
    }

    public function test_customers_cannot_import(): void
    {
        $this->signIn('customer');
        [$csv] = $this->sampleCsv();
        $this->post('/imports', ['file' => $this->csvFile($csv)])->assertForbidden();
        $this->get('/imports')->assertForbidden();
    }

    public function test_a_file_gone_from_the_disk_fails_the_batch_with_the_reason(): void
    {
        $admin = $this->signIn();
        Storage::disk('imports')->put('vanishing.csv', "sku,name,price,category,brand\n");
        $batch = ImportBatch::query()->create(['user_id' => $admin->id, 'filename' => $this->catalogTag()."-vanishing.csv", 'source_path' => 'vanishing.csv', 'total_rows' => 1]);
        Storage::disk('imports')->delete('vanishing.csv');

        (new \App\Jobs\ImportProducts($batch->id))->handle(app(ImportRunner::class));
        $batch->refresh();
        $this->assertSame('failed', $batch->status);
        $this->assertNotNull($batch->finished_at);
        $this->assertSame("import stopped: The file could not be read.", $batch->errors[0]['message'] ?? null);
    }
}
