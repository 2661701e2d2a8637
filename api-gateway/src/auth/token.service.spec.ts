import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UnauthorizedException } from '@nestjs/common';
import { SignJWT } from 'jose';
import { AppConfig } from '../config/app-config';
import { KeyStoreService } from './key-store.service';
import { TokenService } from './token.service';

describe('TokenService + KeyStoreService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-keys-'));
  const config = new AppConfig({ JWT_KEYS_DIR: dir, JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud', JWT_ACCESS_TTL_SECONDS: 900 } as never);
  const keys = new KeyStoreService(config);
  keys.onModuleInit();
  const tokens = new TokenService(config, keys);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a key pair on first boot and reuses it', () => {
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.private.pem'))).toHaveLength(1);
    const again = new KeyStoreService(config);
    again.onModuleInit();
    expect(again.signingKey().kid).toBe(keys.signingKey().kid);
  });

  it('signs RS256 with kid and the agreed claims, and verifies', async () => {
    const { token, expiresIn } = await tokens.signAccess({ id: 5, role: 'admin', tokenVersion: 3 }, 'fam');
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual(expect.objectContaining({ alg: 'RS256', kid: keys.signingKey().kid }));
    const claims = await tokens.verifyAccess(token);
    expect(claims).toEqual(expect.objectContaining({ sub: '5', role: 'admin', tv: 3, sid: 'fam', iss: 'iss', aud: 'aud' }));
    expect(claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(expiresIn);
  });

  it('publishes the public key only', async () => {
    const jwks = await keys.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual(expect.objectContaining({ kty: 'RSA', kid: keys.signingKey().kid, alg: 'RS256', use: 'sig' }));
    expect((jwks.keys[0] as { d?: string }).d).toBeUndefined();
  });

  it('rejects alg none and HS256', async () => {
    const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const payload = b({ sub: '1', role: 'admin', tv: 0, jti: 'x', iss: 'iss', aud: 'aud', exp: Math.floor(Date.now() / 1000) + 60 });
    await expect(tokens.verifyAccess(`${b({ alg: 'none', kid: keys.signingKey().kid })}.${payload}.`)).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    const hs = await new SignJWT({ role: 'admin', tv: 0 })
      .setProtectedHeader({ alg: 'HS256', kid: keys.signingKey().kid })
      .setSubject('1')
      .setJti('x')
      .setIssuer('iss')
      .setAudience('aud')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('secret'));
    await expect(tokens.verifyAccess(hs)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('answers a token seen before from its cache, and re-checks its key and its expiry', async () => {
    const { token } = await tokens.signAccess({ id: 8, role: 'customer', tokenVersion: 0 });
    const first = await tokens.verifyAccess(token);
    expect(await tokens.verifyAccess(token)).toBe(first);
    const removed = jest.spyOn(keys, 'verificationKey').mockReturnValue(undefined);
    await expect(tokens.verifyAccess(token)).rejects.toThrow('Invalid access token');
    removed.mockRestore();
    expect(await tokens.verifyAccess(token)).toEqual(first);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'], now: (first.exp + 6) * 1000 });
    try {
      await expect(tokens.verifyAccess(token)).rejects.toThrow('Access token expired');
    } finally {
      jest.useRealTimers();
    }
  });
});
