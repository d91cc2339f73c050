import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from './db/database.ts';
import type { OidcOptions } from './modules/auth/oidc.client.ts';
import { FILE_STORE_ENV, type FileStoreConfig, fileStoreConfigOf } from './modules/files/open-file-store.ts';
import type { ParseOptions } from './modules/import/parse-limits.ts';
import type { HttpOptions } from './server/http.ts';

/** Start-up configuration: parsed once from the environment; nothing else reads process.env. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** named prepared statements on PostgreSQL; `off` behind a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode) */
  DATABASE_PREPARE: z.enum(['on', 'off']).default('on'),
  DONDOC_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `on`: load the demo (seed plan 87/KH-UBND, demo accounts) into an empty database; `npm start` sets it in development */
  DONDOC_DEMO: z
    .enum(['on', 'off'], { error: 'must be on (load the demo into an empty database) or off' })
    .default('off'),
  /** Follow-up (issue #5): e-mail through SMTP, the daily sweep's local time, notices, escalation. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//i.test(u), 'must be smtp://host:port or smtps://user:pass@host:port')
    .optional(),
  SMTP_FROM: z.string().min(3).default('dondoc <no-reply@localhost>'),
  DONDOC_SWEEP_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM between 00:00 and 23:59, e.g. 07:00')
    .default('07:00'),
  DONDOC_NOTICE_OFFSETS: z
    .string()
    .regex(
      /^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/,
      'must be days before the deadline separated by commas, e.g. 7,3,1,0',
    )
    .default('7,3,1,0'),
  DONDOC_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** read notifications older than this many days are deleted by the daily sweep */
  DONDOC_NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  DONDOC_SCHEDULER: z.enum(['on', 'off']).default('on'),
  /** HTTP (issue #16): uploaded files, sessions, cookies, the login limit */
  DONDOC_FILES_DIR: z.string().min(1).optional(),
  DONDOC_SESSION_HOURS: z.coerce.number().min(1).max(720).default(12),
  DONDOC_MAX_UPLOAD_MB: z.coerce.number().min(1).max(1024).default(20),
  DONDOC_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  DONDOC_LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Parsing of uploaded documents in worker threads (issue #16; docs/security.md: what each limit answers) */
  DONDOC_PARSE_THREADS: z.coerce.number().int().min(1).max(64).default(1),
  DONDOC_PARSE_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  DONDOC_PARSE_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  DONDOC_PARSE_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  DONDOC_PARSE_MAX_INFLATED_MB: z.coerce.number().min(1).max(4096).default(100),
  DONDOC_PARSE_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  DONDOC_PARSE_MAX_ROWS: z.coerce.number().int().min(1).max(1_048_576).default(5000),
  DONDOC_PARSE_MAX_CELLS: z.coerce.number().int().min(1).max(100_000_000).default(100_000),
  DONDOC_PARSE_MAX_TEXT_CHARS: z.coerce.number().int().min(1000).max(1_000_000_000).default(2_000_000),
  /** scans read by OCR (modules/import/readers/ocr-reader.ts; docs/operations.md) */
  DONDOC_PARSE_OCR_MAX_PAGES: z.coerce.number().int().min(0).max(10_000).default(20),
  DONDOC_PARSE_OCR_SECONDS: z.coerce.number().min(1).max(3600).default(180),
  DONDOC_PARSE_OCR_TESSERACT: z.string().min(1).default('tesseract'),
  DONDOC_PARSE_OCR_PDFTOPPM: z.string().min(1).default('pdftoppm'),
  /** Sign-in with the province's identity provider (OpenID Connect, issue #16; docs/operations.md) */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** unset: a public client (PKCE alone) */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** the public URL of /api/auth/oidc/callback; unset: derived from each request */
  OIDC_REDIRECT_URL: z.string().url().optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid profile email'),
  OIDC_LABEL: z.string().trim().min(1).max(80).default('Đăng nhập một lần (SSO)'),
  OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  /** e.g. resource_access.dondoc.roles: the provider then decides the role (admin, office, leader, agency) */
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  /** e.g. dondoc_agency: the agency code of an agency account */
  OIDC_AGENCY_CLAIM: z.string().min(1).optional(),
  /** an http:// issuer (a closed network, tests); https otherwise */
  OIDC_ALLOW_HTTP: z.enum(['on', 'off']).default('off'),
  /** `off`: local passwords refused, sign-in through the identity provider only */
  DONDOC_LOCAL_PASSWORDS: z.enum(['on', 'off']).default('on'),
  /** an API token's lifetime in days when its creator does not choose one (at most 365) */
  DONDOC_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  /** when set, GET /metrics asks for `Authorization: Bearer <token>` (else restrict /metrics at the proxy) */
  DONDOC_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DONDOC_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(120),
  /** reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or CIDR ranges, comma-separated; none by default */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .refine(
      (items) => items.every((item) => isIpOrCidr(item)),
      'must be IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8',
    ),
  /** the file store (issue #15): local folder or S3-compatible bucket — modules/files/open-file-store.ts */
  ...FILE_STORE_ENV,
});

