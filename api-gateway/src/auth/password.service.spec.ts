import * as bcrypt from 'bcryptjs';
import { isCommonPassword } from './password-policy';
import { normalizeBcryptPrefix, passwordProblems, PasswordService } from './password.service';
import { AppConfig } from '../config/app-config';

describe('password rules', () => {
  it('accepts a strong password', () => expect(passwordProblems('Correct-horse-7', 'a@b.c')).toEqual([]));
  it('rejects passwords under 12 characters (ASVS L1; issue 9 F9: password12 was accepted)', () => {
    expect(passwordProblems('abc123', 'a@b.c').join()).toMatch(/12 characters/);
    expect(passwordProblems('Xy9-abcdefg', 'a@b.c').join()).toMatch(/12 characters/); // 11
    expect(passwordProblems('Xy9-abcdefgh', 'a@b.c')).toEqual([]); // 12
  });
  it('rejects common passwords from the shipped list, case-insensitively', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(passwordProblems('QWERTY123456').join()).toMatch(/too common/);
    expect(passwordProblems('1qaz2wsx3edc').join()).toMatch(/too common/);
    expect(isCommonPassword('Correct-horse-7')).toBe(false);
  });
  it('rejects a repeated character padded with a digit (F9: aaaaaaaaa1)', () => {
    expect(passwordProblems('aaaaaaaaaaa1').join()).toMatch(/5 different characters/);
  });
  it('counts the bcrypt limit in bytes', () => expect(passwordProblems(`${'é'.repeat(36)}a1`).join()).toMatch(/72 bytes/));
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
  it('asks for a rehash when the stored cost differs from the configured one (F8)', () => {
    expect(svc.needsRehash(bcrypt.hashSync('x', 4))).toBe(false);
    expect(svc.needsRehash(bcrypt.hashSync('x', 5))).toBe(true);
    expect(svc.needsRehash(bcrypt.hashSync('x', 4).replace(/^\$2[ab]\$/, '$2y$'))).toBe(false);
  });
});
