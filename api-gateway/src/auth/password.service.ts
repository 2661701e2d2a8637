import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { AppConfig } from '../config/app-config';

/** Returns a list of problems with a password (empty = acceptable). */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (typeof password !== 'string' || password.length < 10) problems.push('must be at least 10 characters long');
  if (typeof password === 'string' && password.length > 72) problems.push('must be at most 72 characters long (bcrypt limit)');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('must contain letters and digits');
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) problems.push('must not be equal to the email');
  return problems;
}

/** PHP's password_hash() writes $2y$; bcryptjs understands $2a$/$2b$ (same algorithm). */
export function normalizeBcryptPrefix(hash: string): string {
  return hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
}

@Injectable()
export class PasswordService {
  // a valid hash to compare against when the user does not exist (constant-ish timing)
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
}