function isIpOrCidr(item: string): boolean {
  const [address, bits, ...rest] = item.split('/');
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export interface FollowupConfig {
  /** null: e-mails wait in the outbox until SMTP_URL is set */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** 'HH:MM' in each authority's time zone (default 07:00 Asia/Ho_Chi_Minh) */
  readonly sweepTime: string;
  /** days before a deadline on which the lead agency gets a notice, descending, e.g. [7, 3, 1, 0] */
  readonly noticeOffsets: readonly number[];
  readonly escalateAfterDays: number;
  /** days a read notification is kept before the daily sweep deletes it */
  readonly notificationRetentionDays: number;
  /** run the daily sweep and the e-mail delivery inside the server */
  readonly scheduler: boolean;
}

export interface Config {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly demoOnFirstStart: boolean;
  readonly followup: FollowupConfig;
  /** what the HTTP layer takes from the environment (server/http.ts HttpOptions) */
  readonly http: HttpOptions;
  /** the parsing pool of uploaded documents and its limits (modules/import/parse-limits.ts) */
  readonly parsing: Readonly<ParseOptions>;
  /** where uploaded files live: the local folder (http.filesDir) or an S3-compatible bucket */
  readonly files: Readonly<FileStoreConfig>;
  /** DONDOC_METRICS_TOKEN: null leaves /metrics open (restrict it at the proxy) */
  readonly metricsToken: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // a variable set but empty (`DATABASE_URL=` in a unit file or compose.yaml) means unset
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${problems}`);
  }
  const e = parsed.data;
  const oidc = oidcOptionsOf(e);
  const files = fileStoreConfigOf(e, e.DONDOC_FILES_DIR ?? join(e.DONDOC_DATA_DIR, 'files'));
  if ('problems' in files) {
    throw new Error(
      `Cấu hình không hợp lệ (invalid configuration):\n${files.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return Object.freeze({
    database: e.DATABASE_URL
      ? ({ kind: 'postgres', url: e.DATABASE_URL, prepare: e.DATABASE_PREPARE === 'on' } as const)
      : ({ kind: 'pglite', dataDir: e.DONDOC_DATA_DIR } as const),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoOnFirstStart: e.DONDOC_DEMO === 'on',
    followup: Object.freeze({
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.SMTP_FROM,
      sweepTime: e.DONDOC_SWEEP_TIME,
      noticeOffsets: Object.freeze(
        [...new Set(e.DONDOC_NOTICE_OFFSETS.split(',').map((d) => Number(d.trim())))].sort((a, b) => b - a),
      ),
      escalateAfterDays: e.DONDOC_ESCALATE_AFTER_DAYS,
      notificationRetentionDays: e.DONDOC_NOTIFICATION_RETENTION_DAYS,
      scheduler: e.DONDOC_SCHEDULER === 'on',
    }),
    files: Object.freeze(files),
    parsing: Object.freeze({
      threads: e.DONDOC_PARSE_THREADS,
      queue: e.DONDOC_PARSE_QUEUE,
      timeoutMs: Math.round(e.DONDOC_PARSE_TIMEOUT_SECONDS * 1000),
      memoryMb: e.DONDOC_PARSE_MEMORY_MB,
      maxInflatedBytes: Math.round(e.DONDOC_PARSE_MAX_INFLATED_MB * 1024 * 1024),
      maxPages: e.DONDOC_PARSE_MAX_PAGES,
      maxRows: e.DONDOC_PARSE_MAX_ROWS,
      maxCells: e.DONDOC_PARSE_MAX_CELLS,
      maxTextChars: e.DONDOC_PARSE_MAX_TEXT_CHARS,
      ocrMaxPages: e.DONDOC_PARSE_OCR_MAX_PAGES,
      ocrTimeoutMs: Math.round(e.DONDOC_PARSE_OCR_SECONDS * 1000),
      ocrTesseract: e.DONDOC_PARSE_OCR_TESSERACT,
      ocrPdftoppm: e.DONDOC_PARSE_OCR_PDFTOPPM,
    }),
    metricsToken: e.DONDOC_METRICS_TOKEN ?? null,
    http: Object.freeze({
      filesDir: e.DONDOC_FILES_DIR ?? join(e.DONDOC_DATA_DIR, 'files'),
      sessionHours: e.DONDOC_SESSION_HOURS,
      maxUploadBytes: Math.round(e.DONDOC_MAX_UPLOAD_MB * 1024 * 1024),
      secureCookies: e.DONDOC_SECURE_COOKIES,
      loginAttemptsPerIp: e.DONDOC_LOGIN_ATTEMPTS_PER_IP,
      passwordLogin: e.DONDOC_LOCAL_PASSWORDS === 'on',
      oidc,
      tokenDays: e.DONDOC_TOKEN_DAYS,
      trustedProxies: Object.freeze(e.TRUSTED_PROXIES),
      sessionIdleMinutes: e.DONDOC_SESSION_IDLE_MINUTES,
    }),
  });
}

/** The identity provider's settings, checked together: what is missing or contradictory stops the start. */
function oidcOptionsOf(e: z.infer<typeof EnvSchema>): OidcOptions | null {
  const problems: string[] = [];
  if (!e.OIDC_ISSUER) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const) {
      if (e[name]) problems.push(`${name}: set without OIDC_ISSUER`);
    }
    if (e.DONDOC_LOCAL_PASSWORDS === 'off') {
      problems.push('DONDOC_LOCAL_PASSWORDS: off needs OIDC_ISSUER (nobody could sign in)');
    }
  } else {
    if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
    if (new URL(e.OIDC_ISSUER).protocol !== 'https:' && e.OIDC_ALLOW_HTTP !== 'on') {
      problems.push('OIDC_ISSUER: must be https:// (OIDC_ALLOW_HTTP=on allows http:// on a closed network)');
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `Cấu hình không hợp lệ (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return null;
  return Object.freeze({
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET ?? null,
    redirectUrl: e.OIDC_REDIRECT_URL ?? null,
    scopes: e.OIDC_SCOPES.trim(),
    label: e.OIDC_LABEL,
    claims: Object.freeze({
      username: e.OIDC_USERNAME_CLAIM,
      email: e.OIDC_EMAIL_CLAIM,
      role: e.OIDC_ROLE_CLAIM ?? null,
      agency: e.OIDC_AGENCY_CLAIM ?? null,
    }),
    allowHttp: e.OIDC_ALLOW_HTTP === 'on',
  });
}
