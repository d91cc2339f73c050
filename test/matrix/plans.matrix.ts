import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { officeAndAdmin as office, overseers as readers, signedIn } from './allow.ts';
import { listRoute, mentions } from './entry.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** The seed document (plan 87/KH-UBND, already registered in the demo authority). */
export const SEED_PLAN_TEXT = readFileSync(
  new URL('../../src/modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
  'utf8',
);

/** The seed document renumbered, so that it can be imported next to the demo's 87/KH-UBND. */
export function renumberedSeed(number: string): string {
  return SEED_PLAN_TEXT.replaceAll('87/KH-UBND', number);
}

/** A multipart/form-data body built by hand: one file part and text fields, CRLF line ends. */
export function multipartBody(
  file: { fileName: string; content: string | Uint8Array; field?: string; mediaType?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dondoc${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.mediaType ?? 'text/plain'}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A plan of the demo authority by number, with its version. */
export async function planRow(db: Kysely<DB>, authorityId: number, number = '87/KH-UBND') {
  return db
    .selectFrom('plan')
    .select(['id', 'version'])
    .where('authority_id', '=', authorityId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}

/** 'own' = task I.3 of 87/KH-UBND (led by Sở Tư pháp); 'other' = I.6 (led by Sở Nội vụ). */
export async function targetTask(ctx: MatrixContext, target: Target) {
  const plan = await planRow(ctx.db, ctx.world.authorityId);
  return ctx.db
    .selectFrom('task')
    .select(['id', 'version'])
    .where('plan_id', '=', plan.id)
    .where('ref', '=', target === 'own' ? 'I.3' : 'I.6')
    .executeTakeFirstOrThrow();
}

/** A small plan, new to both authorities. */
export const SMALL_PLAN = {
  docType: 'KH',
  number: '90/KH-UBND',
  issuedOn: '2021-03-01',
  title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2021',
  tasks: [
    {
      no: '1',
      content: 'Báo cáo kết quả tự kiểm tra',
      leadText: 'Sở Tư pháp',
      deadlineText: 'Trước ngày 30/4/2021',
    },
  ],
};

const SMALL_PLAN_TEXT = [
  'Số: 91/KH-UBND',
  'Tây Ninh, ngày 01 tháng 03 năm 2021',
  'KẾ HOẠCH',
  'Kiểm tra công tác cải cách hành chính năm 2021',
  'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
  '1\tBáo cáo kết quả tự kiểm tra\tSở Tư pháp\t\tTrước ngày 30/4/2021\t',
].join('\n');

/**
 * Creating and importing work in the caller's own authority: the other authority's office may, and
 * must get nothing of UBND-TN back (its plan, or an agency only UBND-TN's directory has).
 */
const leaksTayNinh = (body: unknown) => /87\/KH-UBND|Sở Nội vụ|"SNV"/.test(JSON.stringify(body));

/** Plans and tasks: list, create, import (preview, store), read, edit, withdraw, publish, source; task edit and cancel. */
export const entries: MatrixEntry[] = [
  // the other authority has no leader account: any name listed would be Tây Ninh's
  listRoute('GET', '/api/leaders', readers, mentions('Phó Chủ tịch')),
  // an agency user sees the headers of the plans concerning its scope, whatever the target
  listRoute('GET', '/api/plans', signedIn, mentions('87/KH-UBND'), '/api/plans?asOf=2021-02-15'),
  listRoute('POST', '/api/plans', office, leaksTayNinh, async () => ({
    url: '/api/plans',
    payload: SMALL_PLAN,
  })),
  ...['/api/plans/import/preview', '/api/plans/import'].map((url) =>
    listRoute('POST', url, office, leaksTayNinh, async () => ({
      url,
      ...multipartBody({ fileName: 'ke-hoach.txt', content: SMALL_PLAN_TEXT }),
    })),
  ),
  {
    method: 'GET',
    url: '/api/plans/:id',
    request: async (ctx) => ({ url: `/api/plans/${(await planRow(ctx.db, ctx.world.authorityId)).id}` }),
    allow: readers,
  },
  {
    method: 'PATCH',
    url: '/api/plans/:id',
    request: async (ctx) => {
      const plan = await planRow(ctx.db, ctx.world.authorityId);
      return { url: `/api/plans/${plan.id}`, payload: { version: plan.version, signer: 'Trần Văn Chiến' } };
    },
    allow: office,
  },
  {
    method: 'POST',
    url: '/api/plans/:id/cancel',
    request: async (ctx) => ({
      url: `/api/plans/${(await planRow(ctx.db, ctx.world.authorityId)).id}/cancel`,
      payload: { cancelledOn: '2021-03-01' },
    }),
    allow: office,
  },
  {
    method: 'POST',
    url: '/api/plans/:id/publish',
    request: async (ctx) => ({
      url: `/api/plans/${(await planRow(ctx.db, ctx.world.authorityId)).id}/publish`,
      payload: { published: false },
    }),
    allow: office,
  },
  {
    method: 'GET',
    url: '/api/plans/:id/source',
    request: async (ctx) => ({
      url: `/api/plans/${(await planRow(ctx.db, ctx.world.authorityId)).id}/source`,
    }),
    allow: readers,
  },
  {
    method: 'PATCH',
    url: '/api/tasks/:id',
    request: async (ctx, target) => {
      const task = await targetTask(ctx, target);
      return { url: `/api/tasks/${task.id}`, payload: { version: task.version, note: 'Văn phòng đã nhắc' } };
    },
    allow: office,
  },
  {
    method: 'POST',
    url: '/api/tasks/:id/cancel',
    request: async (ctx, target) => ({
      url: `/api/tasks/${(await targetTask(ctx, target)).id}/cancel`,
      payload: { cancelledOn: '2021-03-01' },
    }),
    allow: office,
  },
];
