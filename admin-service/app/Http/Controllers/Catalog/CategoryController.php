<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\CategoryRequest;
use App\Http\Requests\Catalog\MoveCategoryRequest;
use App\Models\Category;
use App\Services\Catalog\CategoryTree;

class CategoryController extends Controller
{
    public function __construct(private CategoryTree $tree)
    {
    }

    public function index()
    {
        $this->authorize('viewAny', Category::class);

        return view('catalog.categories.index', ['nodes' => $this->tree->flatten()]);
    }

    public function store(CategoryRequest $request)
    {
        $category = $this->tree->create($request->input('name'), $request->parentId());

        return redirect()->route('admin.categories.index')->with('success', "Category \"{$category->name}\" created.");
    }

    public function update(CategoryRequest $request, Category $category)
    {
        $category = $this->tree->update($category, $request->input('name'), $request->parentId());

        return redirect()->route('admin.categories.index')->with('success', "Category \"{$category->name}\" saved.");
    }

    public function move(MoveCategoryRequest $request)
    {
        $category = $request->category();
        $category = $this->tree->update($category, $category->name, $request->newParentId());

        return redirect()->route('admin.categories.index')->with('success', "Category \"{$category->name}\" moved.");
    }

    public function destroy(Category $category)
    {
        $this->authorize('delete', $category);
        $this->tree->delete($category);

        return redirect()->route('admin.categories.index')->with('success', "Category \"{$category->name}\" deleted.");
    }
}
