<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\ProductImagesRequest;
use App\Models\Product;
use App\Models\ProductImage;
use App\Services\Images\ProductImages;
use Illuminate\Http\Request;

class ProductImageController extends Controller
{
    public function __construct(private ProductImages $images)
    {
    }

    public function store(ProductImagesRequest $request, Product $product)
    {
        $added = $this->images->add($product, $request->file('images'));

        return redirect()->route('admin.products.edit', $product)->with('success', count($added).' image(s) uploaded: thumbnails are being made.');
    }

    /** JSON for the edit page's polling: each image's state and thumbnail. */
    public function index(Product $product)
    {
        $this->authorize('view', $product);

        return response()->json(['data' => $product->images->map(fn (ProductImage $i) => [
            'id' => $i->id, 'status' => $i->status, 'thumbnail' => $i->thumbnailUrl(), 'url' => $i->url(), 'failure' => $i->failure_reason,
        ])]);
    }

    public function reorder(Request $request, Product $product)
    {
        $this->authorize('update', $product);
        $data = $request->validate(['order' => ['required', 'array'], 'order.*' => ['integer']]);
        $this->images->reorder($product, $data['order']);

        return back()->with('success', 'Image order saved.');
    }

    public function destroy(Product $product, ProductImage $image)
    {
        $this->authorize('update', $product);
        abort_unless($image->product_id === $product->id, 404);
        $this->images->delete($image);

        return back()->with('success', 'Image removed.');
    }
}
