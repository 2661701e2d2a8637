<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\ProductRequest;
use App\Http\Resources\ProductResource;
use App\Models\Product;
use App\Services\Catalog\ProductFilter;
use App\Services\Catalog\ProductWriter;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Gate;

/** /admin/api/products: the product list's filters, CRUD, soft delete and restore, for scripts. */
class ProductApiController extends Controller
{
    public function __construct(private ProductWriter $writer)
    {
    }

    public function index(Request $request, ProductFilter $filter)
    {
        Gate::forUser($request->user())->authorize('viewAny', Product::class);
        $perPage = min(200, max(1, (int) $request->query('perPage', 50)));

        return ProductResource::collection($filter->query(ProductFilter::from($request->query()))->with('inventory')->paginate($perPage)->withQueryString());
    }

    public function show(Request $request, int $product)
    {
        $product = Product::withTrashed()->with(['inventory', 'images'])->findOrFail($product);
        Gate::forUser($request->user())->authorize('view', $product);

        return new ProductResource($product);
    }

    public function store(ProductRequest $request)
    {
        $product = $this->writer->save(new Product(), $request->fields(), $request->onHand() ?? 0);

        return $this->saved($product, 201);
    }

    public function update(ProductRequest $request, Product $product)
    {
        return $this->saved($this->writer->save($product, $request->fields(), $request->onHand()), 200);
    }

    public function destroy(Request $request, Product $product)
    {
        Gate::forUser($request->user())->authorize('delete', $product);
        $product->delete();

        return $this->saved($product, 200);
    }

    public function restore(Request $request, int $product)
    {
        $product = Product::onlyTrashed()->findOrFail($product);
        Gate::forUser($request->user())->authorize('restore', $product);
        $product->restore();

        return $this->saved($product, 200);
    }

    /** With the gateway's consistency token: GET /api/products?consistentWith=<it> sees this write. */
    private function saved(Product $product, int $status)
    {
        return (new ProductResource($product->load('inventory')))->response()->setStatusCode($status)
            ->header('X-Consistency-Token', $this->writer->consistencyToken($product));
    }
}
