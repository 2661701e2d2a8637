import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { hashApiKey, isWellFormedKey, keyPrefix } from './api-key-format';
import type { ApiKeyRepository, ApiKeyRow } from './api-key.repository';
import { ApiKeyService, judgeKey } from './api-key.service';

const KEY = 'cpk_' + 'A'.repeat(20) + '-_' + 'b9'.repeat(9);
const row = (over: Partial<ApiKeyRow> = {}): ApiKeyRow => ({
  id: 7,
  prefix: keyPrefix(KEY),
  scopes: ['ops:read'],
  expiresAt: null,
  revokedAt: null,
  ...over,
});
const now = new Date('2026-11-30T10:00:00Z');
const silent = { warn: jest.fn() } as never;

describe('API key format', () => {
  it('accepts cpk_ + 40 base64url chars only', () => {
    expect(KEY).toHaveLength(44);
    expect(isWellFormedKey(KEY)).toBe(true);
    expect(isWellFormedKey(KEY.slice(0, 43))).toBe(false);
    expect(isWellFormedKey(KEY + 'x')).toBe(false);
    expect(isWellFormedKey('xpk_' + KEY.slice(4))).toBe(false);
    expect(isWellFormedKey(KEY.slice(0, 43) + '=')).toBe(false);
    expect(isWellFormedKey(undefined)).toBe(false);
  });
  it('hash = sha256 hex of the whole key, prefix = first 12 chars', () => {
    expect(hashApiKey('cpk_abc')).toBe('3130de5dd1cd73f00c540b56db57c8c9f9c60ce0f7407f581f3ee3679bfa21f1');
    expect(hashApiKey(KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(KEY)).not.toBe(hashApiKey(KEY.slice(0, 43) + 'c'));
    expect(keyPrefix(KEY)).toBe('cpk_AAAAAAAA');
  });
});

describe('judgeKey', () => {
  it('unknown, revoked, expired, out of scope, ok', () => {
    expect(judgeKey(null, 'ops:read', now)).toBe('unknown');
    expect(judgeKey(row({ revokedAt: new Date('2026-11-30T09:59:59Z') }), 'ops:read', now)).toBe('revoked');
    expect(judgeKey(row({ expiresAt: new Date('2026-11-30T10:00:00Z') }), 'ops:read', now)).toBe('expired');
    expect(judgeKey(row({ expiresAt: new Date('2026-11-30T10:00:01Z') }), 'ops:read', now)).toBe('ok');
    expect(judgeKey(row(), 'ops:write', now)).toBe('out-of-scope');
    expect(judgeKey(row({ scopes: ['ops:read', 'ops:write'] }), 'ops:write', now)).toBe('ok');
  });
  it('revocation wins over scope (a revoked key is 401, not 403)', () => {
    expect(judgeKey(row({ revokedAt: now }), 'ops:write', now)).toBe('revoked');
  });
});

describe('ApiKeyService.verify', () => {
  function service(found: ApiKeyRow | null) {
    const repo = { findByHash: jest.fn(async () => found), touch: jest.fn(async () => undefined) };
    return { repo, svc: new ApiKeyService(repo as unknown as ApiKeyRepository, silent) };
  }

  it('401 without a key and for a malformed key, without touching the database', async () => {
    const { repo, svc } = service(row());
    await expect(svc.verify(undefined, 'ops:read')).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(svc.verify('Bearer x', 'ops:read')).rejects.toBeInstanceOf(UnauthorizedException);
    expect(repo.findByHash).not.toHaveBeenCalled();
  });
  it('looks the key up by its sha256 and returns id/prefix/scopes', async () => {
    const { repo, svc } = service(row());
    await expect(svc.verify(KEY, 'ops:read')).resolves.toEqual({ id: 7, prefix: 'cpk_AAAAAAAA', scopes: ['ops:read'] });
    expect(repo.findByHash).toHaveBeenCalledWith(hashApiKey(KEY));
  });
  it('401 unknown/revoked/expired, 403 out of scope', async () => {
    await expect(service(null).svc.verify(KEY, 'ops:read')).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(service(row({ revokedAt: new Date(Date.now() - 1000) })).svc.verify(KEY, 'ops:read')).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    await expect(service(row({ expiresAt: new Date(Date.now() - 1000) })).svc.verify(KEY, 'ops:read')).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    await expect(service(row()).svc.verify(KEY, 'ops:write')).rejects.toBeInstanceOf(ForbiddenException);
  });
  it('writes last_used_at at most once a minute per key', async () => {
    const { repo, svc } = service(row());
    for (let i = 0; i < 5; i++) await svc.verify(KEY, 'ops:read');
    expect(repo.touch).toHaveBeenCalledTimes(1);
    expect(repo.touch).toHaveBeenCalledWith(7, 60);
  });
});
