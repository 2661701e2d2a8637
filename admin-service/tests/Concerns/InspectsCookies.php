<?php

namespace Tests\Concerns;

use Symfony\Component\HttpFoundation\Cookie;

/** Reads Set-Cookie headers of a test response. */
trait InspectsCookies
{
    protected function findResponseCookie($response, string $name): ?Cookie
    {
        foreach ($response->headers->getCookies() as $cookie) {
            if ($cookie->getName() === $name) {
                return $cookie;
            }
        }

        return null;
    }

    protected function responseCookie($response, string $name): Cookie
    {
        $cookie = $this->findResponseCookie($response, $name);
        $this->assertNotNull($cookie, "the response sets no $name cookie");

        return $cookie;
    }
}
