import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StoreOptions } from '../../src/modules/files/s3-file-store.ts';

/**
 * A real S3-compatible server for tests (s3rver: the S3 REST API over HTTP on 127.0.0.1, objects in a
 * temporary folder, SigV4 signatures checked), started in this process on a free port.
 */
export async function startS3Server(bucket = 'dondoc-test'): Promise<{
  options: (prefix?: string) => S3StoreOptions;
  close: () => Promise<void>;
}> {
  const directory = mkdtempSync(join(tmpdir(), 'dondoc-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    options: (prefix = '') => ({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket,
      prefix,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    }),
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
