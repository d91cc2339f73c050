import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { saveIndexTarget, setIndexOwner } from '../../src/modules/indices/indices-config.service.ts';
import { createIndexLink } from '../../src/modules/indices/indices-links.service.ts';
import { saveIndexResult } from '../../src/modules/indices/indices-results.service.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';
import { officeAndAdmin as CONFIGURE, signedIn, officeAdminAndOwnAgency as WRITE } from './allow.ts';
import { multipart } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** What only UBND-TN's index data carries: seeing it elsewhere is a leak. */
const TN_MARKS = ['MATRIX-UBND-TN', 'VCCI, PCI 2019', 'SKHDT', '87/KH-UBND'];
const leaks = (body: unknown) => TN_MARKS.some((mark) => JSON.stringify(body).includes(mark));
const noLeak = () => false;

/**
 * 'own' = an index Sở Tư pháp (stp) owns with the Office's leave to edit (SIPAS); 'other' = one
 * Sở Nội vụ owns likewise (PAR): stp may write the first and not the second.
 */
const INDEX: Record<Target, string> = { own: 'SIPAS', other: 'PAR' };

function system({ world, db }: MatrixContext): ServiceContext {
  return systemContext({
    db,
    files: createLocalFileStore(world.filesDir),
    authorityId: world.authorityId,
    name: 'test',
    now: new Date('2021-04-13T09:00:00+07:00'),
  });
}

async function seedOwners(ctx: MatrixContext) {
  const sys = system(ctx);
  await setIndexOwner(sys, { index: 'SIPAS', agencyId: ctx.world.agency('STP'), ownerCanEdit: true });
  await setIndexOwner(sys, { index: 'PAR', agencyId: ctx.world.agency('SNV'), ownerCanEdit: true });
}

/** seeded in UBND-TN through the services (so it carries the mark) */
const RESULT = { score: 81, sourceNote: 'MATRIX-UBND-TN' };
/** what a caller sends: its echo in the other authority's reply is not a leak */
const PAYLOAD = { score: 81, sourceNote: 'Nguồn thử' };
const READ = signedIn;
async function seedTarget(ctx: MatrixContext, target: Target, fromYear: number) {
  await seedOwners(ctx);
  return saveIndexTarget(system(ctx), {
    index: INDEX[target],
    fromYear,
    toYear: fromYear,
    score: 90,
    sourceNote: 'MATRIX-UBND-TN',
  });
}

let year = 2040;

const read = (url: string, path = url): MatrixEntry => ({
  method: 'GET',
  url,
  request: async (ctx) => {
    await seedOwners(ctx);
    await saveIndexResult(system(ctx), 'SIPAS', 2020, {
      ...RESULT,
      rank: null,
      rankedOf: null,
      group: null,
      sourceUrl: null,
      published: true,
      internalNote: '',
      components: [],
    });
    return { url: path };
  },
  allow: READ,
  crossAuthority: 'list',
  leaks,
});

