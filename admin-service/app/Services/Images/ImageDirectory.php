<?php

namespace App\Services\Images;

/** Creates the directory of an image file, tolerating another process creating it at the same moment. */
final class ImageDirectory
{
    public static function ensureFor(string $file): void
    {
        $dir = dirname($file);
        // two painters (or queue workers) may both see it missing: losing that race is fine
        if (! is_dir($dir) && ! @mkdir($dir, 0755, true) && ! is_dir($dir)) {
            throw new \RuntimeException("could not create the image directory $dir");
        }
    }
}
