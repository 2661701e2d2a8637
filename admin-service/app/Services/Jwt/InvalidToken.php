<?php

namespace App\Services\Jwt;

use RuntimeException;

/** Any defect of an access token: the message says which check failed (logged, never shown). */
class InvalidToken extends RuntimeException
{
}
