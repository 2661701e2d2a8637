<?php

namespace Tests\Feature;

use App\Support\AdminSections;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/** The admin shell: every sidebar link answers (no 404s), placeholders say what they are, flash messages show. */
class LayoutTest extends TestCase
{
    use LogsInThroughGateway;

    public function test_every_sidebar_link_opens_a_page_with_the_sidebar(): void
    {
        $this->logInAs('admin');
        $page = $this->get('/products')->assertOk();

        foreach (AdminSections::all() as $section) {
            $url = route($section['route']);
            $page->assertSee('href="'.$url.'"', false);
            $this->get($url)->assertOk()->assertSee('data-testid="sidebar"', false);
        }
    }

    public function test_sections_nobody_built_yet_are_labelled_as_coming_later_without_data(): void
    {
        $this->logInAs('admin');

        foreach (['/products' => 'Products', '/categories' => 'Categories', '/orders' => 'Orders', '/reports' => 'Reports'] as $path => $label) {
            $response = $this->get($path);
            if (! str_contains($response->getContent(), 'data-testid="coming-soon"')) {
                continue; // the real page has landed
            }
            $response->assertSee('Coming in a later release')->assertSee("<title>$label", false);
        }
    }

    public function test_flash_messages_render_and_the_active_section_is_marked(): void
    {
        $this->logInAs('admin');

        $this->withSession(['success' => 'Saved the thing.', 'error' => 'Something broke.'])->get('/reports')
            ->assertSee('data-testid="flash-success"', false)->assertSee('Saved the thing.')
            ->assertSee('data-testid="flash-error"', false)->assertSee('Something broke.')
            ->assertSee('aria-current="page"', false);
    }

    public function test_the_shell_loads_the_built_assets_and_the_theme_before_paint(): void
    {
        $this->logInAs('admin');
        $html = $this->get('/reports')->assertOk()->getContent();

        $this->assertMatchesRegularExpression('#<link rel="stylesheet" href="[^"]+/build/assets/app-[^"]+\.css">#', $html);
        $this->assertMatchesRegularExpression('#<script type="module" src="[^"]+/build/assets/app-[^"]+\.js"></script>#', $html);
        $this->assertLessThan(strpos($html, 'rel="stylesheet"'), strpos($html, "localStorage.getItem('theme')"));
    }

    public function test_the_phone_drawer_is_closed_in_the_served_html_before_alpine_runs(): void
    {
        $this->logInAs('admin');
        $html = $this->get('/dashboard')->assertOk()->getContent();

        $this->assertMatchesRegularExpression('#<aside data-testid="sidebar"\s+class="[^"]*(?<![\w:-])-translate-x-full[^"]*lg:translate-x-0#', $html,
            'without it a phone paints the drawer open and Alpine slides it away on every page load');
    }

    public function test_state_changing_requests_need_the_csrf_token(): void
    {
        $this->logInAs('admin');
        $this->app['env'] = 'local'; // Laravel skips the CSRF check while running unit tests

        $this->post('/logout')->assertStatus(419);
        $this->post('/login', ['email' => 'a@example.com', 'password' => 'x'])->assertStatus(419);

        $this->withSession(['_token' => 'known-token'])->post('/logout', ['_token' => 'known-token'])->assertRedirect('/login');
    }
}
