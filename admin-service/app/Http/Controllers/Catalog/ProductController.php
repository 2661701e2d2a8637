<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\ProductRequest;
use App\Models\Brand;
use App\Models\Product;
use App\Services\Catalog\CategoryTree;
use App\Services\Catalog\ProductFilter;
use App\Services\Catalog\ProductWriter;
use App\Services\Images\ProductImages;
use Illuminate\Http\Request;

class ProductController extends Controller
{
    public function __construct(private ProductWriter $writer)
    {
    }

    public function index(Request $request, ProductFilter $filter, CategoryTree $tree)
    {
        $this->authorize('viewAny', Product::class);
        $filters = ProductFilter::from($request->query());
        $products = $filter->query($filters)->with(['category:id,name', 'brand:id,name', 'inventory', 'images' => fn ($q) => $q->where('status', 'ready')])
            ->paginate(25)->withQueryString();

        return view('catalog.products.index', [
            'products' => $products, 'filters' => $filters, 'categories' => $tree->flatten(),
            'brands' => Brand::query()->orderBy('name')->get(['id', 'name']),
        ]);
    }

    public function create(CategoryTree $tree)
    {
        $this->authorize('create', Product::class);

        return view('catalog.products.form', $this->formData(new Product(), $tree));
    }

    public function store(ProductRequest $request)
    {
        $product = $this->writer->save(new Product(), $request->fields(), $request->onHand() ?? 0);

        return redirect()->route('admin.products.edit', $product)
            ->with('success', "Product {$product->sku} created.")
            ->with('consistency_token', $this->writer->consistencyToken($product));
    }

    public function edit(int $product, CategoryTree $tree)
    {
        $product = Product::withTrashed()->with(['images', 'inventory'])->findOrFail($product);
        $this->authorize('update', $product);

        return view('catalog.products.form', $this->formData($product, $tree));
    }

    public function update(ProductRequest $request, Product $product)
    {
        $product = $this->writer->save($product, $request->fields(), $request->onHand());

        return redirect()->route('admin.products.edit', $product)
            ->with('success', "Product {$product->sku} saved.")
            ->with('consistency_token', $this->writer->consistencyToken($product));
    }

    public function destroy(Product $product)
    {
        $this->authorize('delete', $product);
        $product->delete();

        return redirect()->route('admin.products.index')->with('success', "Product {$product->sku} moved to the trash.");
    }

    public function restore(int $product)
    {
        $product = Product::onlyTrashed()->findOrFail($product);
        $this->authorize('restore', $product);
        $product->restore();

        return redirect()->route('admin.products.edit', $product)->with('success', "Product {$product->sku} restored.")
            ->with('consistency_token', $this->writer->consistencyToken($product));
    }

    public function forceDelete(int $product, ProductImages $images)
    {
        $product = Product::onlyTrashed()->with('images')->findOrFail($product);
        $this->authorize('forceDelete', $product);
        if (\DB::table('order_items')->where('product_id', $product->id)->exists()) {
            return back()->with('error', "Product {$product->sku} has orders: it stays in the trash.");
        }
        $product->images->each(fn ($image) => $images->delete($image));
        $product->forceDelete();

        return redirect()->route('admin.products.index', ['trashed' => 'only'])->with('success', "Product {$product->sku} deleted permanently.");
    }

    private function formData(Product $product, CategoryTree $tree): array
    {
        return ['product' => $product, 'categories' => $tree->flatten(), 'brands' => Brand::query()->orderBy('name')->get(['id', 'name'])];
    }
}
