import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { exportJWK, JWK } from 'jose';
import { AppConfig } from '../config/app-config';

export interface SigningKey {
  kid: string;
  privateKey?: KeyObject;
  publicKey: KeyObject;
  createdAt: number;
}

/** kid = first 16 chars of the base64url SHA-256 of the SPKI public key. */
export function kidFor(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

/**
 * RSA signing keys. Loads every <kid>.public.pem (and .private.pem) in JWT_KEYS_DIR; the newest key
 * with a private part signs, all public keys verify and are published in the JWKS (rotation:
 * drop a new pair in the directory, keep the old public key until its tokens have expired).
 * JWT_PRIVATE_KEY (PEM) in the environment takes precedence as the signing key.
 */
@Injectable()
export class KeyStoreService implements OnModuleInit {
  private keys = new Map<string, SigningKey>();
  private active!: SigningKey;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.load();
  }

  load(): void {
    this.keys.clear();
    const dir = this.config.keysDir;
    if (fs.existsSync(dir)) this.loadDir(dir);
    const envPem = this.config.env.JWT_PRIVATE_KEY;
    if (envPem) {
      const privateKey = createPrivateKey(envPem.replace(/\\n/g, '\n'));
      const publicKey = createPublicKey(privateKey);
      const kid = this.config.env.JWT_KID || kidFor(publicKey);
      this.active = { kid, privateKey, publicKey, createdAt: Date.now() };
      this.keys.set(kid, this.active);
      return;
    }
    const signers = [...this.keys.values()].filter((k) => k.privateKey).sort((a, b) => b.createdAt - a.createdAt);
    if (signers.length) {
      this.active = signers[0];
      return;
    }
    this.active = this.generate(dir);
    this.keys.set(this.active.kid, this.active);
  }

  private loadDir(dir: string): void {
    for (const file of fs.readdirSync(dir)) {
      const m = /^(.+)\.public\.pem$/.exec(file);
      if (!m) continue;
      const kid = m[1];
      const pubPath = path.join(dir, file);
      const privPath = path.join(dir, `${kid}.private.pem`);
      const publicKey = createPublicKey(fs.readFileSync(pubPath));
      const privateKey = fs.existsSync(privPath) ? createPrivateKey(fs.readFileSync(privPath)) : undefined;
      this.keys.set(kid, { kid, publicKey, privateKey, createdAt: fs.statSync(pubPath).mtimeMs });
    }
  }

  /** Generates a 2048-bit RSA pair on first boot; exclusive create so concurrent boots don't clobber. */
  private generate(dir: string): SigningKey {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = kidFor(publicKey);
    fs.writeFileSync(path.join(dir, `${kid}.private.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    fs.writeFileSync(path.join(dir, `${kid}.public.pem`), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag: 'wx' });
    return { kid, privateKey, publicKey, createdAt: Date.now() };
  }

  signingKey(): SigningKey {
    return this.active;
  }

  verificationKey(kid: string): KeyObject | undefined {
    return this.keys.get(kid)?.publicKey;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const keys = await Promise.all(
      [...this.keys.values()].map(async (k) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, alg: 'RS256', use: 'sig' })),
    );
    return { keys };
  }
}
