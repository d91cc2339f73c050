import { z } from 'zod';
import type { DatabaseConfig } from './db/database.ts';

/** Start-up configuration: parsed once from the environment; nothing else reads process.env. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DONDOC_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo (seed plan 87/KH-UBND) on the first start of an empty database. */
  DONDOC_DEMO: z.enum(['auto', 'off']).default('auto'),
});

export interface Config {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly demoOnFirstStart: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${problems}`);
  }
  const e = parsed.data;
  return Object.freeze({
    database: e.DATABASE_URL
      ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: e.DONDOC_DATA_DIR } as const),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoOnFirstStart: e.DONDOC_DEMO === 'auto',
  });
}
