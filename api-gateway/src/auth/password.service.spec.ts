import * as bcrypt from 'bcryptjs';
import { normalizeBcryptPrefix, passwordProblems, PasswordService } from './password.service';
import { AppConfig } from '../config/app-config';

describe('password rules', () => {
  it('accepts a strong password', () => expect(passwordProblems('Correct-horse-7', 'a@b.c')).toEqual([]));
  it('rejects short passwords', () => expect(passwordProblems('abc123', 'a@b.c').join()).toMatch(/10 characters/));
  it('requires letters and digits', () => {
    expect(passwordProblems('onlyletterspassword').join()).toMatch(/letters and digits/);
    expect(passwordProblems('12345678901').join()).toMatch(/letters and digits/);
  });
  it('rejects the email as password', () => expect(passwordProblems('user1@example.com', 'USER1@example.com').join()).toMatch(/email/));
});

describe('PasswordService', () => {
  const svc = new PasswordService(new AppConfig({ BCRYPT_COST: 4 } as never));
  it('hashes with $2b$ and verifies', async () => {
    const h = await svc.hash('Secret-pass-1');
    expect(h.startsWith('$2b$04$')).toBe(true);
    expect(await svc.verify('Secret-pass-1', h)).toBe(true);
    expect(await svc.verify('wrong-pass-1', h)).toBe(false);
  });
  it('accepts PHP $2y$ hashes', async () => {
    const php = bcrypt.hashSync('Secret-pass-1', 4).replace(/^\$2[ab]\$/, '$2y$');
    expect(normalizeBcryptPrefix(php).startsWith('$2b$')).toBe(true);
    expect(await svc.verify('Secret-pass-1', php)).toBe(true);
  });
  it('returns false for a missing hash', async () => expect(await svc.verify('x', null)).toBe(false));
});
