import { z } from 'zod';
import type { FileStore } from './file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import type { S3StoreOptions } from './s3-file-store.ts';

/** Where uploaded files live (Config.files): a local folder, or an S3-compatible bucket for several servers. */
export type FileStoreConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StoreOptions);

/** The environment variables of the file store (read by src/config.ts, like every other setting). */
export const FILE_STORE_ENV = {
  /** `local`: DONDOC_FILES_DIR; `s3`: the bucket below */
  DONDOC_FILES_STORE: z.enum(['local', 's3']).default('local'),
  /** an S3-compatible server, e.g. http://minio.internal:9000; unset: AWS S3 */
  DONDOC_S3_ENDPOINT: z.string().url().optional(),
  DONDOC_S3_REGION: z.string().min(1).default('us-east-1'),
  DONDOC_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be an S3 bucket name (3–63 lower-case letters, digits, . or -)',
    )
    .optional(),
  /** keys start with it, e.g. `dondoc/` */
  DONDOC_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or folder names ending with /, e.g. dondoc/')
    .default(''),
  DONDOC_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  DONDOC_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** `auto`: path style when DONDOC_S3_ENDPOINT is set (MinIO and most S3-compatible servers) */
  DONDOC_S3_FORCE_PATH_STYLE: z.enum(['auto', 'on', 'off']).default('auto'),
};

type FileStoreEnv = z.infer<z.ZodObject<typeof FILE_STORE_ENV>>;

/** The file store's settings, checked together; problems are returned for the start-up error list. */
export function fileStoreConfigOf(
  e: FileStoreEnv,
  filesDir: string,
): FileStoreConfig | { problems: string[] } {
  if (e.DONDOC_FILES_STORE === 'local') return { kind: 'local', dir: filesDir };
  const problems: string[] = [];
  if (!e.DONDOC_S3_BUCKET) problems.push('DONDOC_S3_BUCKET: required with DONDOC_FILES_STORE=s3');
  if (Boolean(e.DONDOC_S3_ACCESS_KEY_ID) !== Boolean(e.DONDOC_S3_SECRET_ACCESS_KEY)) {
    problems.push('DONDOC_S3_ACCESS_KEY_ID and DONDOC_S3_SECRET_ACCESS_KEY: set both or neither');
  }
  if (problems.length > 0 || !e.DONDOC_S3_BUCKET) return { problems };
  const endpoint = e.DONDOC_S3_ENDPOINT ?? null;
  return {
    kind: 's3',
    endpoint,
    region: e.DONDOC_S3_REGION,
    bucket: e.DONDOC_S3_BUCKET,
    prefix: e.DONDOC_S3_PREFIX,
    credentials:
      e.DONDOC_S3_ACCESS_KEY_ID && e.DONDOC_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.DONDOC_S3_ACCESS_KEY_ID, secretAccessKey: e.DONDOC_S3_SECRET_ACCESS_KEY }
        : null,
    forcePathStyle:
      e.DONDOC_S3_FORCE_PATH_STYLE === 'auto' ? endpoint !== null : e.DONDOC_S3_FORCE_PATH_STYLE === 'on',
  };
}

/** The store of the configuration, built once per process (server, CLI); an S3 bucket is checked first. */
export async function openFileStore(config: FileStoreConfig): Promise<FileStore> {
  if (config.kind === 'local') return createLocalFileStore(config.dir);
  // the S3 client (≈ 1 s to load on a small machine) only for a bucket
  const { createS3FileStore } = await import('./s3-file-store.ts');
  const store = createS3FileStore(config);
  try {
    await store.checkBucket();
  } catch (error) {
    store.close();
    throw new Error(
      `Không truy cập được kho tệp S3 ${config.bucket} (${config.endpoint ?? 'AWS'}): ${(error as Error).name} ${(error as Error).message} — ` +
        'check DONDOC_S3_ENDPOINT, DONDOC_S3_BUCKET and the keys.',
    );
  }
  return store;
}
