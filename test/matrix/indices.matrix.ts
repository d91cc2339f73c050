import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { saveIndexTarget, setIndexOwner } from '../../src/modules/indices/indices-config.service.ts';
import { createIndexLink } from '../../src/modules/indices/indices-links.service.ts';
import { saveIndexResult } from '../../src/modules/indices/indices-results.service.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';
import {
  officeAndAdmin as CONFIGURE,
  everyone,
  signedIn,
  officeAdminAndOwnAgency as WRITE,
} from './allow.ts';
import { leaksNothing, listingAfter, listRoute, mentions } from './entry.ts';
import { multipart } from './results.matrix.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** What only UBND-TN's index data carries: seeing it elsewhere is a leak. */
const TN_MARKS = ['MATRIX-UBND-TN', 'VCCI, PCI 2019', 'SKHDT', '87/KH-UBND'];
const leaks = mentions(...TN_MARKS);

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

/** Sở Tư pháp as the owner of PCI's transparency component, without leave to edit. */
const transparencyOwner = ({ world }: Pick<MatrixContext, 'world'>) => ({
  index: 'PCI',
  component: 'transparency',
  agencyId: world.agency('STP'),
  ownerCanEdit: false,
});

/** A task of UBND-TN's seed plan by its reference. */
async function taskId({ db, world }: MatrixContext, ref: string) {
  const task = await db
    .selectFrom('task')
    .select('id')
    .where('authority_id', '=', world.authorityId)
    .where('ref', '=', ref)
    .executeTakeFirstOrThrow();
  return task.id;
}

/** A published 2020 result of the index, with the owners set. */
async function seedResult(ctx: MatrixContext, index: string) {
  await seedOwners(ctx);
  await saveIndexResult(system(ctx), index, 2020, {
    ...RESULT,
    rank: null,
    rankedOf: null,
    group: null,
    sourceUrl: null,
    published: true,
    internalNote: '',
    components: [],
  });
}

const read = (url: string, path = url): MatrixEntry =>
  listRoute(
    'GET',
    url,
    READ,
    leaks,
    listingAfter((ctx) => seedResult(ctx, 'SIPAS'), path),
  );

export const entries: MatrixEntry[] = [
  { ...read('/api/indices/definitions', '/api/indices/definitions?year=2021'), leaks: leaksNothing },
  read('/api/indices/results'),
  read('/api/indices/template.xlsx', '/api/indices/template.xlsx?year=2021'),
  read('/api/indices/:index/overview', '/api/indices/PCI/overview?asOf=2021-04-13'),
  read('/api/indices/:index/trend', '/api/indices/SIPAS/trend'),
  read('/api/indices/targets'),
  read('/api/indices/owners'),
  read('/api/indices/links'),
  listRoute('GET', '/api/public/indices', everyone, leaksNothing, '/api/public/indices?authority=UBND-TN'),
  listRoute('PUT', '/api/indices/results/:index/:year', WRITE, leaks, async (ctx, target) => {
    await seedOwners(ctx);
    return { url: `/api/indices/results/${INDEX[target]}/2020`, payload: PAYLOAD };
  }),
  {
    method: 'DELETE',
    url: '/api/indices/results/:index/:year',
    fresh: true,
    request: async (ctx, target) => {
      await seedResult(ctx, INDEX[target]);
      return { url: `/api/indices/results/${INDEX[target]}/2020` };
    },
    allow: WRITE,
  },
  listRoute('POST', '/api/indices/import', WRITE, leaks, async (ctx, target) => {
    await seedOwners(ctx);
    const csv = `Chỉ số,Năm,Mã thành phần,Điểm,Nguồn\n${INDEX[target]},2020,,82,Nguồn thử\n`;
    const body = await multipart({}, [
      { name: 'ket-qua.csv', bytes: new TextEncoder().encode(csv), field: 'file' },
    ]);
    return { url: '/api/indices/import', ...body };
  }),
  listRoute('POST', '/api/indices/targets', WRITE, leaks, async (ctx, target) => {
    await seedOwners(ctx);
    return {
      url: '/api/indices/targets',
      payload: { index: INDEX[target], fromYear: 2030, toYear: 2031, score: 90 },
    };
  }),
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
      payload: transparencyOwner({ world }),
    }),
    allow: CONFIGURE,
  },
  {
    method: 'DELETE',
    url: '/api/indices/owners/:id',
    fresh: true,
    request: async (ctx) => {
      const owner = await setIndexOwner(system(ctx), transparencyOwner(ctx));
      return { url: `/api/indices/owners/${owner.id}` };
    },
    allow: CONFIGURE,
  },
  {
    method: 'POST',
    url: '/api/indices/links',
    request: async (ctx) => ({
      url: '/api/indices/links',
      payload: { index: 'PAR', component: 'institutions', taskId: await taskId(ctx, 'I.3') },
    }),
    allow: CONFIGURE,
  },
  {
    method: 'DELETE',
    url: '/api/indices/links/:id',
    fresh: true,
    request: async (ctx) => {
      const task = { id: await taskId(ctx, 'I.4') };
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
