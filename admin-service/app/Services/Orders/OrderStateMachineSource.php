<?php

namespace App\Services\Orders;

use App\Services\Gateway\GatewayUnavailable;
use Illuminate\Support\Facades\Auth;

/** The state machine as seen with the signed-in admin's token (memoized for the request). */
class OrderStateMachineSource
{
    private ?OrderStateMachine $machine = null;

    public function __construct(private GatewayOrdersClient $gateway)
    {
    }

    public function machine(): OrderStateMachine
    {
        if ($this->machine === null) {
            $token = Auth::guard('gateway')->token()?->token;
            if ($token === null) {
                throw new GatewayUnavailable('no gateway session to read the order state machine with');
            }
            $this->machine = $this->gateway->stateMachine($token);
        }

        return $this->machine;
    }
}
