/**
 * The one error type of dondoc: a stable English code (closed list below), a Vietnamese message
 * for the user, and optional details. Routes map codes to HTTP statuses; the CLI to exit codes.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  INVALID_DATE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  /** sign-in with the identity provider (OpenID Connect, src/modules/auth/oidc.*) */
  PASSWORD_LOGIN_DISABLED: 403,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_STATE_INVALID: 400,
  OIDC_FAILED: 502,
  OIDC_USER_UNKNOWN: 403,
  OIDC_USER_DISABLED: 403,
  OIDC_SUBJECT_MISMATCH: 403,
  OIDC_ROLE_MISSING: 403,
  OIDC_AGENCY_UNKNOWN: 403,
  RATE_LIMITED: 429,
  LOGIN_DELAYED: 429,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  USER_EXISTS: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_NOT_FOUND: 404,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  AUTHORITY_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  PLAN_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  ASSIGNMENT_NOT_FOUND: 404,
  PLAN_EXISTS: 409,
  PLAN_HAS_RESULTS: 409,
  DEMO_ALREADY_LOADED: 409,
  /** the CLI on a database whose migrations are behind or ahead of its code (src/db/migration-state.ts) */
  DATABASE_BEHIND: 409,
  DATABASE_AHEAD: 409,
  RESULT_ALREADY_ACCEPTED: 409,
  IMPORT_EMPTY: 422,
  IMPORT_UNSUPPORTED: 415,
  IMPORT_TOO_LARGE: 413,
  IMPORT_UNREADABLE: 422,
  IMPORT_NO_TEXT: 422,
  IMPORT_NO_TABLE: 422,
  /** tasks that would get no lead assignment, registered only once the Office confirms */
  IMPORT_TASKS_WITHOUT_LEAD: 422,
  /** parsing limits (src/modules/import/parse-limits.ts, docs/security.md) */
  IMPORT_INFLATED_TOO_LARGE: 413,
  IMPORT_TOO_MANY_PAGES: 422,
  IMPORT_TOO_MANY_ROWS: 422,
  IMPORT_TOO_MANY_CELLS: 422,
  IMPORT_TEXT_TOO_LONG: 422,
  IMPORT_PARSE_TIMEOUT: 422,
  IMPORT_PARSE_MEMORY: 422,
  IMPORT_PARSE_FAILED: 422,
  PARSE_BUSY: 503,
  /** scans read by OCR (src/modules/import/readers/ocr-reader.ts): the engine is not installed */
  OCR_UNAVAILABLE: 503,
  IMPORT_OCR_TOO_MANY_PAGES: 422,
  IMPORT_OCR_TIMEOUT: 422,
  IMPORT_OCR_FAILED: 422,
  INDEX_NOT_FOUND: 404,
  INDEX_COMPONENT_UNKNOWN: 422,
  INDEX_SCORE_OUT_OF_RANGE: 422,
  INDEX_RANK_INVALID: 422,
  INDEX_GROUP_UNKNOWN: 422,
  INDEX_IMPORT_INVALID: 422,
  /** backup and restore (src/modules/backup, docs/operations.md) */
  BACKUP_INVALID: 422,
  BACKUP_INCOMPATIBLE: 409,
  RESTORE_TARGET_NOT_EMPTY: 409,
  BACKUP_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