export const entries: MatrixEntry[] = [
  { ...read('/api/indices/definitions', '/api/indices/definitions?year=2021'), leaks: noLeak },
  read('/api/indices/results'),
  read('/api/indices/template.xlsx', '/api/indices/template.xlsx?year=2021'),
  read('/api/indices/:index/overview', '/api/indices/PCI/overview?asOf=2021-04-13'),
  read('/api/indices/:index/trend', '/api/indices/SIPAS/trend'),
  read('/api/indices/targets'),
  read('/api/indices/owners'),
  read('/api/indices/links'),
  {
    method: 'GET',
    url: '/api/public/indices',
    request: async () => ({ url: '/api/public/indices?authority=UBND-TN' }),
    allow: { ...READ, public: true },
    crossAuthority: 'list',
    leaks: noLeak,
  },
  {
    method: 'PUT',
    url: '/api/indices/results/:index/:year',
    request: async (ctx, target) => {
      await seedOwners(ctx);
      return { url: `/api/indices/results/${INDEX[target]}/2020`, payload: PAYLOAD };
    },
    allow: WRITE,
    crossAuthority: 'list',
    leaks,
  },
  {
    method: 'DELETE',
    url: '/api/indices/results/:index/:year',
    fresh: true,
    request: async (ctx, target) => {
      await seedOwners(ctx);
      await saveIndexResult(system(ctx), INDEX[target], 2020, {
        ...RESULT,
        rank: null,
        rankedOf: null,
        group: null,
        sourceUrl: null,
        published: true,
        internalNote: '',
        components: [],
      });
      return { url: `/api/indices/results/${INDEX[target]}/2020` };
    },
    allow: WRITE,
  },
  {
    method: 'POST',
    url: '/api/indices/import',
    request: async (ctx, target) => {
      await seedOwners(ctx);
      const csv = `Chỉ số,Năm,Mã thành phần,Điểm,Nguồn\n${INDEX[target]},2020,,82,Nguồn thử\n`;
      const body = await multipart({}, [
        { name: 'ket-qua.csv', bytes: new TextEncoder().encode(csv), field: 'file' },
      ]);
      return { url: '/api/indices/import', ...body };
    },
    allow: WRITE,
    crossAuthority: 'list',
    leaks,
  },
  {
    method: 'POST',
    url: '/api/indices/targets',
    request: async (ctx, target) => {
      await seedOwners(ctx);
      return {
        url: '/api/indices/targets',
        payload: { index: INDEX[target], fromYear: 2030, toYear: 2031, score: 90 },
      };
    },
    allow: WRITE,
    crossAuthority: 'list',
    leaks,
  },
  {
    method: 'PUT',
    url: '/api/indices/targets/:id',
    request: async (ctx, target) => {
      const { id } = await seedTarget(ctx, target, 2032);
      return {
        url: `/api/indices/targets/${id}`,
        payload: { index: INDEX[target], fromYear: 2032, toYear: 2033, score: 91 },
      };
    },
    allow: WRITE,
  },
  {
    method: 'DELETE',
    url: '/api/indices/targets/:id',
    fresh: true,
    request: async (ctx, target) => {
      const { id } = await seedTarget(ctx, target, year++);
      return { url: `/api/indices/targets/${id}` };
    },
    allow: WRITE,
  },
  {
    method: 'PUT',
    url: '/api/indices/owners',
    request: async ({ world }) => ({
      url: '/api/indices/owners',
      payload: {
        index: 'PCI',
        component: 'transparency',
        agencyId: world.agency('STP'),
        ownerCanEdit: false,
      },
    }),
    allow: CONFIGURE,
  },
  {
    method: 'DELETE',
    url: '/api/indices/owners/:id',
    fresh: true,
    request: async (ctx) => {
      const owner = await setIndexOwner(system(ctx), {
        index: 'PCI',
        component: 'transparency',
        agencyId: ctx.world.agency('STP'),
        ownerCanEdit: false,
      });
      return { url: `/api/indices/owners/${owner.id}` };
    },
    allow: CONFIGURE,
  },
  {
    method: 'POST',
    url: '/api/indices/links',
    request: async ({ world, db }) => {
      const task = await db
        .selectFrom('task')
        .select('id')
        .where('authority_id', '=', world.authorityId)
        .where('ref', '=', 'I.3')
        .executeTakeFirstOrThrow();
      return {
        url: '/api/indices/links',
        payload: { index: 'PAR', component: 'institutions', taskId: task.id },
      };
    },
    allow: CONFIGURE,
  },
  {
    method: 'DELETE',
    url: '/api/indices/links/:id',
    fresh: true,
    request: async (ctx) => {
      const task = await ctx.db
        .selectFrom('task')
        .select('id')
        .where('authority_id', '=', ctx.world.authorityId)
        .where('ref', '=', 'I.4')
        .executeTakeFirstOrThrow();
      const existing = await ctx.db
        .selectFrom('index_link')
        .select('id')
        .where('task_id', '=', task.id)
        .where('component_code', '=', 'procedures')
        .executeTakeFirst();
      const link =
        existing ??
        (await createIndexLink(system(ctx), { index: 'PAR', component: 'procedures', taskId: task.id }));
      return { url: `/api/indices/links/${link.id}` };
    },
    allow: CONFIGURE,
  },
];
