import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.ts';

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score 3: more than 10^8 guesses ("safely unguessable" for an online attack, resists a slow-hash offline one). */
export const MIN_PASSWORD_SCORE = 3;

/** Words a Vietnamese office's password guesser tries first, besides the user's own names. */
const LOCAL_WORDS = [
  'matkhau',
  'mat khau',
  'dondoc',
  'don doc',
  'vanphong',
  'van phong',
  'ubnd',
  'uyban',
  'quantri',
  'admin',
  'tayninh',
  'hanoi',
  'saigon',
  'hochiminh',
  'vietnam',
  'anhyeuem',
  'yeuem',
  'iloveyou',
  'congvan',
  'kehoach',
];

let estimator: { check: (password: string, userInputs?: (string | number)[]) => { score: number } } | null =
  null;

/**
 * zxcvbn-ts with its common-password, name and word lists and keyboard graphs, loaded on the first
 * password set (≈ 50 ms, a few MB) rather than at start-up.
 */
function passwordEstimator() {
  if (!estimator) {
    const require = createRequire(import.meta.url);
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  }
  return estimator;
}

/**
 * Mật khẩu đủ mạnh — checked whenever a password is set or reset (issue #16): 10 to 256 characters,
 * and not guessable (zxcvbn score ≥ 3 against common passwords, names, keyboard runs, dates, and the
 * account's own names): `12345678`, `1234567890`, `password123`, `matkhau123` are refused.
 */
export function assertPasswordPolicy(password: string, userInputs: readonly string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      'WEAK_PASSWORD',
      `Mật khẩu cần từ ${MIN_PASSWORD_LENGTH} đến ${MAX_PASSWORD_LENGTH} ký tự.`,
      { minLength: MIN_PASSWORD_LENGTH },
    );
  }
  const inputs = [...LOCAL_WORDS, ...userInputs.flatMap((input) => input.toLowerCase().split(/[\s._@-]+/))];
  const { score } = passwordEstimator().check(
    password,
    inputs.filter((word) => word.length >= 3),
  );
  if (score < MIN_PASSWORD_SCORE) {
    throw new AppError(
      'WEAK_PASSWORD',
      'Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy phím, ngày tháng hoặc tên tài khoản): hãy dùng một cụm từ dài hơn, ít gặp hơn.',
      { score, minScore: MIN_PASSWORD_SCORE },
    );
  }
}

/** A secret handed out once (session cookie, API token); only its SHA-256 is stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
