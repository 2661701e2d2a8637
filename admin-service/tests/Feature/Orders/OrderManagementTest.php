<?php

namespace Tests\Feature\Orders;

use App\Models\User;
use Illuminate\Support\Facades\DB;
use Tests\Concerns\CreatesOrders;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/**
 * Orders in the admin over the platform database and the running gateway (which alone moves
 * orders). Fixture orders are dated 2012 so the date-bounded checks see only them.
 */
class OrderManagementTest extends TestCase
{
    use LogsInThroughGateway, CreatesOrders;

    private User $admin;

    protected function setUp(): void
    {
        parent::setUp();
        $this->registerOrderCleanup();
        $this->admin = $this->logInAs('admin');
        $this->withCredentials(); // JSON requests carry the access_token cookie too
    }

    /** @return list<string> order numbers listed by GET /orders?$query */
    private function listed(array $query): array
    {
        $page = $this->get('/orders?'.http_build_query($query))->assertOk()->getContent();
        preg_match_all('#<tr data-testid="order-row" data-order-id="(\d+)">\s*<td[^>]*>([^<]+)</td>#', $page, $m);

        return $m[2];
    }

    public function test_each_filter_narrows_the_list_and_they_combine(): void
    {
        $ann = $this->createGatewayUser('customer', ['email' => 'ann-'.strtolower($this->fixtureTag()).'@example.test']);
        $bob = $this->createGatewayUser('customer');
        $cat = $this->createCategory('Orders filter '.$this->fixtureTag());
        $mug = $this->createProduct($this->fixtureTag().'-MUG', '10.00', $cat);
        $tee = $this->createProduct($this->fixtureTag().'-TEE', '25.00', $cat);
        $t = $this->fixtureTag();
        $this->createOrder($ann, 'paid', '2012-03-01 10:00:00+00', [[$mug, 1]]);            // -1: 10.00
        $this->createOrder($ann, 'shipped', '2012-03-05 10:00:00+00', [[$tee, 2]]);         // -2: 50.00
        $this->createOrder($bob, 'paid', '2012-03-09 10:00:00+00', [[$mug, 3], [$tee, 1]]); // -3: 55.00
        $this->createOrder($bob, 'cancelled', '2012-04-02 10:00:00+00', [[$tee, 4]]);       // -4: 100.00
        $year = ['from' => '2012-01-01', 'to' => '2012-12-31'];

        $this->assertSame(["$t-4", "$t-3", "$t-2", "$t-1"], $this->listed($year), 'newest first');
        $this->assertSame(["$t-3", "$t-1"], $this->listed($year + ['status' => 'paid']));
        $this->assertSame(["$t-2", "$t-1"], $this->listed($year + ['email' => strtoupper($ann->email)]), 'email is case-insensitive');
        $this->assertSame(["$t-3", "$t-2"], $this->listed($year + ['total_min' => '50', 'total_max' => '55.00']));
        $this->assertSame(["$t-3", "$t-1"], $this->listed($year + ['sku' => "$t-MUG"]));
        $this->assertSame(["$t-2", "$t-1"], $this->listed(['from' => '2012-03-01', 'to' => '2012-03-05']), 'to is inclusive');
        $this->assertSame(["$t-3"], $this->listed($year + ['sku' => "$t-MUG", 'email' => $bob->email, 'status' => 'paid', 'total_min' => 20]));
        $this->assertSame([], $this->listed($year + ['sku' => "$t-NOPE"]));
    }

    public function test_the_detail_page_shows_lines_payment_and_history(): void
    {
        $customer = $this->createGatewayUser('customer');
        $cat = $this->createCategory('Orders detail '.$this->fixtureTag());
        $mug = $this->createProduct($this->fixtureTag().'-MUG', '12.50', $cat);
        $id = $this->createOrder($customer, 'paid', '2012-05-01 08:00:00+00', [[$mug, 2]]);
        DB::table('payments')->insert(['order_id' => $id, 'provider' => 'fake', 'provider_ref' => 'ch_fixture_1', 'status' => 'succeeded', 'amount' => '25.00', 'currency' => 'USD']);
        DB::table('order_status_history')->insert(['order_id' => $id, 'from_status' => 'pending', 'to_status' => 'paid', 'source' => 'payment']);

        $this->get("/orders/{$id}")->assertOk()
            ->assertSee($this->fixtureTag().'-MUG')->assertSee('25.00 USD')->assertSee('ch_fixture_1')->assertSee('succeeded')
            ->assertSee('pending → <strong>paid</strong>', false)->assertSee('by payment')
            ->assertSee('data-testid="move-shipped"', false)->assertSee('data-testid="move-refunded"', false)
            ->assertDontSee('data-testid="move-delivered"', false);
    }

