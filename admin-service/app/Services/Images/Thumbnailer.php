<?php

namespace App\Services\Images;

/** GD: decodes an image and writes a JPEG thumbnail that fits a square box, keeping the aspect ratio. */
class Thumbnailer
{
    public const SIZE = 320;

    /** @throws \RuntimeException with a reason a person can read */
    public function make(string $sourceBytes, string $targetFile): array
    {
        $source = @imagecreatefromstring($sourceBytes);
        if ($source === false) {
            throw new \RuntimeException('the file is not a decodable image (corrupt or fake image content)');
        }
        try {
            [$w, $h] = [imagesx($source), imagesy($source)];
            $scale = min(1, self::SIZE / max($w, $h));
            [$tw, $th] = [max(1, (int) round($w * $scale)), max(1, (int) round($h * $scale))];
            $thumb = imagecreatetruecolor($tw, $th);
            imagefill($thumb, 0, 0, imagecolorallocate($thumb, 255, 255, 255));
            imagecopyresampled($thumb, $source, 0, 0, 0, 0, $tw, $th, $w, $h);
            ImageDirectory::ensureFor($targetFile);
            if (! imagejpeg($thumb, $targetFile, 82)) {
                throw new \RuntimeException('the thumbnail could not be written');
            }
            imagedestroy($thumb);

            return [$tw, $th];
        } finally {
            imagedestroy($source);
        }
    }
}
