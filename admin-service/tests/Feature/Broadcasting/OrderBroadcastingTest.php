<?php

namespace Tests\Feature\Broadcasting;

use App\Services\Broadcasting\OrderOutboxRelay;
use Illuminate\Support\Carbon;
use Illuminate\Support\Facades\DB;
use Tests\Concerns\CreatesOrders;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/**
 * Laravel broadcasting of order events on the real Redis and gateway: channel authorization
 * through the shared identity, and the outbox relay publishing what the Echo server relays.
 */
class OrderBroadcastingTest extends TestCase
{
    use LogsInThroughGateway, CreatesOrders;

    protected function setUp(): void
    {
        parent::setUp();
        $this->registerOrderCleanup();
    }

    public function test_only_admins_may_join_the_private_order_channels(): void
    {
        $this->logInAs('admin');
        $this->post('/broadcasting/auth', ['channel_name' => 'private-admin.orders', 'socket_id' => '1234.5678'])->assertOk();
        $this->post('/broadcasting/auth', ['channel_name' => 'private-admin.orders.42', 'socket_id' => '1234.5678'])->assertOk();
        $this->post('/broadcasting/auth', ['channel_name' => 'private-admin.orders.x', 'socket_id' => '1234.5678'])->assertForbidden();
        $this->post('/broadcasting/auth', ['channel_name' => 'private-somebody.else', 'socket_id' => '1234.5678'])->assertForbidden();

        $this->logInAs('customer');
        $this->post('/broadcasting/auth', ['channel_name' => 'private-admin.orders', 'socket_id' => '1234.5678'])->assertForbidden();
    }

    public function test_without_a_session_the_channel_is_refused(): void
    {
        $this->postJson('/broadcasting/auth', ['channel_name' => 'private-admin.orders', 'socket_id' => '1234.5678'])->assertUnauthorized();
    }

    public function test_a_status_change_in_the_outbox_is_published_on_both_order_channels(): void
    {
        $admin = $this->logInAs('admin');
        $customer = $this->createGatewayUser('customer');
        $id = $this->createOrder($customer, 'paid', '2012-09-01 08:00:00+00', [], '42.00');
        $relay = app(OrderOutboxRelay::class);
        $relay->startAtEnd();
        $redis = $this->subscribe('private-admin.orders*');

        $this->post("/orders/{$id}/status", ['status' => 'shipped'])->assertSessionHasNoErrors();
        $this->assertGreaterThanOrEqual(1, $relay->poll());

        $messages = $this->readMessages($redis, 2, fn (array $m) => ($m['data']['id'] ?? null) === $id);
        $this->assertEqualsCanonicalizing(['private-admin.orders', "private-admin.orders.{$id}"], array_column($messages, 'channel'));
        foreach ($messages as $m) {
            $this->assertSame('order.status_changed', $m['event']);
            $this->assertSame(['shipped', 'paid'], [$m['data']['status'], $m['data']['previousStatus']]);
        }
        // the order page's new history row, as the page renders it (who, when in the orders' time zone, from, to)
        $history = DB::table('order_status_history')->where('order_id', $id)->sole();
        $at = Carbon::parse($history->created_at)->setTimezone(config('orders.timezone'))->format('Y-m-d H:i:s');
        $this->assertSame(
            ['id' => (int) $history->id, 'at' => $at, 'from' => 'paid', 'to' => 'shipped', 'by' => $admin->email, 'reason' => null],
            $messages[0]['data']['history'],
        );
        $this->get("/orders/{$id}")->assertOk()->assertSeeInOrder([
            "data-history-id=\"{$history->id}\"", $at, 'paid → <strong>shipped</strong>', "by {$admin->email}",
        ], false);
        $this->assertSame(0, $relay->poll(), 'an event is broadcast once');
        fclose($redis);
    }

