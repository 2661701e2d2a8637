<?php

namespace App\Services\Orders;

use App\Models\Order;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;

/**
 * Moves an order through the gateway, the only writer of order status: the gateway checks the
 * state machine, applies the stock effect, records the change (who, when, from, to) in
 * order_status_history and writes order.status_changed to the outbox in one transaction.
 * The admin never refuses a move on its own, so its view of the machine can't silently drift.
 */
class OrderStatusChanger
{
    public function __construct(private GatewayOrdersClient $gateway)
    {
    }

    /** @throws ValidationException (field "status") when the gateway refuses the move */
    public function change(Order $order, string $status, string $accessToken): string
    {
        $from = $order->status;
        $response = $this->gateway->changeStatus($order->id, $status, $accessToken);
        if ($response->status === 404) {
            throw new NotFoundHttpException("Order {$order->id} not found");
        }
        if (! $response->ok()) {
            $message = in_array($response->status, [409, 422], true)
                ? $response->message()
                : ($response->fieldErrors()['status'] ?? $response->message());
            throw ValidationException::withMessages(['status' => "Cannot move order {$order->number} from {$from} to {$status}: {$message}"])
                ->status($response->status === 409 ? 409 : 422);
        }

        return (string) ($response->body['status'] ?? $status);
    }
}
