<?php

namespace Tests\Concerns;

use App\Models\User;
use Illuminate\Support\Str;

/**
 * Feature tests sign in exactly as people do: a real `users` row (bcrypt password) and a real
 * POST /api/auth/login on the running gateway, whose RS256 token the admin's guard then verifies.
 * Rows are committed (the gateway must see them) and deleted after each test.
 *
 *   $user = $this->logInAs('admin');          // access_token cookie set for the next requests
 *   $pair = $this->loginThroughGateway($user); // ['accessToken', 'refreshToken', 'expiresIn', 'user']
 */
trait LogsInThroughGateway
{
    protected static string $gatewayTestPassword = 'Gateway-Test-Passw0rd-1';

    /** @var list<int> */
    private array $gatewayTestUserIds = [];

    /** The pair of the last logInAs(). @var array<string, mixed> */
    protected array $gatewayTokens = [];

    /** @param array<string, mixed> $attributes */
    protected function createGatewayUser(string $role = User::ROLE_ADMIN, array $attributes = []): User
    {
        $user = new User();
        $user->forceFill(array_merge([
            'email' => 'admin-auth-'.Str::lower(Str::random(12)).'@example.test',
            'name' => ucfirst($role).' '.Str::random(4),
            'password_hash' => password_hash(static::$gatewayTestPassword, PASSWORD_BCRYPT, ['cost' => 4]),
            'role' => $role,
        ], $attributes))->save();
        if ($this->gatewayTestUserIds === []) {
            $this->beforeApplicationDestroyed(fn () => User::query()->whereIn('id', $this->gatewayTestUserIds)->delete());
        }
        $this->gatewayTestUserIds[] = $user->id;

        return $user->refresh();
    }

    /** POST /api/auth/login on the real gateway. @return array<string, mixed> the token pair */
    protected function loginThroughGateway(User $user, ?string $password = null): array
    {
        $response = $this->gatewayRequest('POST', '/api/auth/login', ['email' => $user->email, 'password' => $password ?? static::$gatewayTestPassword]);
        $this->assertSame(200, $response['status'], 'gateway login failed: '.json_encode($response['body']));

        return $response['body'];
    }

    /** Creates a user, logs in at the gateway and sends its access token as the `access_token` cookie from now on. */
    protected function logInAs(string $role = User::ROLE_ADMIN, array $attributes = []): User
    {
        $user = $this->createGatewayUser($role, $attributes);
        $this->gatewayTokens = $this->loginThroughGateway($user);
        $this->withUnencryptedCookie('access_token', $this->gatewayTokens['accessToken']);

        return $user;
    }

    /**
     * A raw call to the running gateway from a random client address (198.18.0.0/15, forwarded the
     * way the admin forwards browsers) so the suite doesn't trip the gateway's per-IP login limit.
     *
     * @return array{status: int, body: mixed}
     */
    protected function gatewayRequest(string $method, string $path, ?array $json = null, ?string $bearer = null): array
    {
        $headers = ['X-Forwarded-For' => $this->gatewayTestClientIp()];
        if ($bearer !== null) {
            $headers['Authorization'] = 'Bearer '.$bearer;
        }
        $response = app(\App\Services\Gateway\GatewayHttp::class)->send($method, $path, $json, $headers);

        return ['status' => $response->status, 'body' => $response->body];
    }

    protected function gatewayTestClientIp(): string
    {
        return '198.'.random_int(18, 19).'.'.random_int(0, 255).'.'.random_int(1, 254);
    }
}
