<?php

namespace App\Services\Gateway;

/** Status, headers (lower-cased names) and decoded JSON body of a gateway call. */
final class GatewayResponse
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly mixed $body,
    ) {
    }

    public function ok(): bool
    {
        return $this->status >= 200 && $this->status < 300;
    }

    /** The gateway's error message ({message} or {error:{message}}), for logs and form errors. */
    public function message(): string
    {
        $body = is_array($this->body) ? $this->body : [];
        $message = $body['message'] ?? ($body['error']['message'] ?? null);

        return is_string($message) ? $message : "gateway answered {$this->status}";
    }

    /** Field errors of a 400 ({details:[{field, message}]}) keyed by field. @return array<string, string> */
    public function fieldErrors(): array
    {
        $details = is_array($this->body) ? ($this->body['details'] ?? ($this->body['error']['details'] ?? [])) : [];
        $errors = [];
        foreach (is_array($details) ? $details : [] as $detail) {
            if (is_array($detail) && is_string($detail['field'] ?? null) && is_string($detail['message'] ?? null)) {
                $errors[$detail['field']] ??= $detail['message'];
            }
        }

        return $errors;
    }
}
