<?php

namespace Tests\Feature\Catalog;

use App\Models\Inventory;
use App\Models\Product;
use Illuminate\Support\Facades\DB;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.products.*: list filters, create/edit validation, unique slugs, soft delete / restore / force delete, policies. */
class ProductManagementTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    private function form(array $overrides = []): array
    {
        $category = $overrides['category'] ?? $this->category('Shirts');
        unset($overrides['category']);

        return array_merge([
            'sku' => $this->catalogTag().'-NEW1', 'name' => 'Blue Tee '.$this->catalogTag(), 'price' => '19.90',
            'category_id' => $category->id, 'brand_id' => $this->brand()->id, 'status' => 'active', 'on_hand' => '7',
            'description' => 'Soft cotton', 'attributes' => [['key' => 'color', 'value' => 'blue'], ['key' => 'size', 'value' => '42'], ['key' => '', 'value' => '']],
        ], $overrides);
    }

    public function test_a_customer_gets_403_on_every_catalog_page(): void
    {
        $this->signIn('customer');
        foreach (['/products', '/products/create', '/categories'] as $uri) {
            $this->get($uri)->assertForbidden();
        }
        $this->post('/products', $this->form())->assertForbidden();
        $this->assertFalse(Product::withTrashed()->where('sku', $this->catalogTag().'-NEW1')->exists());
    }

    public function test_create_saves_product_inventory_attributes_and_a_slug(): void
    {
        $this->signIn();
        $response = $this->post("/products", $this->form());

        $product = Product::query()->where('sku', $this->catalogTag().'-NEW1')->firstOrFail();
        $response->assertRedirect(route('admin.products.edit', $product))->assertSessionHas('consistency_token');
        $this->assertMatchesRegularExpression('/^'.$product->id.'\.\d+$/', session('consistency_token'));
        $this->assertSame('blue-tee-'.strtolower($this->catalogTag()), $product->slug);
        $this->assertEquals(['color' => 'blue', 'size' => 42], $product->attributes);
        $this->assertSame('19.90', $product->price);
        $this->assertSame(7, Inventory::query()->find($product->id)->on_hand);
    }

    public function test_a_second_product_with_the_same_name_gets_its_own_slug(): void
    {
        $this->signIn();
        $this->post('/products', $this->form())->assertSessionHasNoErrors();
        $this->post('/products', $this->form(['sku' => $this->catalogTag().'-NEW2']))->assertSessionHasNoErrors();
        $slugs = Product::query()->where('sku', 'like', $this->catalogTag().'-NEW%')->orderBy('id')->pluck('slug')->all();
        $base = 'blue-tee-'.strtolower($this->catalogTag());
        $this->assertSame([$base, $base.'-2'], $slugs);
    }

    /** @dataProvider invalidForms */
    public function test_invalid_input_names_the_field_and_writes_nothing(array $overrides, string $field): void
    {
        $this->signIn();
        $existing = $this->product($this->category('Other'), $this->brand('Other'));
        $overrides = array_map(fn ($v) => $v === '@existing' ? $existing->sku : $v, $overrides);
        $this->post('/products', $this->form($overrides))->assertSessionHasErrors($field);
        $this->assertFalse(Product::withTrashed()->where('name', 'Blue Tee '.$this->catalogTag())->exists());
    }

    public static function invalidForms(): array
    {
        return [
            'duplicate sku' => [['sku' => '@existing'], 'sku'],
            'negative price' => [['price' => '-1'], 'price'],
            'missing category' => [['category_id' => 999999999], 'category_id'],
            'missing brand' => [['brand_id' => ''], 'brand_id'],
            'bad status' => [['status' => 'archived'], 'status'],
            'negative stock' => [['on_hand' => '-3'], 'on_hand'],
            'duplicate attribute' => [['attributes' => [['key' => 'color', 'value' => 'a'], ['key' => 'color', 'value' => 'b']]], 'attributes.1.key'],
        ];
    }

    public function test_json_validation_errors_are_422_with_the_field(): void
    {
        $this->signIn();
        $this->postJson('/products', $this->form(['price' => 'cheap']))->assertStatus(422)->assertJsonValidationErrors('price');
    }

    public function test_update_keeps_the_slug_unless_the_name_changes(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());
        $form = $this->form(['sku' => $product->sku, 'name' => $product->name, 'category' => $this->category('B')]);
        $this->put("/products/{$product->id}", $form)->assertSessionHasNoErrors();
        $this->assertSame($product->slug, $product->fresh()->slug);
        $this->assertSame($product->version + 1, $product->fresh()->version);

        $this->put("/products/{$product->id}", array_merge($form, ['name' => 'Renamed '.$this->catalogTag()]))->assertSessionHasNoErrors();
        $this->assertSame('renamed-'.strtolower($this->catalogTag()), $product->fresh()->slug);
    }

    public function test_list_filters_by_search_category_subtree_status_and_trash(): void
    {
        $this->signIn();
        $root = $this->category('Root');
        $child = $this->category('Child', $root);
        $other = $this->category('Elsewhere');
        $brand = $this->brand();
        $inChild = $this->product($child, $brand, ['name' => 'Zebra lamp '.$this->catalogTag()]);
        $draft = $this->product($root, $brand, ['status' => 'draft']);
        $outside = $this->product($other, $brand);
        $trashed = $this->product($root, $brand);
        $trashed->delete();

        $skus = fn ($query) => collect($this->get('/products?'.http_build_query($query))->assertOk()->viewData('products')->items())->pluck('sku')->sort()->values()->all();
        $sorted = fn (...$p) => collect($p)->pluck('sku')->sort()->values()->all();

        $this->assertSame($sorted($inChild), $skus(['q' => 'zebra LAMP '.$this->catalogTag()]));
        $this->assertSame($sorted($inChild, $draft), $skus(['category' => $root->id]));
        $this->assertSame($sorted($draft), $skus(['q' => $this->catalogTag(), 'status' => 'draft']));
        $this->assertSame($sorted($trashed), $skus(['q' => $this->catalogTag(), 'trashed' => 'only']));
        $this->assertSame($sorted($inChild, $draft, $outside, $trashed), $skus(['q' => $this->catalogTag(), 'trashed' => 'with']));
    }

    public function test_list_filters_by_brand_and_stock_and_sorts(): void
    {
        $this->signIn();
        $cat = $this->category('Stock');
        [$brandA, $brandB] = [$this->brand('A'), $this->brand('B')];
        $plenty = $this->product($cat, $brandA, ['price' => '30.00']);
        $low = $this->product($cat, $brandA, ['price' => '10.00']);
        $reservedAway = $this->product($cat, $brandB, ['price' => '20.00']);
        $noRow = $this->product($cat, $brandB, ['price' => '5.00']);
        DB::table('inventory')->insert([
            ['product_id' => $plenty->id, 'on_hand' => 50, 'reserved' => 0],
            ['product_id' => $low->id, 'on_hand' => 7, 'reserved' => 2],          // 5 available: low
            ['product_id' => $reservedAway->id, 'on_hand' => 4, 'reserved' => 4], // 0 available: out
        ]);

        $skus = fn ($query) => collect($this->get('/products?'.http_build_query(['q' => $this->catalogTag()] + $query))->assertOk()
            ->viewData('products')->items())->pluck('sku')->all();
        $sorted = fn (...$p) => collect($p)->pluck('sku')->sort()->values()->all();
        $set = fn ($query) => collect($skus($query))->sort()->values()->all();

        $this->assertSame($sorted($plenty, $low), $set(['brand' => $brandA->id]));
        $this->assertSame($sorted($plenty, $low), $set(['stock' => 'in']));
        $this->assertSame($sorted($low), $set(['stock' => 'low']));
        $this->assertSame($sorted($reservedAway, $noRow), $set(['stock' => 'out']), 'reserved stock and no inventory row count as out');
        $this->assertSame($sorted($reservedAway, $noRow), $set(['brand' => $brandB->id, 'stock' => 'out', 'category' => $cat->id]));
        $this->assertSame([], $set(['brand' => $brandB->id, 'stock' => 'in']));
        $this->assertSame([$noRow->sku, $low->sku, $reservedAway->sku, $plenty->sku], $skus(['sort' => 'price']));
        $this->assertSame([$plenty->sku, $reservedAway->sku, $low->sku, $noRow->sku], $skus(['sort' => 'price', 'dir' => 'desc']));
    }

    public function test_soft_delete_restore_and_force_delete(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());

        $this->delete("/products/{$product->id}")->assertRedirect();
        $this->assertNotNull(Product::withTrashed()->find($product->id)->deleted_at);
        $this->assertNull(Product::query()->find($product->id));

        $this->post("/products/{$product->id}/restore")->assertRedirect()->assertSessionHas('consistency_token');
        $this->assertNull(Product::query()->find($product->id)->deleted_at);

        $this->delete("/products/{$product->id}/force")->assertNotFound(); // only trashed products can be purged
        $product->delete();
        $this->delete("/products/{$product->id}/force")->assertRedirect();
        $this->assertNull(Product::withTrashed()->find($product->id));
    }

    public function test_edit_page_renders_for_a_trashed_product_with_restore(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());
        $product->delete();
        $this->get("/products/{$product->id}/edit")->assertOk()->assertSee('data-testid="trashed-banner"', false)->assertSee('Restore');
    }

    public function test_the_live_in_search_check_turns_true_once_the_index_has_the_write(): void
    {
        $this->signIn();
        $this->post('/products', $this->form())->assertSessionHasNoErrors();
        $token = session('consistency_token');

        // the gateway polls the index (Debezium -> Kafka -> indexer -> Elasticsearch) for up to its timeout
        $live = false;
        for ($i = 0; $i < 3 && ! $live; $i++) {
            $live = $this->getJson('/products/search-status?token='.$token)->assertOk()->json('live');
        }
        $this->assertTrue($live);
        // a WAL position the index can't have reached yet: not live (after the gateway's timeout)
        $future = explode('.', $token)[0].'.'.((int) explode('.', $token)[1] + 10 ** 12);
        $this->assertFalse($this->getJson('/products/search-status?token='.$future)->assertOk()->json('live'));
        $this->getJson('/products/search-status?token=nope')->assertStatus(422)->assertJsonValidationErrors('token');
    }
}
