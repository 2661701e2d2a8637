<?php

namespace App\Services\Orders;

/**
 * The gateway's order state machine as data (GET /api/orders/state-machine). The admin keeps no
 * copy of the transitions: it reads them from the gateway to offer only the legal moves, and the
 * gateway enforces them again on every change.
 */
final class OrderStateMachine
{
    /**
     * @param list<string> $statuses
     * @param array<string, list<string>> $transitions
     * @param list<string> $manualTargets statuses an operator may set by hand
     */
    public function __construct(
        public readonly array $statuses,
        public readonly array $transitions,
        public readonly array $manualTargets,
    ) {
    }

    /** @param array<string, mixed> $body */
    public static function fromGateway(array $body): self
    {
        $list = static fn ($v) => array_values(array_filter(is_array($v) ? $v : [], 'is_string'));
        $transitions = [];
        foreach (is_array($body['transitions'] ?? null) ? $body['transitions'] : [] as $from => $targets) {
            $transitions[(string) $from] = $list($targets);
        }
        $machine = new self($list($body['statuses'] ?? []), $transitions, $list($body['manualTargets'] ?? []));
        if ($machine->statuses === []) {
            throw new \UnexpectedValueException('the gateway sent an empty order state machine');
        }

        return $machine;
    }

    public function isStatus(string $status): bool
    {
        return in_array($status, $this->statuses, true);
    }

    /** May an admin move an order from $from to $to? */
    public function canMove(string $from, string $to): bool
    {
        return in_array($to, $this->manualTargets, true) && in_array($to, $this->transitions[$from] ?? [], true);
    }

    /** The moves an admin may make from $from, in the machine's order. @return list<string> */
    public function movesFrom(string $from): array
    {
        return array_values(array_filter($this->transitions[$from] ?? [], fn (string $to) => $this->canMove($from, $to)));
    }
}
