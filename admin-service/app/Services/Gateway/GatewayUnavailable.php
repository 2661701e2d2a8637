<?php

namespace App\Services\Gateway;

use RuntimeException;

/** The gateway could not be reached or answered with a server error. */
class GatewayUnavailable extends RuntimeException
{
}
