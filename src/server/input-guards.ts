import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function badInput(where: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${where} chứa ký tự không hợp lệ (ký tự NUL hoặc mã UTF-8 sai): hãy kiểm tra lại dữ liệu gửi lên.`,
  );
}

/** Multipart text fields, which no body parser sees: the same refusal as for JSON. */
export function refuseNul(value: unknown, where = 'Nội dung gửi lên'): void {
  if (holdsNul(value)) throw badInput(where);
}

/** Any string inside a parsed value that holds a NUL (which PostgreSQL text cannot store). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000') || holdsNul(item, depth + 1)) return true;
  }
  return false;
}

/**
 * The input boundary (issue #16, finding 7): a path or query string that is not valid
 * percent-encoded UTF-8 or holds a NUL, a JSON body that is not valid UTF-8, and any NUL in a
 * parsed body are refused with 400 before a route sees them — never a 500, never U+FFFD stored.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const url = request.raw.url ?? '/';
    if (!url.includes('%')) {
      if (url.includes('\u0000')) throw badInput('Đường dẫn');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    } catch {
      throw badInput('Đường dẫn hoặc tham số');
    }
    if (decoded.includes('\u0000')) throw badInput('Đường dẫn hoặc tham số');
  });

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = UTF8.decode(body);
    } catch {
      done(badInput('Nội dung gửi lên'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, rejectPrototypeKeys));
    } catch (error) {
      done(
        error instanceof AppError
          ? error
          : new AppError('VALIDATION_FAILED', 'Nội dung gửi lên không phải JSON hợp lệ.'),
        undefined,
      );
    }
  });

  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.body)) throw badInput('Nội dung gửi lên');
  });
}

/** As Fastify's own parser: `__proto__` and `constructor.prototype` keys are refused. */
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__')
    throw new AppError('VALIDATION_FAILED', 'Nội dung gửi lên có khóa không được phép.');
  if (key === 'constructor' && value && typeof value === 'object' && 'prototype' in value) {
    throw new AppError('VALIDATION_FAILED', 'Nội dung gửi lên có khóa không được phép.');
  }
  return value;
}

/** A multipart body cut short or malformed (busboy and @fastify/multipart say so in plain errors). */
export function isTruncatedMultipart(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code === 'FST_MP_PREMATURE_CLOSE') return true;
  return (
    typeof e.message === 'string' &&
    /^(Unexpected end of (multipart data|form)|Multipart: Boundary not found|Malformed part header)/.test(
      e.message,
    )
  );
}
