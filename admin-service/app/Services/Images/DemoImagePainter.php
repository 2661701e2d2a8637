<?php

namespace App\Services\Images;

/**
 * Paints a demo product picture with GD, deterministically: the same (path, label) always gives
 * the same pixels (colours and shapes come from crc32 of the path), so reseeding is reproducible.
 */
class DemoImagePainter
{
    public const SIZE = 400;

    public function paint(string $path, string $label, string $targetFile): void
    {
        $seed = crc32($path);
        $img = imagecreatetruecolor(self::SIZE, self::SIZE);
        $hue = $seed % 360;
        [$r, $g, $b] = $this->hsl($hue, 0.55, 0.86);
        imagefill($img, 0, 0, imagecolorallocate($img, $r, $g, $b));
        [$r, $g, $b] = $this->hsl(($hue + 180) % 360, 0.5, 0.45);
        $accent = imagecolorallocate($img, $r, $g, $b);
        [$r, $g, $b] = $this->hsl(($hue + 40) % 360, 0.6, 0.6);
        $second = imagecolorallocate($img, $r, $g, $b);
        $s = self::SIZE;
        match ($seed % 3) {
            0 => imagefilledellipse($img, (int) ($s / 2), (int) ($s * 0.45), (int) ($s * 0.55), (int) ($s * 0.55), $accent),
            1 => imagefilledrectangle($img, (int) ($s * 0.22), (int) ($s * 0.2), (int) ($s * 0.78), (int) ($s * 0.7), $accent),
            default => imagefilledpolygon($img, [(int) ($s / 2), (int) ($s * 0.15), (int) ($s * 0.8), (int) ($s * 0.72), (int) ($s * 0.2), (int) ($s * 0.72)], $accent),
        };
        imagefilledellipse($img, (int) ($s * (0.25 + ($seed >> 8) % 50 / 100)), (int) ($s * 0.62), (int) ($s * 0.22), (int) ($s * 0.22), $second);
        $black = imagecolorallocate($img, 30, 30, 30);
        $lines = array_slice(explode("\n", wordwrap($label, 38, "\n", true)), 0, 3);
        foreach ($lines as $i => $line) {
            $x = (int) max(4, ($s - imagefontwidth(4) * strlen($line)) / 2);
            imagestring($img, 4, $x, (int) ($s * 0.8) + $i * 18, $line, $black);
        }
        ImageDirectory::ensureFor($targetFile);
        imagejpeg($img, $targetFile, 80);
        imagedestroy($img);
    }

    /** @return array{int, int, int} */
    private function hsl(int $h, float $s, float $l): array
    {
        $c = (1 - abs(2 * $l - 1)) * $s;
        $x = $c * (1 - abs(fmod($h / 60, 2) - 1));
        $m = $l - $c / 2;
        [$r, $g, $b] = match (intdiv($h, 60)) {
            0 => [$c, $x, 0], 1 => [$x, $c, 0], 2 => [0, $c, $x], 3 => [0, $x, $c], 4 => [$x, 0, $c], default => [$c, 0, $x],
        };

        return [(int) round(($r + $m) * 255), (int) round(($g + $m) * 255), (int) round(($b + $m) * 255)];
    }
}
