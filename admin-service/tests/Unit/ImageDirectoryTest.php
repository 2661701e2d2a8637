<?php

namespace Tests\Unit;

use App\Services\Images\ImageDirectory;
use PHPUnit\Framework\TestCase;

/** The image directory is created when missing, and an existing one (another painter won the race) is fine. */
class ImageDirectoryTest extends TestCase
{
    public function test_creates_missing_directories_and_accepts_existing_ones(): void
    {
        $root = sys_get_temp_dir().'/image-dir-test-'.getmypid();
        $file = "$root/products/sku-1/1.jpg";
        ImageDirectory::ensureFor($file);
        $this->assertDirectoryExists("$root/products/sku-1");
        ImageDirectory::ensureFor($file); // already there: no "mkdir(): File exists"
        $this->assertDirectoryExists("$root/products/sku-1");
        rmdir("$root/products/sku-1");
        rmdir("$root/products");
        rmdir($root);
    }

    public function test_a_path_that_cannot_be_a_directory_is_an_error(): void
    {
        $blocker = tempnam(sys_get_temp_dir(), 'image-dir-blocker-');
        try {
            $this->expectException(\RuntimeException::class);
            ImageDirectory::ensureFor("$blocker/1.jpg");
        } finally {
            unlink($blocker);
        }
    }
}
