/**
 * Password policy (NIST SP 800-63B §5.1.1.2): at least 12 characters and not
 * a commonly used password. The list ships with Glia (common-passwords.txt);
 * variations that only add digits or symbols to a listed word are refused too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PASSWORD_MIN_LENGTH = 12;

let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** Why this password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  const lower = password.toLowerCase();
  const list = loadCommonPasswords();
  const stripped = lower.replace(/[^a-z]/g, '');
  if (list.has(lower) || (stripped.length > 0 && list.has(stripped))) {
    return 'is a commonly used password; choose a longer phrase of unrelated words';
  }
  if (new Set(lower).size <= 2) return 'repeats too few characters; choose a longer phrase of unrelated words';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your e-mail name';
  return null;
}
