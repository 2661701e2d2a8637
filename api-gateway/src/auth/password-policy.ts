import * as fs from 'fs';
import * as path from 'path';

/**
 * The 10,000 most common passwords (zxcvbn 4.4.2's ranked `passwords` frequency list, lower-cased),
 * one per line. Shipped in the repository, read once, no network; the admin's PHP rule reads the
 * same file (CONTRACTS.md). Resolves from src/auth and dist/auth alike.
 */
export const COMMON_PASSWORDS_FILE = path.resolve(__dirname, '..', '..', 'src', 'auth', 'common-passwords.txt');

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 72;
const MIN_DISTINCT_CHARACTERS = 5;

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common.has(password.toLowerCase());
}

/** Returns a list of problems with a password (empty = acceptable). ASVS L1: >= 12 characters, not a common password. */
export function passwordProblems(password: string, email?: string): string[] {
  if (typeof password !== 'string') return ['must be a string'];
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_LENGTH)
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} bytes long (bcrypt limit)`);
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('must contain letters and digits');
  if (new Set(password.toLowerCase()).size < MIN_DISTINCT_CHARACTERS)
    problems.push(`must contain at least ${MIN_DISTINCT_CHARACTERS} different characters`);
  if (isCommonPassword(password)) problems.push('is too common (it is on a list of the most used passwords)');
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) problems.push('must not be equal to the email');
  return problems;
}
