<?php

namespace Tests\Feature\Catalog;

use App\Models\ProductImage;
use Illuminate\Http\UploadedFile;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** Image upload: content sniffing, size limit, the thumbnail job (sync queue in tests), failure with a reason. */
class ProductImagesTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    private string $root;

    protected function setUp(): void
    {
        parent::setUp();
        $this->root = $this->useTemporaryDisk('media');
    }

    private function png(int $w, int $h): UploadedFile
    {
        $img = imagecreatetruecolor($w, $h);
        imagefill($img, 0, 0, imagecolorallocate($img, 200, 30, 90));
        $file = tempnam(sys_get_temp_dir(), 'img');
        imagepng($img, $file);

        return new UploadedFile($file, 'photo.png', 'image/png', null, true);
    }

    public function test_a_real_image_gets_a_thumbnail_and_becomes_ready(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());

        $this->post("/products/{$product->id}/images", ['images' => [$this->png(1200, 600), $this->png(50, 80)]])->assertSessionHasNoErrors();

        $images = ProductImage::query()->where('product_id', $product->id)->orderBy('position')->get();
        $this->assertCount(2, $images);
        $this->assertSame(['ready', 'ready'], $images->pluck('status')->all());
        $this->assertSame('image/png', $images[0]->mime_type);
        $this->assertSame([1, 2], $images->pluck('position')->all());
        [$w, $h, $type] = getimagesize($this->root.'/'.$images[0]->thumbnail_path);
        $this->assertSame([320, 160, IMAGETYPE_JPEG], [$w, $h, $type]);
        $this->assertSame([50, 80], array_slice(getimagesize($this->root.'/'.$images[1]->thumbnail_path), 0, 2), 'small images are not enlarged');
        $this->getJson("/products/{$product->id}/images")->assertOk()->assertJsonPath('data.0.status', 'ready')
            ->assertJsonPath('data.0.thumbnail', '/media/'.$images[0]->thumbnail_path);
    }

    public function test_a_fake_image_is_a_validation_error_naming_its_real_type(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());
        $fake = UploadedFile::fake()->createWithContent('photo.jpg', "#!/bin/sh\necho not an image\n");

        $this->post("/products/{$product->id}/images", ['images' => [$fake]])
            ->assertSessionHasErrors(['images.0' => 'The image must be a JPEG, PNG, WebP or GIF image (its content is text/x-shellscript).']);
        $this->assertSame(0, ProductImage::query()->where('product_id', $product->id)->count());
    }

    public function test_an_image_over_the_size_limit_is_refused(): void
    {
        $this->signIn();
        config(['catalog.image_max_kb' => 1]);
        $product = $this->product($this->category('A'), $this->brand());
        $this->post("/products/{$product->id}/images", ['images' => [$this->png(800, 800)]])->assertSessionHasErrors('images.0');
        $this->assertSame(0, ProductImage::query()->where('product_id', $product->id)->count());
    }

    public function test_a_corrupt_image_with_a_valid_signature_fails_in_the_job_with_the_reason(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());
        $bytes = file_get_contents($this->png(64, 64)->getRealPath());
        $corrupt = tempnam(sys_get_temp_dir(), 'img');
        file_put_contents($corrupt, substr($bytes, 0, 40)); // PNG signature + IHDR, no pixel data

        $this->post("/products/{$product->id}/images", ['images' => [new UploadedFile($corrupt, 'broken.png', 'image/png', null, true)]])->assertSessionHasNoErrors();
        $image = ProductImage::query()->where('product_id', $product->id)->firstOrFail();
        $this->assertSame('failed', $image->status);
        $this->assertStringContainsString('not a decodable image', $image->failure_reason);
        $this->get("/products/{$product->id}/edit")->assertOk()->assertSee('not a decodable image');
    }

    public function test_images_are_reordered_and_removed_with_their_files(): void
    {
        $this->signIn();
        $product = $this->product($this->category('A'), $this->brand());
        $this->post("/products/{$product->id}/images", ['images' => [$this->png(30, 30), $this->png(40, 40), $this->png(50, 50)]])->assertSessionHasNoErrors();
        [$a, $b, $c] = ProductImage::query()->where('product_id', $product->id)->orderBy('position')->pluck('id')->all();

        $this->get("/products/{$product->id}/edit")->assertOk()->assertSee('Move image 2 earlier');
        $this->put("/products/{$product->id}/images/order", ['order' => [$c, $a, $b]])->assertSessionHasNoErrors();
        $this->assertSame([$c, $a, $b], ProductImage::query()->where('product_id', $product->id)->orderBy('position')->pluck('id')->all());

        $image = ProductImage::query()->find($a);
        $this->delete("/products/{$product->id}/images/{$a}")->assertRedirect();
        $this->assertNull(ProductImage::query()->find($a));
        $this->assertFileDoesNotExist($this->root.'/'.$image->path);
        $this->assertFileDoesNotExist($this->root.'/'.$image->thumbnail_path);
        $other = $this->product($this->category('B'), $this->brand());
        $this->delete("/products/{$other->id}/images/{$b}")->assertNotFound();
    }
}
