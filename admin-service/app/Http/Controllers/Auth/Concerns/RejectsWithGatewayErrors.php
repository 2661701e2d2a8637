<?php

namespace App\Http\Controllers\Auth\Concerns;

use App\Services\Gateway\GatewayResponse;
use Illuminate\Validation\ValidationException;

/** Turns a refused gateway call into form errors: its throttle (429 + Retry-After), its field errors, else $fallback. */
trait RejectsWithGatewayErrors
{
    /**
     * @param list<string> $formFields fields of this form the gateway may name
     * @throws ValidationException always
     */
    protected function rejectWith(GatewayResponse $response, string $field, string $fallback, array $formFields = []): never
    {
        if ($response->status === 429) {
            $seconds = (int) ($response->headers['retry-after'] ?? 60);
            throw ValidationException::withMessages([$field => trans('auth.throttle', ['seconds' => $seconds])])->status(429);
        }
        $errors = array_intersect_key($response->fieldErrors(), array_flip($formFields));
        throw ValidationException::withMessages($errors ?: [$field => $fallback]);
    }
}
