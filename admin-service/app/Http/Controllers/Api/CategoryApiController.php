<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\CategoryRequest;
use App\Http\Resources\CategoryResource;
use App\Models\Category;
use App\Services\Catalog\CategoryTree;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Gate;

/** /admin/api/categories: the tree (with product counts), create, rename/move (cycles refused, 422). */
class CategoryApiController extends Controller
{
    public function __construct(private CategoryTree $tree)
    {
    }

    public function index(Request $request)
    {
        Gate::forUser($request->user())->authorize('viewAny', Category::class);

        return CategoryResource::collection($this->tree->flatten());
    }

    public function store(CategoryRequest $request)
    {
        return (new CategoryResource($this->tree->create($request->input('name'), $request->parentId())))->response()->setStatusCode(201);
    }

    public function update(CategoryRequest $request, Category $category)
    {
        return new CategoryResource($this->tree->update($category, $request->input('name'), $request->parentId()));
    }
}
