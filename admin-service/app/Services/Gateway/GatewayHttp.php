<?php

namespace App\Services\Gateway;

/**
 * Minimal JSON-over-HTTP client for the gateway (curl; Guzzle isn't available from Debian here).
 */
class GatewayHttp
{
    public function __construct(private readonly string $baseUrl, private readonly float $timeoutSeconds)
    {
    }

    /**
     * @param array<string, mixed>|null $json
     * @param array<string, string> $headers
     */
    public function send(string $method, string $path, ?array $json = null, array $headers = []): GatewayResponse
    {
        $curl = curl_init($this->baseUrl.$path);
        $lines = ['Accept: application/json'];
        foreach ($headers as $name => $value) {
            $lines[] = "$name: $value";
        }
        if ($json !== null) {
            $lines[] = 'Content-Type: application/json';
            curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($json, JSON_THROW_ON_ERROR));
        }
        $responseHeaders = [];
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$responseHeaders): int {
                if (str_contains($line, ':')) {
                    [$name, $value] = explode(':', $line, 2);
                    $responseHeaders[strtolower(trim($name))] = trim($value);
                }

                return strlen($line);
            },
        ]);
        $raw = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $error = curl_error($curl);
        curl_close($curl);
        if ($raw === false || $status === 0) {
            throw new GatewayUnavailable("gateway $method $path failed: $error");
        }
        if ($status >= 500) {
            throw new GatewayUnavailable("gateway $method $path answered $status");
        }

        return new GatewayResponse($status, $responseHeaders, $raw === '' ? null : json_decode($raw, true));
    }
}
