import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { type FileStore, isSha256, type StoredFileInfo, sha256Hex } from './file-store.ts';

export interface S3StoreOptions {
  /** e.g. http://minio.local:9000; null: AWS itself */
  endpoint: string | null;
  region: string;
  bucket: string;
  /** keys start with it, e.g. `dondoc/` (empty: the bucket's root) */
  prefix: string;
  /** null: the SDK's default chain (AWS_* variables, an instance role) */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** `bucket` in the path (MinIO and most S3-compatible servers) rather than in the host name */
  forcePathStyle: boolean;
}

/**
 * The file store in an S3-compatible bucket (AWS S3, MinIO, Ceph, a provider's object storage), for
 * several servers sharing the files: a file at `<prefix><sha256>`, staged at
 * `<prefix>staging/<sha256>.<random>`.
 *
 * Why stage by uploading, then publish by a server-side copy, and not keep the bytes in memory and
 * PutObject the content key at publish time (also idempotent, the key being the content's hash):
 * publishing runs inside the transaction, while it holds the assignment's row lock. A copy inside the
 * bucket moves no bytes over our network and takes milliseconds whatever the file's size; a PutObject
 * there would send up to five 20 MB uploads while the lock is held and the connection is taken, and a
 * slow or failing link to the store would fail the transaction late rather than before it began. The
 * copy also gives the object a fresh LastModified, so the orphan sweep (which deletes only objects
 * older than a day) cannot remove a file a transaction is about to reference.
 *
 * Checksums are sent and checked only where S3 requires them (`WHEN_REQUIRED`): recent SDKs otherwise
 * add CRC32 trailers with `aws-chunked` bodies that several S3-compatible servers do not understand.
 * Our own check is stronger anyway: a file's key is the SHA-256 of its bytes.
 */
export function createS3FileStore(options: S3StoreOptions): FileStore & { checkBucket(): Promise<void> } {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const Bucket = options.bucket;
  const contentKey = (sha256: string) => {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return `${options.prefix}${sha256}`;
  };
  const stagingPrefix = `${options.prefix}staging/`;

  async function* listKeys(prefix: string) {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key)
          yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async function head(key: string) {
    try {
      return await client.send(new HeadObjectCommand({ Bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    description: `s3 ${options.bucket}/${options.prefix}`,
    async stage(bytes) {
      const sha256 = sha256Hex(bytes);
      const staging = `${stagingPrefix}${sha256}.${randomBytes(6).toString('hex')}`;
      await client.send(
        new PutObjectCommand({ Bucket, Key: staging, Body: bytes, ContentLength: bytes.byteLength }),
      );
      return { sha256, staging };
    },
    async publish(staged) {
      for (const file of staged) {
        await client.send(
          new CopyObjectCommand({
            Bucket,
            Key: contentKey(file.sha256),
            CopySource: `${Bucket}/${file.staging}`,
          }),
        );
      }
    },
    async discard(staged) {
      await Promise.all(
        staged.map((file) => client.send(new DeleteObjectCommand({ Bucket, Key: file.staging }))),
      );
    },
    async open(sha256) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: contentKey(sha256) }));
        if (!object.Body) return null;
        return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async exists(sha256) {
      return (await head(contentKey(sha256))) !== null;
    },
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const Key = contentKey(sha256);
      const existing = await head(Key);
      if (existing && existing.ContentLength === bytes.byteLength) return { sha256, created: false };
      // a PutObject is atomic: the key holds the old object or the whole new one, never a part
      await client.send(new PutObjectCommand({ Bucket, Key, Body: bytes, ContentLength: bytes.byteLength }));
      return { sha256, created: true };
    },
    async *list(): AsyncIterable<StoredFileInfo> {
      for await (const object of listKeys(options.prefix)) {
        const name = object.key.slice(options.prefix.length);
        if (isSha256(name)) yield { sha256: name, size: object.size, modifiedAt: object.modifiedAt };
      }
    },
    async removeIfOlder(sha256, olderThan) {
      const Key = contentKey(sha256);
      const current = await head(Key);
      if (!current || (current.LastModified ?? new Date(0)) >= olderThan) return false;
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
      return true;
    },
    async removeStaleStaging(olderThan) {
      let removed = 0;
      for await (const object of listKeys(stagingPrefix)) {
        if (object.modifiedAt >= olderThan) continue;
        await client.send(new DeleteObjectCommand({ Bucket, Key: object.key }));
        removed++;
      }
      return removed;
    },
    async checkBucket() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    close() {
      client.destroy();
    },
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
