import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { AppConfig } from '../config/app-config';

export { passwordProblems } from './password-policy';

/** PHP's password_hash() writes $2y$; bcryptjs understands $2a$/$2b$ (same algorithm). */
export function normalizeBcryptPrefix(hash: string): string {
  return hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
}

@Injectable()
export class PasswordService {
  /**
   * Compared against when the account does not exist, at the configured cost, so an unknown email
   * takes as long as a known one (F8). Known hashes of another cost are rehashed on login.
   */
  private readonly dummyHash: string;

  constructor(private readonly config: AppConfig) {
    this.dummyHash = bcrypt.hashSync('dummy-password-0', config.env.BCRYPT_COST);
  }

  /** bcrypt $2b$ at the configured cost (12), readable by PHP password_verify. */
  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.env.BCRYPT_COST);
  }

  async verify(password: string, hash: string | null | undefined): Promise<boolean> {
    if (!hash) {
      await bcrypt.compare(password, this.dummyHash);
      return false;
    }
    return bcrypt.compare(password, normalizeBcryptPrefix(hash));
  }

  /** True when a stored hash was made at another cost than the configured one. */
  needsRehash(hash: string): boolean {
    try {
      return bcrypt.getRounds(normalizeBcryptPrefix(hash)) !== this.config.env.BCRYPT_COST;
    } catch {
      return true;
    }
  }
}