    public function test_a_status_change_goes_through_the_gateway_is_recorded_and_emits_the_order_event(): void
    {
        $customer = $this->createGatewayUser('customer');
        $id = $this->createOrder($customer, 'paid', '2012-06-01 08:00:00+00', [], '30.00');
        $outboxBefore = (int) DB::table('outbox')->max('id');

        $this->post("/orders/{$id}/status", ['status' => 'shipped'])
            ->assertRedirect("/orders/{$id}")->assertSessionHas('success');

        $this->assertSame('shipped', DB::table('orders')->where('id', $id)->value('status'));
        $history = DB::table('order_status_history')->where('order_id', $id)->get();
        $this->assertCount(1, $history);
        $this->assertSame(['paid', 'shipped', $this->admin->id, 'admin'], [$history[0]->from_status, $history[0]->to_status, (int) $history[0]->actor_user_id, $history[0]->source]);
        $this->assertNotNull($history[0]->created_at);
        $events = DB::table('outbox')->where('id', '>', $outboxBefore)->where('aggregate_id', (string) $id)->get();
        $this->assertSame(['order.status_changed'], $events->pluck('event_type')->all());
        $payload = json_decode($events[0]->payload, true);
        $this->assertSame(['shipped', 'paid', (string) $customer->id], [$payload['status'], $payload['previousStatus'], $payload['userId']]);

        $this->get("/orders/{$id}")->assertSee('paid → <strong>shipped</strong>', false)->assertSee('by '.$this->admin->email);
    }

    public function test_the_admin_and_the_gateway_agree_on_every_pair_of_states(): void
    {
        $machine = app(\App\Services\Orders\GatewayOrdersClient::class)->stateMachine($this->gatewayTokens['accessToken']);
        $this->assertCount(7, $machine->statuses);
        $customer = $this->createGatewayUser('customer');
        $disagreements = [];
        $allowed = 0;
        foreach ($machine->statuses as $from) {
            foreach ($machine->statuses as $to) {
                $id = $this->createOrder($customer, $from, '2012-07-01 08:00:00+00', [], '5.00');
                $response = $this->postJson("/orders/{$id}/status", ['status' => $to]);
                $moved = DB::table('orders')->where('id', $id)->value('status') === $to && $from !== $to;
                $expected = $machine->canMove($from, $to);
                $allowed += $expected ? 1 : 0;
                if ($moved !== $expected || $response->status() !== ($expected ? 200 : ($machine->manualTargets === [] || in_array($to, $machine->manualTargets, true) ? 409 : 422))) {
                    $disagreements[] = "$from -> $to: admin says ".($expected ? 'allowed' : 'refused').", gateway answered {$response->status()}";
                }
            }
        }
        $this->assertSame([], $disagreements);
        $this->assertSame(6, $allowed, 'pending->cancelled, paid->shipped|cancelled|refunded, shipped->delivered, delivered->refunded');
    }

    public function test_bad_input_gets_a_message_naming_the_field(): void
    {
        $customer = $this->createGatewayUser('customer');
        $cancelled = $this->createOrder($customer, 'cancelled', '2012-08-01 08:00:00+00', [], '5.00');

        $this->assertFieldError($this->postJson("/orders/{$cancelled}/status", ['status' => 'teleported'])->assertStatus(422), 'status', 'Unknown status "teleported"', 'shipped');
        $this->assertFieldError($this->postJson("/orders/{$cancelled}/status", ['status' => 'shipped'])->assertStatus(409), 'status', 'from cancelled to shipped', 'terminal');
        $this->post("/orders/{$cancelled}/status", ['status' => 'shipped'])->assertSessionHasErrors('status');
        $this->assertSame('cancelled', DB::table('orders')->where('id', $cancelled)->value('status'));
        $this->assertSame(0, DB::table('order_status_history')->where('order_id', $cancelled)->count());

        $this->getJson('/orders?from=2012-05-02&to=2012-05-01')->assertStatus(422)
            ->assertJsonPath('errors.to.0', 'The end date (to) must be on or after the start date (from).');
        $this->assertFieldError($this->getJson('/orders?from=2012-01-01&to=2017-01-02')->assertStatus(422), 'to', 'at most 5 years');
        $this->getJson('/orders?from=2012-01-01&to=2017-01-01')->assertOk();
        $this->assertFieldError($this->getJson('/orders?status=lost')->assertStatus(422), 'status', 'Unknown status "lost"');
        $this->getJson('/orders?total_min=50&total_max=10')->assertStatus(422)->assertJsonValidationErrors('total_max');
        $this->getJson('/orders?from=2012-02-30')->assertStatus(422)->assertJsonValidationErrors('from');
    }

    /** The first validation message of $field contains every one of $parts. */
    private function assertFieldError(\Illuminate\Testing\TestResponse $response, string $field, string ...$parts): void
    {
        $message = (string) $response->json("errors.{$field}.0");
        foreach ($parts as $part) {
            $this->assertStringContainsString($part, $message, "message of {$field}");
        }
    }

    public function test_a_customer_gets_403(): void
    {
        $this->logInAs('customer');

        $this->get('/orders')->assertForbidden();
    }
}