    public function test_a_status_change_without_its_history_row_is_published_without_one(): void
    {
        $this->logInAs('admin');
        $customer = $this->createGatewayUser('customer');
        $id = $this->createOrder($customer, 'paid', '2012-09-01 08:00:00+00', [], '42.00');
        // an older identical move of this order, outside the event's minute: not the event's row
        DB::table('order_status_history')->insert([
            'order_id' => $id, 'from_status' => 'paid', 'to_status' => 'shipped', 'source' => 'admin', 'created_at' => '2012-09-02 08:00:00+00',
        ]);
        $relay = app(OrderOutboxRelay::class);
        $relay->startAtEnd();
        $redis = $this->subscribe('private-admin.orders.'.$id);
        $this->post("/orders/{$id}/status", ['status' => 'shipped'])->assertSessionHasNoErrors();
        // the gateway's row of this move gone (as if it had written none): only the 2012 one is left
        $this->assertSame(1, DB::table('order_status_history')->where('order_id', $id)->where('created_at', '>', '2013-01-01')->delete());
        $this->assertGreaterThanOrEqual(1, $relay->poll());

        [$message] = $this->readMessages($redis, 1, fn (array $m) => ($m['data']['id'] ?? null) === $id);
        $this->assertSame('shipped', $message['data']['status']);
        $this->assertArrayHasKey('history', $message['data']);
        $this->assertNull($message['data']['history'], 'no row of that move: the page keeps its history until a reload');
        fclose($redis);
    }

    public function test_the_relay_sleeps_in_listen_and_the_order_worker_wakes_it_once_debezium_delivered_the_event(): void
    {
        $this->logInAs('admin');
        $customer = $this->createGatewayUser('customer');
        $id = $this->createOrder($customer, 'paid', '2012-09-01 08:00:00+00', [], '42.00');
        $relay = app(OrderOutboxRelay::class);
        $relay->startAtEnd();
        $relay->listen();
        $relay->poll();

        // gateway outbox -> Debezium outbox router -> Kafka -> order worker -> NOTIFY admin_order_events
        $this->post("/orders/{$id}/status", ['status' => 'shipped'])->assertSessionHasNoErrors();
        $started = microtime(true);
        $this->assertTrue($relay->waitForNotification(15_000), 'the order worker notifies admin_order_events');
        $this->assertLessThan(5.0, microtime(true) - $started);
        $this->assertGreaterThanOrEqual(1, $relay->poll());
    }

    public function test_a_wait_without_notification_ends_at_its_timeout(): void
    {
        $relay = app(OrderOutboxRelay::class);
        $relay->listen();
        while ($relay->waitForNotification(0)) {
            // drop anything queued by other activity
        }
        $started = microtime(true);
        $woken = $relay->waitForNotification(300);
        $this->assertTrue($woken || microtime(true) - $started >= 0.25, 'waited the timeout unless woken');
    }

    /** A raw RESP connection to the platform's Redis, pattern-subscribed. @return resource */
    private function subscribe(string $pattern)
    {
        $redis = fsockopen(config('database.redis.default.host'), (int) config('database.redis.default.port'), $errno, $error, 2);
        $this->assertNotFalse($redis, "redis: $error");
        if ($password = config('database.redis.default.password')) {
            fwrite($redis, "*2\r\n$4\r\nAUTH\r\n$".strlen($password)."\r\n{$password}\r\n");
            fgets($redis);
        }
        fwrite($redis, "*2\r\n$10\r\nPSUBSCRIBE\r\n$".strlen($pattern)."\r\n{$pattern}\r\n");
        $this->readReply($redis); // subscription confirmed

        return $redis;
    }

    /** @return list<array{channel: string, event: string, data: array}> the first $count pmessages accepted by $filter (5 s at most) */
    private function readMessages($redis, int $count, callable $filter): array
    {
        stream_set_timeout($redis, 5);
        $found = [];
        while (count($found) < $count) {
            $reply = $this->readReply($redis);
            $this->assertIsArray($reply, 'timed out waiting for a broadcast on Redis');
            if ($reply[0] !== 'pmessage') {
                continue;
            }
            $payload = json_decode($reply[3], true);
            $message = ['channel' => $reply[2], 'event' => $payload['event'], 'data' => $payload['data']];
            if ($filter($message)) {
                $found[] = $message;
            }
        }

        return $found;
    }

    private function readReply($redis): mixed
    {
        $line = fgets($redis);
        if ($line === false) {
            return null;
        }
        $type = $line[0];
        $body = substr($line, 1, -2);

        return match ($type) {
            '*' => array_map(fn () => $this->readReply($redis), range(1, max(1, (int) $body))),
            '$' => (int) $body < 0 ? null : substr(fread($redis, (int) $body + 2), 0, -2),
            ':' => (int) $body,
            default => $body,
        };
    }
}
