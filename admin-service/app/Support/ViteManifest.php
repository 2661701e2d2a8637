<?php

namespace App\Support;

/**
 * Tags for Vite-built entries (public/build/.vite/manifest.json, written by `npm run build`,
 * which `make up` runs). Laravel 8 has no @vite directive; this is the part of it we need.
 */
class ViteManifest
{
    /** @var array<string, array<string, mixed>>|null */
    private ?array $manifest = null;

    public function __construct(private readonly string $buildDir, private readonly string $publicUrl)
    {
    }

    /** @param list<string> $entries e.g. ['resources/css/app.css', 'resources/js/app.js'] */
    public function tags(array $entries): string
    {
        $manifest = $this->manifest();
        $html = [];
        foreach ($entries as $entry) {
            $chunk = $manifest[$entry] ?? null;
            if ($chunk === null) {
                throw new \RuntimeException("Vite entry $entry is not in the manifest: run `npm run build` in admin-service (make up does)");
            }
            foreach ($chunk['css'] ?? [] as $css) {
                $html[] = '<link rel="stylesheet" href="'.e($this->url($css)).'">';
            }
            $html[] = str_ends_with($chunk['file'], '.css')
                ? '<link rel="stylesheet" href="'.e($this->url($chunk['file'])).'">'
                : '<script type="module" src="'.e($this->url($chunk['file'])).'"></script>';
        }

        return implode("\n", array_unique($html));
    }

    private function url(string $file): string
    {
        return rtrim($this->publicUrl, '/').'/'.$file;
    }

    /** @return array<string, array<string, mixed>> */
    private function manifest(): array
    {
        if ($this->manifest === null) {
            $path = $this->buildDir.'/.vite/manifest.json';
            if (! is_file($path)) {
                throw new \RuntimeException('admin assets are not built: run `npm run build` in admin-service (make up does)');
            }
            $this->manifest = json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
        }

        return $this->manifest;
    }
}
