<?php

namespace App\Support;

/** The admin's sidebar: one entry per section, in order. Route names are part of the team contract. */
final class AdminSections
{
    /** @return list<array{label: string, route: string, path: string, icon: string}> */
    public static function all(): array
    {
        return [
            ['label' => 'Dashboard', 'route' => 'admin.dashboard', 'path' => '/dashboard', 'icon' => 'home'],
            ['label' => 'Products', 'route' => 'admin.products.index', 'path' => '/products', 'icon' => 'cube'],
            ['label' => 'Categories', 'route' => 'admin.categories.index', 'path' => '/categories', 'icon' => 'folder'],
            ['label' => 'Orders', 'route' => 'admin.orders.index', 'path' => '/orders', 'icon' => 'cart'],
            ['label' => 'Reports', 'route' => 'admin.reports.index', 'path' => '/reports', 'icon' => 'chart'],
            ['label' => 'Users', 'route' => 'admin.users.index', 'path' => '/users', 'icon' => 'users'],
            ['label' => 'API keys', 'route' => 'admin.api-keys.index', 'path' => '/api-keys', 'icon' => 'key'],
            ['label' => 'Pipeline', 'route' => 'admin.pipeline.index', 'path' => '/pipeline', 'icon' => 'pipeline'],
        ];
    }
}
