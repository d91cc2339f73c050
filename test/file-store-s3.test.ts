import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type FileStore, sha256Hex } from '../src/modules/files/file-store.ts';
import { ORPHAN_AGE_MS, sweepOrphanUploads } from '../src/modules/files/files.service.ts';
import { createLocalFileStore } from '../src/modules/files/local-file-store.ts';
import { openFileStore } from '../src/modules/files/open-file-store.ts';
import { leadAssignmentId, multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { buildWorld, signIn, type World } from './support/http.ts';
import { startS3Server } from './support/s3-server.ts';

/**
 * One contract, two stores (issue #15): the local folder and an S3-compatible bucket on a real S3
 * server (s3rver, started here). Staged bytes are invisible until published; a refused transaction
 * leaves nothing; the sweep removes only old unreferenced files; downloads stream the stored bytes.
 */
const pdf = (label: string) => Buffer.concat([SMALL_PDF, Buffer.from(`% ${label}\n`)]);
const inTwoDays = () => new Date(Date.now() + 2 * ORPHAN_AGE_MS);

async function storedHashes(store: FileStore): Promise<string[]> {
  const hashes: string[] = [];
  for await (const file of store.list()) hashes.push(file.sha256);
  return hashes.sort();
}

async function bytesOf(store: FileStore, sha256: string): Promise<Buffer | null> {
  const opened = await store.open(sha256);
  if (!opened) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const stores: { name: string; open: () => Promise<{ store: FileStore; close: () => Promise<void> }> }[] = [
  {
    name: 'local folder',
    open: async () => ({
      store: createLocalFileStore(mkdtempSync(join(tmpdir(), 'dondoc-files-'))),
      close: async () => {},
    }),
  },
  {
    name: 'S3-compatible bucket',
    open: async () => {
      const server = await startS3Server();
      const options = server.options(`run-${Date.now()}/`);
      // the store as main.ts and the CLI open it: from the environment, through Config
      const config = loadConfig({
        DONDOC_FILES_STORE: 's3',
        DONDOC_S3_ENDPOINT: options.endpoint ?? '',
        DONDOC_S3_BUCKET: options.bucket,
        DONDOC_S3_PREFIX: options.prefix,
        DONDOC_S3_ACCESS_KEY_ID: options.credentials?.accessKeyId,
        DONDOC_S3_SECRET_ACCESS_KEY: options.credentials?.secretAccessKey,
      });
      expect(config.files).toEqual({ kind: 's3', ...options });
      const store = await openFileStore(config.files);
      return {
        store,
        close: async () => {
          store.close();
          await server.close();
        },
      };
    },
  },
];

for (const kind of stores) {
  describe(`file store contract: ${kind.name}`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await kind.open());
    });
    afterAll(async () => close());

    it('staged bytes are not stored until published; published ones stream back; put is idempotent', async () => {
      const bytes = pdf(`stage ${kind.name}`);
      const staged = await store.stage(bytes);
      expect(staged.sha256).toBe(sha256Hex(bytes));
      expect(await store.exists(staged.sha256)).toBe(false);
      expect(await store.open(staged.sha256)).toBeNull();
      await store.publish([staged]);
      await store.discard([staged]);
      expect(await store.exists(staged.sha256)).toBe(true);
      expect(await bytesOf(store, staged.sha256)).toEqual(bytes);
      expect(await storedHashes(store)).toContain(staged.sha256);
      // nothing left in staging: even a sweep two days from now finds no temporary
      expect(await store.removeStaleStaging(inTwoDays())).toBe(0);

      const other = pdf(`put ${kind.name}`);
      expect(await store.put(other)).toEqual({ sha256: sha256Hex(other), created: true });
      expect(await store.put(other)).toEqual({ sha256: sha256Hex(other), created: false });
      expect(await bytesOf(store, sha256Hex(other))).toEqual(other);
    });

    it('discarded staged bytes leave nothing behind', async () => {
      const bytes = pdf(`discard ${kind.name}`);
      const staged = await store.stage(bytes);
      await store.discard([staged]);
      expect(await store.exists(staged.sha256)).toBe(false);
      expect(await store.removeStaleStaging(inTwoDays())).toBe(0);
    });
  });

  describeOnFastestDatabase(`file store through the API: ${kind.name}`, (t) => {
    let store: FileStore;
    let close: () => Promise<void>;
    let world: World;
    beforeAll(async () => {
      ({ store, close } = await kind.open());
    });
    afterAll(async () => close());
    beforeEach(async () => {
      world = await buildWorld(t, { files: store });
      return async () => {
        await world.app.close();
      };
    });

    it('a result file is stored once, referenced only after commit, and downloads byte for byte', async () => {
      const stp = await signIn(world.app, 'stp');
      const i3 = await leadAssignmentId(t.db, world.authorityId, 'I.3', 'STP');
      const variants = [1, 2, 3].map((n) => pdf(`${kind.name} bản ${n}`));
      // three submissions race for one assignment: one is recorded, two are refused inside their transaction
      const replies = await Promise.all(
        variants.map(async (bytes, n) =>
          stp.request({
            method: 'POST',
            url: `/api/assignments/${i3}/results`,
            ...(await multipart({ documentNumber: `${n}/BC-STP` }, [{ name: `ban-${n}.pdf`, bytes }])),
          }),
        ),
      );
      expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      const referenced = await t.db.selectFrom('stored_file').select(['id', 'sha256']).execute();
      expect(referenced).toHaveLength(1);
      const [row] = referenced;
      if (!row) throw new Error('no stored file');
      const variantHashes = variants.map((bytes) => sha256Hex(bytes));
      const storedVariants = (await storedHashes(store)).filter((sha) => variantHashes.includes(sha));
      expect(storedVariants).toEqual([row.sha256]);
      expect(await store.removeStaleStaging(inTwoDays())).toBe(0);

      const download = await stp.get(`/api/files/${row.id}`);
      expect(download.statusCode).toBe(200);
      expect(sha256Hex(download.rawPayload)).toBe(row.sha256);
      expect(download.headers['content-length']).toBe(String(download.rawPayload.byteLength));
    });

    it('the sweep removes unreferenced files once they are a day old, and crash leftovers, nothing else', async () => {
      const stp = await signIn(world.app, 'stp');
      const i3 = await leadAssignmentId(t.db, world.authorityId, 'I.3', 'STP');
      const kept = pdf(`${kind.name} giữ`);
      const reply = await stp.request({
        method: 'POST',
        url: `/api/assignments/${i3}/results`,
        ...(await multipart({ documentNumber: '9/BC-STP' }, [{ name: 'giu.pdf', bytes: kept }])),
      });
      expect(reply.statusCode).toBe(201);
      const orphan = Buffer.from(`mồ côi ${kind.name}`);
      await store.put(orphan);
      await store.stage(Buffer.from(`nửa tệp ${kind.name}`)); // a crash between stage and discard

      expect(await sweepOrphanUploads(t.db, store, new Date())).toEqual({ orphans: 0, temporaries: 0 });
      expect(await store.exists(sha256Hex(orphan))).toBe(true);

      const later = await sweepOrphanUploads(t.db, store, inTwoDays());
      expect(later.temporaries).toBe(1);
      expect(later.orphans).toBeGreaterThanOrEqual(1); // this one, and any left by the test before
      expect(await store.exists(sha256Hex(orphan))).toBe(false);
      const referenced = await t.db.selectFrom('stored_file').select('sha256').execute();
      expect(await storedHashes(store)).toEqual(referenced.map((r) => r.sha256).sort());
      const download = await stp.get(`/api/files/${reply.json().files[0].id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload).toEqual(kept);
    });
  });
}

describe('file store settings', () => {
  it('the local folder by default, under DONDOC_DATA_DIR unless DONDOC_FILES_DIR says otherwise', () => {
    expect(loadConfig({ DONDOC_DATA_DIR: '/srv/dondoc' }).files).toEqual({
      kind: 'local',
      dir: '/srv/dondoc/files',
    });
    expect(loadConfig({ DONDOC_FILES_DIR: '/mnt/tep' }).files).toEqual({ kind: 'local', dir: '/mnt/tep' });
  });

  it('an S3 store without its bucket, with one key of two, or with a bad prefix stops the start with the reason', () => {
    expect(() => loadConfig({ DONDOC_FILES_STORE: 's3' })).toThrow(/DONDOC_S3_BUCKET: required/);
    expect(() =>
      loadConfig({ DONDOC_FILES_STORE: 's3', DONDOC_S3_BUCKET: 'dondoc', DONDOC_S3_ACCESS_KEY_ID: 'AKIA' }),
    ).toThrow(/set both or neither/);
    expect(() =>
      loadConfig({ DONDOC_FILES_STORE: 's3', DONDOC_S3_BUCKET: 'dondoc', DONDOC_S3_PREFIX: 'no-slash' }),
    ).toThrow(/DONDOC_S3_PREFIX/);
  });

  it('an unreachable bucket is refused when the store opens, not at the first upload', async () => {
    const server = await startS3Server();
    try {
      await expect(
        openFileStore({ kind: 's3', ...server.options(), bucket: 'no-such-bucket' }),
      ).rejects.toThrow(/Không truy cập được kho tệp S3 no-such-bucket/);
    } finally {
      await server.close();
    }
  });
});
