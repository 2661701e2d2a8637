/**
 * Access tokens whose signature and claims were verified, by their exact text, until they expire.
 * A shopper sends the same token with every request for its whole lifetime, and the RS256 check
 * costs ~0.1 ms of CPU each time. The result for the same bytes can only change by expiry (checked
 * on every read) or by a key change: an entry remembers the key object that verified it, and is a
 * miss once its kid names another key or none (rotation, reload). Revocation is never cached here:
 * AuthService.authenticate checks the denylists and the user's state on every request. Only
 * verified tokens enter, so forged ones can't fill it; it is bounded, oldest out first.
 */
export class VerifiedTokenCache<K, T extends { exp: number }> {
  private readonly entries = new Map<string, { kid: string; key: K; claims: Readonly<T> }>();

  constructor(
    private readonly maxEntries: number,
    private readonly clockToleranceSeconds: number,
  ) {}

  /** The claims of a cached token still valid at `nowSeconds` and still verified by the key its kid names. */
  get(token: string, nowSeconds: number, keyFor: (kid: string) => K | undefined): Readonly<T> | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.claims.exp <= nowSeconds - this.clockToleranceSeconds || keyFor(hit.kid) !== hit.key) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.claims;
  }

  set(token: string, kid: string, key: K, claims: T): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { kid, key, claims: Object.freeze(claims) });
  }

  get size(): number {
    return this.entries.size;
  }
}
