<?php

namespace App\Services\Broadcasting;

use App\Models\OrderStatusChange;

/**
 * One row of an order's status history as the order page shows it (when, from, to, by whom, why).
 * The page renders its rows from it (admin/orders/_history-row) and order.status_changed carries
 * it, so an open page adds the very row a reload would show: same time zone, same "by".
 */
final class OrderHistoryRow
{
    /** @return array{id: int, at: string, from: string, to: string, by: string, reason: ?string} */
    public static function of(OrderStatusChange $change, string $timezone): array
    {
        return [
            'id' => (int) $change->id,
            'at' => $change->created_at->copy()->setTimezone($timezone)->format('Y-m-d H:i:s'),
            'from' => (string) $change->from_status,
            'to' => (string) $change->to_status,
            'by' => (string) ($change->actor?->email ?? $change->source),
            'reason' => ($change->reason ?? '') === '' ? null : (string) $change->reason,
        ];
    }

    /** The empty row the page keeps in a <template> for its script to fill. */
    public static function blank(): array
    {
        return ['id' => '', 'at' => '', 'from' => '', 'to' => '', 'by' => '', 'reason' => ''];
    }
}
